// Export: the generated XML against GB/T 9704-2012 (page, margins, grid, fonts and sizes per level,
// indents, the page-number footers) and against leaks of the docx library's defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8 } from 'fflate';
import { parse } from '../../../server/src/core/parse';
import { exportDocx } from '../../../server/src/docx/export';
import { mergeSettings, type SettingsProblem } from '../../../server/src/core/config-schema';
import { defaultSettings } from '../../../server/src/core/settings';
import { defaultExportSettings, parseFontSize } from '../../../server/src/docx/settings';
import { parts, partText, val, wAll, wFirst, xml } from './helpers';

const DRAFT = [
  '---',
  '类型: 单项',
  '---',
  '关于做好安全生产工作的讲话',
  '',
  '同志们：',
  '今天我讲两点意见。<!-- 草稿：待领导审定 -->',
  '一、提高认识',
  '（一）抓学习。要读原文、悟原理。',
  '1.读原文。逐篇读。',
  '（1）做笔记',
  '二、压实责任',
  '谢谢大家！',
].join('\n');

const exported = async (text = DRAFT, settings = defaultExportSettings()) => exportDocx(parse(text), { settings });

interface StyleSummary {
  name?: string;
  basedOn?: string;
  font?: string;
  fonts?: string[];
  size?: string;
  bold?: string;
  jc?: string;
  firstLineChars?: string;
  outlineLvl?: string;
}

function style(bytes: Uint8Array, id: string): StyleSummary {
  const el = wAll(xml(bytes, 'word/styles.xml'), 'style').find((s) => val(s, 'styleId') === id);
  assert.ok(el, `style ${id}`);
  const pPr = wFirst(el, 'pPr');
  const rPr = wFirst(el, 'rPr');
  const rFonts = wFirst(rPr, 'rFonts');
  const summary: StyleSummary = {
    name: val(wFirst(el, 'name')),
    basedOn: val(wFirst(el, 'basedOn')),
    fonts: rFonts ? ['ascii', 'eastAsia', 'hAnsi', 'cs'].map((a) => val(rFonts, a) ?? '') : undefined,
    size: val(wFirst(rPr, 'sz')),
    bold: val(wFirst(rPr, 'b')),
    jc: val(wFirst(pPr, 'jc')),
    firstLineChars: val(wFirst(pPr, 'ind'), 'firstLineChars'),
    outlineLvl: val(wFirst(pPr, 'outlineLvl')),
  };
  for (const key of Object.keys(summary) as (keyof StyleSummary)[]) if (summary[key] === undefined || summary[key] === '') delete summary[key];
  return summary;
}

const four = (font: string) => [font, font, font, font];

test('export: A4, margins 37/35/28/26 mm, a grid of 22 lines × 28 characters, odd and even footers', async () => {
  const bytes = await exported();
  const sectPr = wAll(xml(bytes, 'word/document.xml'), 'sectPr')[0];
  const pgSz = wFirst(sectPr, 'pgSz')!;
  assert.deepEqual([val(pgSz, 'w'), val(pgSz, 'h')], ['11906', '16838'], 'A4: 210 × 297 mm');
  const pgMar = wFirst(sectPr, 'pgMar')!;
  // 1 mm = 1440 / 25.4 twips: 37 mm = 2098, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474.
  assert.deepEqual(['top', 'bottom', 'left', 'right'].map((a) => val(pgMar, a)), ['2098', '1984', '1587', '1474']);
  // Type area: (11906 − 1587 − 1474) twips = 156 mm wide, (16838 − 2098 − 1984) twips = 225 mm high.
  const grid = wFirst(sectPr, 'docGrid')!;
  assert.equal(val(grid, 'type'), 'linesAndChars');
  // 22 lines: 12756 twips / 22 = 579.8, rounded down so that the 22nd line still fits.
  assert.equal(val(grid, 'linePitch'), '579');
  // 28 characters: 8845 twips / 28 = 15.795 pt per character, 0.205 pt under 3号 (16 pt) = −841/4096 pt.
  assert.equal(val(grid, 'charSpace'), '-841');
  const refs = wAll(sectPr, 'footerReference').map((r) => val(r, 'type'));
  assert.deepEqual(refs, ['default', 'even']);
  assert.match(partText(bytes, 'word/settings.xml'), /<w:evenAndOddHeaders\/>/);
});

