// The outline (提纲) of a draft: nodes, 字数 per section, the terminal tree and section lookup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countText } from '../../server/src/core/count';
import { draftParts, outline, outlineText, sectionAt, sectionPath, type OutlineNode } from '../../server/src/core/outline';
import { parse } from '../../server/src/core/parse';
import { readCorpus } from './helpers';

/** Node shorthand: [marker, title, line, count, children?]. */
type Short = [string, string, number, number, Short[]?];
function shorten(nodes: OutlineNode[]): Short[] {
  return nodes.map((n) => {
    const s: Short = [n.marker, n.title, n.line, n.count];
    if (n.children.length) s.push(shorten(n.children));
    return s;
  });
}

test('outline of corpus 003 (traditional; levels 一、 and 1、; a second 1、 list under 五、)', () => {
  const doc = parse(readCorpus('003'));
  const nodes = outline(doc);
  // Every node has exactly the documented keys.
  const walk = (list: OutlineNode[]) =>
    list.forEach((n) => {
      assert.deepEqual(Object.keys(n), ['level', 'marker', 'number', 'title', 'line', 'count', 'children']);
      walk(n.children);
    });
  walk(nodes);
  assert.deepEqual(
    nodes.map((n) => [n.level, n.number, n.children.map((c) => [c.level, c.number])]),
    [
      [1, 1, [[3, 1], [3, 2], [3, 3], [3, 4]]],
      [1, 2, [[3, 1], [3, 2], [3, 3], [3, 4]]],
      [1, 3, [[3, 1], [3, 2], [3, 3]]],
      [1, 4, [[3, 1], [3, 2], [3, 3]]],
      [1, 5, [[3, 1], [3, 2], [3, 3], [3, 4], [3, 1], [3, 2], [3, 3]]],
    ],
  );
  assert.deepEqual(shorten(nodes), [
    ['一、', '以從嚴吏治清風正氣為重點,切實增強組織工作的公信力', 8, 1490, [
      ['1、', '在認真搞好縣鄉黨委集中換屆中從嚴吏治清風正氣', 10, 504],
      ['2、', '在切實加強村級治理中從嚴吏治清風正氣', 13, 384],
      ['3、', '在積極穩妥推進干部人事制度改革中從嚴吏治清風正氣', 15, 154],
      ['4、', '在扎實抓好創先爭優活動中從嚴吏治清風正氣', 17, 238],
    ]],
    ['二、', '以提振精神和文明創建為重點,切實增強宣傳工作的感染力', 19, 1349, [
      ['1、', '加快學習型黨組織、學習型社會建設', 21, 229],
      ['2、', '科學有效抓好輿論引導', 23, 383],
      ['3、', '從更高層次上推進文明創建', 25, 375],
      ['4、', '用創新的辦法推進文化事業繁榮', 27, 209],
    ]],
    ['三、', '以團結聯合和助推發展為重點,切實增強統戰工作的凝聚力', 29, 665, [
      ['1、', '以主題教育筑牢精神支柱', 30, 124],
      ['2、', '以主題活動推進科學發展', 32, 351],
      ['3、', '以發揮職能優勢共促社會和諧', 34, 163],
    ]],
    ['四、', '以竭盡忠誠和優質服務為重點,切實增強辦公室工作的執行力', 36, 1363, [
      ['1、', '錘煉忠誠', 37, 309],
      ['2、', '高效履職', 39, 370],
      ['3、', '追求卓越', 41, 656],
    ]],
    ['五、', '以多與群眾交朋友為重點,切實增強新形勢下群眾工作的親和力', 44, 3684, [
      ['1、', '多與群眾交朋友,是密切黨與人民群眾血肉聯系的重要橋梁和紐帶', 48, 190],
      ['2、', '多與群眾交朋友,是鞏固和發展黨的執政地位的根基', 49, 711],
      ['3、', '多與群眾交朋友,是黨員干部不斷改造主觀世界的動力', 50, 506],
      ['4、', '多與群眾交朋友,是贏得人民群眾對黨擁護和信任的法寶', 51, 300],
      ['1、', '“誠”,就是感情要真誠', 53, 154],
      ['2、', '“純”,就是動機要純潔', 54, 187],
      ['3、', '“實”,就是作風要務實', 55, 1042],
    ]],
  ]);
  // The sections and the preamble add up to the whole text.
  assert.equal(doc.preambleCount + nodes.reduce((sum, n) => sum + n.count, 0), doc.count.total);
});

const FOUR_LEVELS = [
  '关于做好工作的讲话', // 0
  '同志们：', // 1
  '今天讲两点意见。', // 2
  '一、提高认识', // 3
  '要统一思想。', // 4
  '（一）抓学习', // 5
  '1.读原文', // 6
  '（1）每天读', // 7
  '（2）每周谈', // 8
  '2.写体会', // 9
  '（二）抓落实', // 10
  '二、压实责任', // 11
  '谢谢大家！', // 12
].join('\n');

