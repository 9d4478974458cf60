// heading-marker: each level's marker in its GB/T 9704-2012 form — 一、 → （一） → 1. → （1） — and
// every heading on a line of its own.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import type { MessageData } from '../i18n/format';
import { eolOf } from '../text';
import type { Heading, Level3Style, SpeechDocument, TextEdit } from '../types';

const ID = 'heading-marker';

const LOOKALIKE = /^[-－—‐]$/;

interface MarkerParts {
  open: string;
  numeral: string;
  close: string;
}

function expectedParts(h: Heading, actual: MarkerParts, level3: Level3Style): MarkerParts {
  const numeral = LOOKALIKE.test(actual.numeral) ? '一' : actual.numeral;
  switch (h.level) {
    case 1:
      return { open: '', numeral, close: '、' };
    case 2:
    case 4:
      return { open: '（', numeral, close: '）' };
    case 3:
      return { open: '', numeral, close: level3 === 'dot' ? '.' : '、' };
  }
}

function join(p: MarkerParts): string {
  return p.open + p.numeral + p.close;
}

/** Why a marker is wrong, most telling reason first. */
function problem(h: Heading, actual: MarkerParts, expected: MarkerParts, mode: 'setting' | 'consistent', level3: Level3Style): { messageId: string; data: MessageData } {
  const data = { expected: join(expected), actual: join(actual) };
  if (actual.numeral !== expected.numeral) return { messageId: 'lookalike', data: { ...data, numeral: actual.numeral } };
  const stripped = (s: string) => s.replace(/[ \t\u3000]/g, '');
  if (h.level === 2 || h.level === 4) {
    const open = stripped(actual.open);
    const close = stripped(actual.close);
    if (open !== '（' || close[0] !== '）') return { messageId: 'brackets', data };
    if (close.length > 1) return { messageId: 'punctuation', data };
  } else if (h.level === 1) {
    if (stripped(actual.close) !== '、') return { messageId: 'level1', data };
  } else if (stripped(actual.close) !== expected.close) {
    if (mode === 'consistent') return { messageId: 'level3Majority', data };
    return { messageId: level3 === 'dot' ? 'level3Standard' : 'level3Setting', data };
  }
  return { messageId: 'spaces', data };
}

/** The level-3 form the document should use: the setting, or in `consistent` mode the majority form. */
function level3Form(doc: SpeechDocument, setting: Level3Style, mode: 'setting' | 'consistent'): Level3Style {
  if (mode === 'setting') return setting;
  let dot = 0;
  let dun = 0;
  for (const h of doc.headings) {
    if (h.level !== 3) continue;
    const close = doc.normalized.slice(h.numeral.end, h.marker.end).trim();
    if (close === '.' || close === '．') dot++;
    else if (close === '、') dun++;
  }
  return dot > dun ? 'dot' : dun > dot ? 'dun' : setting;
}

