// enumeration-comma: the 顿号 in lists (GB/T 15834-2011 4.5, GB/T 15835-2011). Found and fixed:
// `、` before 等/等等 (`医院、学校、等`); `、` before the conjunction that joins the last item (`、和`,
// `、及`, `、以及`); `、` between two adjacent numbers that together make an estimate (`三、五天` →
// `三五天`, `3、4个月` → `三四个月`: an estimate takes no 顿号, 4.5.3.6, and is written in Chinese
// numerals). An abbreviated pair of ordinals keeps its 顿号 (`二、三产业`, `三、四季度`, `一、二年级`,
// `3、4月`), so only counts followed by a unit of quantity are read as estimates. With the option
// `quotedItems`, also the `、` between items each in 《》 or “” (`《条例》、《规定》`), which 4.5.3.5
// says is usually left out.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { formatChineseNumeral } from '../numerals';

const ID = 'enumeration-comma';

/** Words beginning with 等, 和, 及 that are an item rather than the closing word or the conjunction. */
const DENG_WORDS = /^等(?:待|候|到|于|同|级|价|额|量|次|高|距|式|号|分|比|差|外|闲|身|效|值|温|压|腰|边|角|份|第|一|着)/;
const HE_WORDS = /^和(?:平|谐|睦|美|气|蔼|善|煦|解|约|顺|田|县|龙|静|硕|政|林|合|衷|风|弦|声|尚|局|棋|亲|暖|缓|光|盘|事|颜|悦|畅|鸣|乐|好|议|谈|婉|服|牌|面|稀|而|布克|平区)/;
const JI_WORDS = /^及(?:时|早|格|第|至|笄|门|物)/;

const CN_DIGITS = '一二三四五六七八九';
/** What may follow a 顿号 that this rule reports: 等, a conjunction, a digit of an estimate. */
const WORTH_A_LOOK = /[等和及以一二三四五六七八九2-9]/;
/**
 * Units of quantity after an estimate (天, 个月, 年 — not 年级, 月 alone, 季度, 产业, 批: those count
 * order; nor 十年代: 六、七十年代 is 六十年代、七十年代 abbreviated, which keeps its 顿号).
 */
const QUANTITY_UNIT = /^(?:个|天|日|周|年(?!级|代)|小时|分钟|秒|岁|倍|成|次|遍|人|名|位|家|所|处|条|项|件|种|句|步|本|张|台|辆|座|栋|户|只|头|棵|株|公里|千米|米|里|亩|公顷|斤|公斤|吨|元|块|万|千|百|十(?!年代))/;