test('outline: four levels, 1-based lines, counts include children', () => {
  const doc = parse(FOUR_LEVELS);
  const nodes = outline(doc);
  assert.deepEqual(
    JSON.parse(JSON.stringify(nodes, (key, value) => (key === 'count' ? undefined : value))),
    [
      {
        level: 1, marker: '一、', number: 1, title: '提高认识', line: 4,
        children: [
          {
            level: 2, marker: '（一）', number: 1, title: '抓学习', line: 6,
            children: [
              {
                level: 3, marker: '1.', number: 1, title: '读原文', line: 7,
                children: [
                  { level: 4, marker: '（1）', number: 1, title: '每天读', line: 8, children: [] },
                  { level: 4, marker: '（2）', number: 2, title: '每周谈', line: 9, children: [] },
                ],
              },
              { level: 3, marker: '2.', number: 2, title: '写体会', line: 10, children: [] },
            ],
          },
          { level: 2, marker: '（二）', number: 2, title: '抓落实', line: 11, children: [] },
        ],
      },
      { level: 1, marker: '二、', number: 2, title: '压实责任', line: 12, children: [] },
    ],
  );
  // 字数 of a section = the text from its heading to the next heading of its level or above.
  const lines = FOUR_LEVELS.split('\n');
  const count = (from: number, to: number) => countText(lines.slice(from, to).join('\n'), 'word');
  assert.equal(nodes[0].count, count(3, 11));
  assert.equal(nodes[0].children[0].count, count(5, 10));
  assert.equal(nodes[0].children[0].children[0].count, count(6, 9));
  assert.equal(nodes[0].children[0].children[0].children[0].count, count(7, 8));
  // The closing (谢谢大家！) is a part of its own: not the last section's.
  assert.equal(nodes[1].count, count(11, 12));
  const parts = draftParts(doc);
  assert.deepEqual(parts.closing && { text: FOUR_LEVELS.slice(parts.closing.start, parts.closing.end), count: parts.closing.count }, { text: '谢谢大家！', count: 5 });
  const sum = (list: OutlineNode[]): number => list.reduce((s, n) => s + n.count, 0);
  assert.equal(parts.openingCount + sum(nodes) + parts.closing!.count, doc.count.total);
});

test('outlineText: indented by level, `marker+title …… N 字`', () => {
  const nodes = outline(parse(FOUR_LEVELS));
  assert.deepEqual(outlineText(nodes), [
    `一、提高认识 …… ${nodes[0].count} 字`,
    `  （一）抓学习 …… ${nodes[0].children[0].count} 字`,
    `    1.读原文 …… ${nodes[0].children[0].children[0].count} 字`,
    `      （1）每天读 …… ${nodes[0].children[0].children[0].children[0].count} 字`,
    `      （2）每周谈 …… ${nodes[0].children[0].children[0].children[1].count} 字`,
    `    2.写体会 …… ${nodes[0].children[0].children[1].count} 字`,
    `  （二）抓落实 …… ${nodes[0].children[1].count} 字`,
    `二、压实责任 …… ${nodes[1].count} 字`,
  ]);
  assert.deepEqual(outlineText(nodes.slice(1), { unit: 'words', indent: 4 }), [`二、压实责任 …… ${nodes[1].count} words`]);
});

test('outlineText: long titles are cut at maxTitle code points', () => {
  const node: OutlineNode = { level: 2, marker: '（一）', number: 1, title: '𠀀'.repeat(50), line: 1, count: 50, children: [] };
  assert.deepEqual(outlineText([node], { maxTitle: 5 }), [`  （一）${'𠀀'.repeat(4)}… …… 50 字`]);
  assert.deepEqual(outlineText([node], { maxTitle: 0 }), [`  （一）${'𠀀'.repeat(50)} …… 50 字`]);
  assert.deepEqual(outlineText([]), []);
});

test('sectionAt / sectionPath: innermost section around an offset', () => {
  const doc = parse(FOUR_LEVELS);
  const at = (needle: string) => FOUR_LEVELS.indexOf(needle);
  assert.equal(sectionAt(doc, 0), undefined, 'title: preamble');
  assert.equal(sectionAt(doc, at('今天讲')), undefined, 'opening: preamble');
  assert.deepEqual(sectionPath(doc, at('今天讲')), []);
  assert.equal(sectionAt(doc, at('一、'))?.heading.titleText, '提高认识');
  assert.equal(sectionAt(doc, at('要统一'))?.heading.titleText, '提高认识');
  assert.deepEqual(sectionPath(doc, at('每周谈')).map((s) => s.heading.titleText), ['提高认识', '抓学习', '读原文', '每周谈']);
  assert.equal(sectionAt(doc, at('写体会'))?.heading.titleText, '写体会');
  assert.equal(sectionAt(doc, at('谢谢'))?.heading.titleText, '压实责任');
  assert.equal(sectionAt(doc, FOUR_LEVELS.length)?.heading.titleText, '压实责任', 'end of text');
  assert.equal(sectionAt(parse('没有标题的稿子。'), 3), undefined);
});

test('outline: a draft without headings has an empty outline', () => {
  assert.deepEqual(outline(parse('')), []);
  assert.deepEqual(outline(parse('同志们：\n今天开会。\n')), []);
});