export const headingMarker: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '标题序号应按层级使用规范写法（一、 （一） 1. （1）），且标题应另起一行。',
      en: 'Heading markers use the standard form for their level (一、 （一） 1. （1）), and a heading starts its own line.',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    docs: docsPath(ID),
    messages: {
      lookalike: { zh: '标题序号中的“{numeral}”应为汉字“一”：应为“{expected}”，实为“{actual}”', en: '"{numeral}" in the heading marker should be the numeral 一: expected "{expected}", found "{actual}"' },
      brackets: { zh: '标题序号应使用全角括号：应为“{expected}”，实为“{actual}”', en: 'Heading marker brackets must be full-width: expected "{expected}", found "{actual}"' },
      punctuation: { zh: '“{expected}”后不加标点：应为“{expected}”，实为“{actual}”', en: 'No punctuation after "{expected}": expected "{expected}", found "{actual}"' },
      level1: { zh: '一级标题序号后应用顿号：应为“{expected}”，实为“{actual}”', en: 'A level-1 marker ends with 、: expected "{expected}", found "{actual}"' },
      level3Majority: { zh: '三级标题序号应与全文多数写法一致：应为“{expected}”，实为“{actual}”', en: 'Level-3 markers should follow the document\'s majority form: expected "{expected}", found "{actual}"' },
      level3Standard: { zh: '三级标题序号按GB/T 9704-2012应为“{expected}”，实为“{actual}”', en: 'GB/T 9704-2012 writes level-3 markers as "{expected}": found "{actual}"' },
      level3Setting: { zh: '三级标题序号按设置（level3Style: dun）应为“{expected}”，实为“{actual}”', en: 'Level-3 markers are set to "{expected}" (level3Style: dun): found "{actual}"' },
      spaces: { zh: '标题序号中不应有空格：应为“{expected}”，实为“{actual}”', en: 'No spaces inside a heading marker: expected "{expected}", found "{actual}"' },
      inline: { zh: '标题与上文连在一行，应另起一行', en: 'The heading runs on from the previous sentence: start it on a new line' },
      glued: { zh: '标题“{marker}”与正文连在一起，看不出标题在哪里结束：请在标题后断开（另起一行或加句号）', en: 'The title after "{marker}" runs into the body with no mark where it ends: break it off (a new line or a full stop)' },
    },
    options: {
      level3: {
        type: 'string',
        default: 'setting',
        enum: ['setting', 'consistent'],
        description: {
          zh: '三级标题写法的依据：setting 按 level3Style 设置（默认 dot，即 GB/T 9704-2012 的“1.”）；consistent 按全文多数写法（持平时按设置）。',
          en: 'What decides the level-3 form: setting = the level3Style setting (default dot, GB/T 9704-2012 "1."); consistent = the majority form in the document (a tie falls back to the setting).',
        },
      },
      inline: {
        type: 'boolean',
        default: true,
        description: {
          zh: '报告与上文连在一行的标题（网页分页复制稿中常见）。',
          en: 'Report headings run into the previous sentence on one line (common in page-chunked web copies).',
        },
      },
    },
  },
  check({ doc, settings, options, report }) {
    const mode = options.level3 === 'consistent' ? 'consistent' : 'setting';
    const level3 = level3Form(doc, settings.level3Style, mode);
    const text = doc.text;
    for (const h of doc.headings) {
      if (h.form !== 'marker') continue;
      const actual: MarkerParts = {
        open: text.slice(h.marker.start, h.numeral.start),
        numeral: text.slice(h.numeral.start, h.numeral.end),
        close: text.slice(h.numeral.end, h.marker.end),
      };
      const expected = expectedParts(h, actual, level3);
      // Edit only the parts that differ, so a renumbering fix on the numeral can apply in the same pass.
      const edits: TextEdit[] = [];
      if (actual.open !== expected.open) edits.push({ start: h.marker.start, end: h.numeral.start, text: expected.open });
      if (actual.numeral !== expected.numeral) edits.push({ start: h.numeral.start, end: h.numeral.end, text: expected.numeral });
      if (actual.close !== expected.close) edits.push({ start: h.numeral.end, end: h.marker.end, text: expected.close });
      if (edits.length) {
        report({ start: h.marker.start, end: h.marker.end, ...problem(h, actual, expected, mode, level3), fix: { edits } });
      }
      if (h.inline && options.inline !== false) {
        const line = doc.lines[h.line];
        let start = h.marker.start;
        while (start > line.start && /[ \t\u3000]/.test(text[start - 1])) start--;
        const indent = /^[ \t\u3000]*/.exec(line.text)![0];
        report({
          start: h.marker.start,
          end: h.marker.end,
          messageId: 'inline',
          fix: { edits: [{ start, end: h.marker.start, text: eolOf(text) + indent }] },
        });
      }
      // The title runs into the body with no mark where it ends: only the drafter can place the break.
      if (h.glued && options.inline !== false) {
        report({ start: h.marker.start, end: h.title.end, messageId: 'glued', severity: 'info', data: { marker: h.markerText } });
      }
    }
  },
};