test('export: the 22 × 28 page laid out explicitly, so that LibreOffice shows it as Word does', async () => {
  const bytes = await exported();
  const normal = wAll(xml(bytes, 'word/styles.xml'), 'style').find((s) => val(s, 'styleId') === 'Normal')!;
  const spacing = wFirst(wFirst(normal, 'pPr'), 'spacing')!;
  // One line every 579 twips (28.95 pt): 22 lines in the 225 mm type area.
  assert.deepEqual([val(spacing, 'line'), val(spacing, 'lineRule')], ['579', 'exact']);
  assert.equal(val(wFirst(wFirst(normal, 'pPr'), 'snapToGrid')), '0');
  // Characters 0.3 pt narrower than 3号: 28 × 15.7 pt = 439.6 pt fit the 442.25 pt line, 29 do not.
  assert.equal(val(wFirst(wFirst(normal, 'rPr'), 'spacing')), '-6');
  for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) {
    const heading = wAll(xml(bytes, 'word/styles.xml'), 'style').find((s) => val(s, 'styleId') === id)!;
    assert.equal(val(wFirst(wFirst(heading, 'rPr'), 'spacing')), '-6', id);
  }
  for (const id of ['Title', 'Footer']) {
    const el = wAll(xml(bytes, 'word/styles.xml'), 'style').find((s) => val(s, 'styleId') === id)!;
    assert.equal(val(wFirst(wFirst(el, 'rPr'), 'spacing')), '0', `${id}: its own spacing, not the body's`);
  }
});

test('export: page numbers “— 1 —” in 4号 宋体, odd pages right and even pages left, one character in, no inherited indent', async () => {
  const bytes = await exported();
  const footers = ['word/footer1.xml', 'word/footer2.xml'].map((name) => xml(bytes, name));
  const summary = footers.map((f) => {
    const para = wAll(f, 'p')[0];
    const pPr = wFirst(para, 'pPr');
    return {
      style: val(wFirst(pPr, 'pStyle')),
      jc: val(wFirst(pPr, 'jc')),
      right: val(wFirst(pPr, 'ind'), 'right'),
      left: val(wFirst(pPr, 'ind'), 'left'),
      text: wAll(para, 't').map((t) => t.textContent).join('#'),
      field: wAll(para, 'instrText').map((t) => t.textContent?.trim()),
      runProps: wAll(para, 'rPr').length,
    };
  });
  assert.deepEqual(summary, [
    { style: 'Footer', jc: 'right', right: '280', left: undefined, text: '— # —', field: ['PAGE'], runProps: 0 },
    { style: 'Footer', jc: 'left', right: undefined, left: '280', text: '— # —', field: ['PAGE'], runProps: 0 },
  ]);
  assert.deepEqual(style(bytes, 'Footer'), { name: 'footer', basedOn: 'Normal', fonts: four('宋体'), size: '28', bold: '0', firstLineChars: '0' });
  const footerPPr = wFirst(wAll(xml(bytes, 'word/styles.xml'), 'style').find((s) => val(s, 'styleId') === 'Footer'), 'pPr')!;
  assert.equal(val(wFirst(footerPPr, 'ind'), 'firstLine'), '0', 'the body’s two-character indent stops at the footer');
});

test('export: Word’s built-in styles by name, with the standard’s fonts and sizes per level', async () => {
  const bytes = await exported();
  assert.deepEqual(style(bytes, 'Normal'), { name: 'Normal', fonts: four('仿宋_GB2312'), size: '32', bold: '0', firstLineChars: '200' });
  assert.deepEqual(style(bytes, 'Title'), { name: 'Title', basedOn: 'Normal', fonts: four('方正小标宋简体'), size: '44', bold: '0', jc: 'center', firstLineChars: '0', outlineLvl: '9' });
  assert.deepEqual(style(bytes, 'Salutation'), { name: 'Salutation', basedOn: 'Normal', firstLineChars: '0' });
  assert.deepEqual(style(bytes, 'Heading1'), { name: 'heading 1', basedOn: 'Normal', fonts: four('黑体'), size: '32', bold: '0', outlineLvl: '0' });
  assert.deepEqual(style(bytes, 'Heading2'), { name: 'heading 2', basedOn: 'Normal', fonts: four('楷体_GB2312'), size: '32', bold: '0', outlineLvl: '1' });
  assert.deepEqual(style(bytes, 'Heading3'), { name: 'heading 3', basedOn: 'Normal', fonts: four('仿宋_GB2312'), size: '32', bold: '0', outlineLvl: '2' });
  assert.deepEqual(style(bytes, 'Heading4'), { name: 'heading 4', basedOn: 'Normal', fonts: four('仿宋_GB2312'), size: '32', bold: '0', outlineLvl: '3' });
  const defaults = wFirst(wFirst(wAll(xml(bytes, 'word/styles.xml'), 'docDefaults')[0], 'rPrDefault'), 'rPr')!;
  assert.deepEqual(['ascii', 'eastAsia', 'hAnsi', 'cs'].map((a) => val(wFirst(defaults, 'rFonts'), a)), four('仿宋_GB2312'));
  assert.equal(val(wFirst(defaults, 'lang'), 'eastAsia'), 'zh-CN');
});

