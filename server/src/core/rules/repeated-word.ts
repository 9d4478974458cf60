// repeated-word: a function word typed twice by accident — 的的, 了了, 和和, 在在, 是是. Reduplication is
// Chinese grammar (看看, 谢谢, 常常, 人人, 研究研究, 的的确确, 和和美美, 实实在在, 是是非非), so only these
// five characters are checked, and a doubling is left alone where a word ends in the first of them
// or starts with the second: 现在+在, 实事求是+是, 为了+了解, 目的+的, 调和+和谐, 是否. The fix
// deletes the repetition.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { matchesIn } from './ranges';

const ID = 'repeated-word';

interface Doubling {
  /** Characters that make a word with the doubled one after them (现 for 现在). */
  before: string;
  /** Characters that make a word with the doubled one before them (否 for 是否). */
  after: string;
}

const DOUBLINGS: Record<string, Doubling> = {
  的: { before: '目标有别似是真端打', after: '确士哥当' },
  了: { before: '为除罢算好得不明极免少受完末', after: '解却结断然事得不无当悟望如' },
  和: { before: '调温平缓总柔祥饱中共融随附应讲求暖亲谦人混搅掺议媾唱惠谐', after: '平谐睦美气蔼善煦解约顺田县龙静硕政林合衷风弦声尚局棋亲暖缓光盘事颜悦畅鸣乐好议谈婉服牌面稀而' },
  在: { before: '现存实自所内外潜健好正不还意旨重贵难妙志处', after: '乎于场职编岗建校读世线押逃案意内外望即座野途理行先此下家位任册' },
  是: { before: '求凡但可就还总只要于真正不而像便乃即若倒硬老或算也都实自却更又其别先光全净满怕确准本原竟非', after: '否非以故日的' },
};

const DOUBLED = /([的了和在是])\1+/g;

export const repeatedWord: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '误重复的虚词：的的、了了、和和、在在、是是（不含叠词：看看、常常、的的确确、实实在在）',
      en: 'Function words typed twice: 的的, 了了, 和和, 在在, 是是 (not reduplication: 看看, 常常, 的的确确, 实实在在)',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      doubled: { zh: '“{word}”重复了，应删去一个', en: '{word} is typed twice: delete one' },
    },
    options: {},
  },
  check(ctx) {
    const text = ctx.doc.normalized;
    for (const m of matchesIn(DOUBLED, text, ctx)) {
      const word = m[1];
      const start = m.index;
      const end = start + m[0].length;
      const { before, after } = DOUBLINGS[word];
      if (before.includes(text[start - 1] ?? '') && start > 0) continue;
      if (after.includes(text[end] ?? '') && end < text.length) continue;
      ctx.report({ start, end, messageId: 'doubled', data: { word: ctx.doc.text[start] }, fix: { edits: [{ start: start + 1, end, text: '' }] } });
    }
  },
};