export const enumerationComma: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '列举中的顿号：“等”“和”“及”前不用顿号，表示概数的相邻数字之间不用顿号（三五天、三四个月）',
      en: 'The 顿号 in lists: none before 等, 和 or 及, none between two adjacent numbers making an estimate (三五天, 三四个月)',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      beforeDeng: { zh: '“{word}”前不用顿号', en: 'No 顿号 before {word}' },
      beforeConjunction: { zh: '连接最后一项的“{word}”前不用顿号', en: 'No 顿号 before {word}, which joins the last item' },
      estimate: { zh: '表示概数的相邻数字之间不用顿号，应写作“{right}”', en: 'An estimate of two adjacent numbers takes no 顿号: write {right}' },
      quoted: { zh: '并列的书名号或引号之间通常不用顿号', en: 'Items each in 《》 or quotation marks usually take no 顿号 between them' },
    },
    options: {
      quotedItems: {
        type: 'boolean',
        default: false,
        description: {
          zh: '也检查书名号、引号括起的并列项之间的顿号（《条例》、《规定》→《条例》《规定》，GB/T 15834 4.5.3.5：通常不用）',
          en: 'Also find the 顿号 between items each in 《》 or quotation marks (《条例》、《规定》 → 《条例》《规定》; GB/T 15834 4.5.3.5: usually omitted)',
        },
      },
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.normalized;
    const drop = (at: number) => ({ edits: [{ start: at, end: at + 1, text: '' }] });
    const markerEnds = new Set(doc.headings.map((h) => h.marker.end));
    const quotedItems = ctx.options.quotedItems === true;
    for (const range of ctx.ranges) for (let i = text.indexOf('、', range.start); i !== -1 && i < range.end; i = text.indexOf('、', i + 1)) {
      // Most 顿号 separate plain items: only these next characters can start a finding.
      if (!WORTH_A_LOOK.test(text[i + 1] ?? '') && !(quotedItems && /[《“「]/.test(text[i + 1] ?? ''))) continue;
      const after = text.slice(i + 1, i + 8);
      const before = text.slice(Math.max(0, i - 3), i);
      // 、等 / 、等等 closing the list.
      if (/^等(?:等|[^\u4e00-\u9fff]|$)/.test(after) || (/^等[\u4e00-\u9fff]/.test(after) && !DENG_WORDS.test(after))) {
        ctx.report({ start: i, end: i + 2, messageId: 'beforeDeng', data: { word: after.startsWith('等等') ? '等等' : '等' }, fix: drop(i) });
        continue;
      }
      const conjunction = /^以及/.test(after) ? '以及' : /^和/.test(after) && !HE_WORDS.test(after) ? '和' : /^及/.test(after) && !JI_WORDS.test(after) ? '及' : undefined;
      if (conjunction && /[\u4e00-\u9fff”》）]$/.test(before)) {
        ctx.report({ start: i, end: i + 1 + conjunction.length, messageId: 'beforeConjunction', data: { word: conjunction }, fix: drop(i) });
        continue;
      }
      // 三、五年来的主要工作: a heading marker, not an estimate.
      const estimate = markerEnds.has(i + 1) ? undefined : estimateAt(text, i);
      if (estimate) {
        ctx.report({ start: estimate.start, end: estimate.end, messageId: 'estimate', data: { right: estimate.right }, fix: { edits: [{ start: estimate.start, end: estimate.end, text: estimate.right }] } });
        continue;
      }
      if (quotedItems && /[》”」]$/.test(before) && /^[《“「]/.test(after)) {
        ctx.report({ start: i, end: i + 1, messageId: 'quoted', fix: drop(i) });
      }
    }
  },
};

/** `三、五天`, `七、八个`, `3、4个月` around the 顿号 at `i`: the estimate and how it is written. */
function estimateAt(text: string, i: number): { start: number; end: number; right: string } | undefined {
  const a = text[i - 1];
  const b = text[i + 1];
  if (a === undefined || b === undefined) return undefined;
  const arabic = /[2-9]/.test(a) && /[3-9]/.test(b);
  const chinese = CN_DIGITS.includes(a) && CN_DIGITS.includes(b);
  if (!arabic && !chinese) return undefined;
  const x = arabic ? Number(a) : CN_DIGITS.indexOf(a) + 1;
  const y = arabic ? Number(b) : CN_DIGITS.indexOf(b) + 1;
  // Adjacent numbers, and the customary 三五.
  if (!(y === x + 1 || (x === 3 && y === 5))) return undefined;
  // 第二、三, 12、13, 十一、二, 3、4、5个 (a list), a marker at a line or clause start: no estimate.
  const prev = text[i - 2] ?? '';
  if (/[第0-9.．十百千万零〇、]/.test(prev) || (chinese && CN_DIGITS.includes(prev))) return undefined;
  if (i - 2 < 0 || /[\n\r。！？；：:]/.test(prev) || /^[\s\u3000#*]*$/.test(text.slice(text.lastIndexOf('\n', i - 2) + 1, i - 1))) return undefined;
  if (/[0-9.．]/.test(text[i + 2] ?? '')) return undefined;
  if (!QUANTITY_UNIT.test(text.slice(i + 2, i + 6))) return undefined;
  // 一、二 is never an estimate here: x starts at 2 (一两 is said instead).
  if (x < 2) return undefined;
  const right = formatChineseNumeral(x) + formatChineseNumeral(y);
  return { start: i - 1, end: i + 2, right };
}