test('export: no library default reaches the file (Calibri, Cambria, blue headings, theme fonts, a bullet list, footnote styles)', async () => {
  const bytes = await exported();
  const all = Object.entries(parts(bytes)).map(([name, data]) => `${name}\n${strFromU8(data)}`).join('\n');
  for (const leak of ['Calibri', 'Cambria', 'Times New Roman', '2E74B5', '1F4D78', 'asciiTheme', 'minorHAnsi', 'Un-named', 'theme1.xml', 'numbering.xml', 'footnotes.xml', 'FootnoteReference']) {
    assert.ok(!all.includes(leak), `${leak} in the package`);
  }
  assert.deepEqual(Object.keys(parts(bytes)).filter((n) => n.startsWith('word/theme')), []);
});

test('export: title, salutation, headings and paragraphs in order; front matter and comments left out; a run-on body in the body font', async () => {
  const bytes = await exported();
  const paragraphs = wAll(xml(bytes, 'word/document.xml'), 'p').map((para) => {
    const runs = wAll(para, 'r').map((r) => {
      const font = val(wFirst(wFirst(r, 'rPr'), 'rFonts'), 'eastAsia');
      return `${wAll(r, 't').map((t) => t.textContent).join('')}${font ? `{${font}${val(wFirst(wFirst(r, 'rPr'), 'sz')) ? ` ${val(wFirst(wFirst(r, 'rPr'), 'sz'))}` : ''}${val(wFirst(wFirst(r, 'rPr'), 'b')) ? ` b=${val(wFirst(wFirst(r, 'rPr'), 'b'))}` : ''}}` : ''}`;
    });
    return `${val(wFirst(wFirst(para, 'pPr'), 'pStyle')) ?? 'Normal'}: ${runs.join(' | ')}`;
  });
  assert.deepEqual(paragraphs, [
    'Title: 关于做好安全生产工作的讲话',
    'Salutation: 同志们：',
    'Normal: 今天我讲两点意见。',
    'Heading1: 一、提高认识',
    'Heading2: （一）抓学习。 | 要读原文、悟原理。{仿宋_GB2312 32 b=false}',
    'Heading3: 1.读原文。 | 逐篇读。{仿宋_GB2312 32 b=false}',
    'Heading4: （1）做笔记',
    'Heading1: 二、压实责任',
    'Normal: 谢谢大家！',
  ]);
  assert.equal(partText(bytes, 'docProps/core.xml').match(/<dc:title>(.*?)<\/dc:title>/)?.[1], '关于做好安全生产工作的讲话');
});

test('export: fonts, sizes and a bold level 3 from the settings; a traditional draft is tagged zh-TW', async () => {
  const problems: SettingsProblem[] = [];
  const { export: settings } = mergeSettings(defaultSettings(), { export: { fonts: { body: '仿宋', heading1: '微軟正黑體' }, sizes: { title: '小二', body: 15, heading1: '3号' }, level3Bold: true } }, problems);
  assert.deepEqual(problems, []);
  const bytes = await exported('關於做好工作的講話\n同志們：\n一、提高認識\n1.讀原文\n', settings);
  assert.deepEqual(style(bytes, 'Normal'), { name: 'Normal', fonts: four('仿宋'), size: '30', bold: '0', firstLineChars: '200' });
  assert.equal(style(bytes, 'Title').size, '36');
  assert.deepEqual(style(bytes, 'Heading1').fonts, four('微軟正黑體'));
  assert.equal(style(bytes, 'Heading3').bold, undefined, '<w:b/> without a value: bold');
  const h3 = wAll(xml(bytes, 'word/styles.xml'), 'style').find((s) => val(s, 'styleId') === 'Heading3')!;
  assert.ok(wFirst(wFirst(h3, 'rPr'), 'b'));
  const defaults = wAll(xml(bytes, 'word/styles.xml'), 'lang')[0];
  assert.equal(val(defaults, 'eastAsia'), 'zh-TW');
  // 15 pt body: the grid still gives 28 characters: (15.7946 − 15) × 4096 = 3255.
  assert.equal(val(wAll(xml(bytes, 'word/document.xml'), 'docGrid')[0], 'charSpace'), '3255');
});

test('export settings: 字号 names, points, and one problem per bad field', () => {
  assert.deepEqual(['初号', '二号', '小二', '三号', '3号', '小4', '四号', '五号', '16', '10.5pt', 12].map(parseFontSize), [42, 22, 18, 16, 16, 12, 14, 10.5, 16, 10.5, 12]);
  assert.equal(parseFontSize('大号'), undefined);
  const problems: SettingsProblem[] = [];
  const { export: settings } = mergeSettings(defaultSettings(), { export: { fonts: { body: '', footer: '宋体' }, sizes: { title: '特大' }, level3Bold: 'yes', colour: 'red' } }, problems);
  assert.deepEqual(problems.map((p) => p.field), ['export.fonts.body', 'export.fonts.footer', 'export.sizes.title', 'export.level3Bold', 'export.colour']);
  assert.deepEqual(settings, defaultExportSettings(), 'every bad part keeps its default');
});
