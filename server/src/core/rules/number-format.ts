// number-format: numbers as GB/T 15835-2011 writes them. Fixed: leading zeros in a 年月日 date
// (`2024年01月05日` → `2024年1月5日`); a Latin O, a digit 0 or a circle ○ used as the Chinese zero
// in a year (`二0二四年`, `二OO一年`, `一九○六——一九五五` → `二〇二四年`, `二〇〇一年`, `一九〇六`); full-width digits and Latin letters
// (`１０００元`, `ＧＤＰ`); a range whose `%`, 万 or 亿 is written on one end only (`15～30%` →
// `15%～30%`: without it the first number reads as a bare 15); `大约…左右` (one approximation is
// enough: 左右 goes). Suggested: `近200余人` (近 and 余 contradict each other: which one was meant is
// the drafter's), and a two-digit year before a month (`24年3月` → `2024年3月`). Noted (info): a
// decrease in 倍 (`降低了3倍`: a quantity cannot fall by a multiple of itself; use a fraction or %).
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import type { TextEdit } from '../types';

const ID = 'number-format';

// Patterns start with the characters they need, and what may not come before them is checked in code:
// a lookbehind at the start of a pattern would run at every position of the draft.
const DATE = /(?:(\d{2,4})年)?(\d{1,2})月(?:(\d{1,2})([日号]))?/g;
const ZERO_LIKE = '0OoＯｏ○０';
/** Digits of a year written in Chinese numerals, the zero's look-alikes included. */
const YEAR_DIGIT = /^[〇一二三四五六七八九0OoＯｏ○０]$/;
const ZERO_LIKE_ANY = /[0OoＯｏ○０]/g;
const RANGE_MARKS = /^[—～\-－–至到]{1,2}$/;

const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ]+(?:[．.][０-９]+)*/g;
const RANGE = /(\d+(?:\.\d+)?)([～~—–\-－])(\d+(?:\.\d+)?)(%|％|‰|万|亿)/g;
const NEAR_MORE = /(将近|接近|大约|近|约)(\d+(?:\.\d+)?|[一二三四五六七八九十百千万两几]+)(余|多)/g;
/** Words ending in 近 or 约 that are not an approximation (最近, 节约 …). */
const NOT_NEAR = /[最附亲靠临逼就邻贴远走新挨相拉浅晚迫]$/;
const NOT_ABOUT = /[节制签预公合条相违履邀特立践婚盟誓隐简俭缔续解毁赴守失爽集契]$/;
const ABOUT_AROUND = /(大约|大概|约)((?:[占有为是达需要花用]?)(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两几半]+)(?:%|％|[\u4e00-\u9fff]{0,3}))(左右|上下)/g;
const DECREASE_TIMES = /(降低|减少|下降|缩小|减小|缩短|压缩|减轻|降)了?(\d+(?:\.\d+)?|[一二三四五六七八九十两几]+)倍/g;

/** Four numerals at [at, end) are a year: 年 follows, or a range mark joins them to another four. */
function isYear(text: string, at: number, end: number): boolean {
  if (text[end] === '年') return true;
  const fourAt = (from: number) => from >= 0 && from + 4 <= text.length && [...text.slice(from, from + 4)].every((ch) => YEAR_DIGIT.test(ch)) && !YEAR_DIGIT.test(text[from - 1] ?? '') && !YEAR_DIGIT.test(text[from + 4] ?? '');
  for (const width of [1, 2]) {
    if (RANGE_MARKS.test(text.slice(end, end + width)) && fourAt(end + width)) return true;
    if (RANGE_MARKS.test(text.slice(at - width, at)) && fourAt(at - width - 4)) return true;
  }
  return false;
}

/** Where each pattern must have its characters: one rare character each, found with a quick scan. */
const ANCHOR = { date: /月/g, range: /[%％‰万亿]/g, nearMore: /[余多]/g, aboutAround: /左右|上下/g, decrease: /倍/g };

/**
 * The matches of `re` that take in an occurrence of `anchor`, found by running `re` only on a few
 * characters around each occurrence (`back` before, `ahead` after): most of the draft is never read.
 */
function around(text: string, anchor: RegExp, re: RegExp, back: number, ahead: number): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let covered = 0;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a; a = anchor.exec(text)) {
    const from = Math.max(covered, a.index - back);
    const window = text.slice(from, a.index + a[0].length + ahead);
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (m.index + from > a.index || m.index + from + m[0].length <= a.index) continue;
      m.index += from;
      found.push(m);
      covered = m.index + m[0].length;
    }
  }
  return found;
}

function halfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export const numberFormat: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '数字用法（GB/T 15835）：日期不补零，年份中的“〇”不用 0、O 或 ○，数字和字母用半角，范围两端的 %、万、亿 都写出，概数不重复',
      en: 'Numbers as GB/T 15835 writes them: no leading zeros in dates, 〇 (not 0, O or ○) in Chinese years, half-width digits and letters, % 万 亿 on both ends of a range, one approximation at a time',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    docs: docsPath(ID),
    messages: {
      leadingZero: { zh: '日期中的月、日不加“0”：应为“{right}”', en: 'No leading zero in a date’s month or day: write {right}' },
      zero: { zh: '汉字数字中的零应写作“〇”：应为“{right}”', en: 'The zero among Chinese numerals is 〇: write {right}' },
      fullWidth: { zh: '数字和字母应使用半角：“{found}”应为“{right}”', en: 'Digits and Latin letters are half-width: {found} should be {right}' },
      range: { zh: '范围两端的“{unit}”都应写出：应为“{right}”', en: 'Write {unit} on both ends of the range: {right}' },
      nearAndMore: { zh: '“{near}”与“{more}”同时表示概数，意思矛盾，应删去其一', en: '{near} (nearly) and {more} (over) contradict each other: keep one' },
      aboutAround: { zh: '“{about}”与“{around}”重复表示概数，应删去“{around}”', en: '{about} and {around} both mark an estimate: drop {around}' },
      decreaseTimes: { zh: '减少、降低不宜用“倍”表示，应改用分数或百分比', en: 'A decrease is not expressed in multiples (倍): use a fraction or a percentage' },
      shortYear: { zh: '年份应写全：“{found}”应为“{right}”', en: 'Write the year in full: {found} should be {right}' },
      drop: { zh: '删去“{word}”', en: 'Drop {word}' },
      fullYear: { zh: '改为“{right}”', en: 'Change it to {right}' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.normalized;
    let m: RegExpExecArray;

    for (m of around(text, ANCHOR.date, DATE, 8, 4)) {
      const [whole, year, month, day] = m;
      const start = m.index;
      if (/[0-9.．０-９]/.test(text[start - 1] ?? '')) continue;
      const monthStart = start + (year ? year.length + 1 : 0);
      const dayStart = monthStart + month.length + 1;
      if (Number(month) < 1 || Number(month) > 12 || (day !== undefined && (Number(day) < 1 || Number(day) > 31))) continue;
      const edits: TextEdit[] = [];
      // A leading zero counts only in a date (a year or a day with the month; 二〇〇一年03月 too).
      if (month.length === 2 && month[0] === '0' && (year !== undefined || day !== undefined || text[monthStart - 1] === '年')) edits.push({ start: monthStart, end: monthStart + 1, text: '' });
      if (day !== undefined && day.length === 2 && day[0] === '0') edits.push({ start: dayStart, end: dayStart + 1, text: '' });
      if (edits.length) {
        const right = doc.text.slice(start, start + whole.length).replace(/(^|年)0(\d月)/, '$1$2').replace(/月0(\d[日号號])/, '月$1');
        ctx.report({ start, end: start + whole.length, messageId: 'leadingZero', data: { right }, fix: { edits } });
        continue;
      }
      if (year !== undefined && year.length === 2 && /^\d\d$/.test(year)) {
        const full = (Number(year) < 50 ? '20' : '19') + year;
        const found = whole.slice(0, year.length + 1 + month.length + 1);
        const right = `${full}年${month}月`;
        ctx.report({
          start,
          end: start + found.length,
          messageId: 'shortYear',
          data: { found, right },
          suggestions: [{ messageId: 'fullYear', data: { right }, fix: { edits: [{ start, end: start + year.length, text: full }] } }],
        });
      }
    }

    // Years in Chinese numerals with a look-alike zero, found from the look-alikes (rare in Chinese
    // text): a run of four numerals followed by 年, or joined to another such run by a range mark
    // (一九○六——一九五五, 二O一一—二O一五年).
    const reported = new Set<number>();
    ZERO_LIKE_ANY.lastIndex = 0;
    for (let z = ZERO_LIKE_ANY.exec(text); z; z = ZERO_LIKE_ANY.exec(text)) {
      let at = z.index;
      while (at > 0 && YEAR_DIGIT.test(text[at - 1])) at--;
      let end = z.index + 1;
      while (end < text.length && YEAR_DIGIT.test(text[end])) end++;
      ZERO_LIKE_ANY.lastIndex = end;
      if (end - at !== 4 || reported.has(at) || /[A-Za-z0-9]/.test(text[at - 1] ?? '')) continue;
      const run = text.slice(at, end);
      if (!/[一二三四五六七八九]/.test(run) || !isYear(text, at, end)) continue;
      reported.add(at);
      const edits: TextEdit[] = [];
      for (let k = 0; k < run.length; k++) if (ZERO_LIKE.includes(run[k])) edits.push({ start: at + k, end: at + k + 1, text: '〇' });
      const right = [...run].map((ch) => (ZERO_LIKE.includes(ch) ? '〇' : ch)).join('');
      ctx.report({ start: at, end, messageId: 'zero', data: { right: text[end] === '年' ? `${right}年` : right }, fix: { edits } });
    }

    FULL_WIDTH.lastIndex = 0;
    for (let w = FULL_WIDTH.exec(text); w; w = FULL_WIDTH.exec(text)) {
      m = w;
      const found = m[0];
      // ＸＸ is a placeholder (the placeholder rule's).
      if (/^[Ｘｘ]+$/.test(found) && found.length >= 2) continue;
      const right = halfWidth(found);
      ctx.report({ start: m.index, end: m.index + found.length, messageId: 'fullWidth', data: { found, right }, fix: { edits: [{ start: m.index, end: m.index + found.length, text: right }] } });
    }

    for (m of around(text, ANCHOR.range, RANGE, 24, 0)) {
      const [whole, first, dash, second] = m;
      if (/[0-9.A-Za-z]/.test(text[m.index - 1] ?? '')) continue;
      const at = m.index + first.length;
      // 万 or 萬, as the draft writes it.
      const unit = doc.text.slice(m.index + whole.length - 1, m.index + whole.length);
      const right = `${first}${unit}${dash}${second}${unit}`;
      ctx.report({ start: m.index, end: m.index + whole.length, messageId: 'range', data: { unit, right }, fix: { edits: [{ start: at, end: at, text: unit }] } });
    }

    for (m of around(text, ANCHOR.nearMore, NEAR_MORE, 16, 0)) {
      const [whole, near, number, more] = m;
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      if ((near === '近' && NOT_NEAR.test(before)) || (near === '约' && NOT_ABOUT.test(before))) continue;
      const start = m.index;
      const moreAt = start + near.length + number.length;
      const words = { near: doc.text.slice(start, start + near.length), more: doc.text.slice(moreAt, moreAt + more.length) };
      ctx.report({
        start,
        end: start + whole.length,
        messageId: 'nearAndMore',
        data: words,
        suggestions: [
          { messageId: 'drop', data: { word: words.near }, fix: { edits: [{ start, end: start + near.length, text: '' }] } },
          { messageId: 'drop', data: { word: words.more }, fix: { edits: [{ start: moreAt, end: moreAt + more.length, text: '' }] } },
        ],
      });
    }

    for (m of around(text, ANCHOR.aboutAround, ABOUT_AROUND, 20, 0)) {
      const [whole, about, middle, around] = m;
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      if (about === '约' && NOT_ABOUT.test(before)) continue;
      const aroundAt = m.index + about.length + middle.length;
      const words = { about: doc.text.slice(m.index, m.index + about.length), around: doc.text.slice(aroundAt, aroundAt + around.length) };
      ctx.report({ start: m.index, end: m.index + whole.length, messageId: 'aboutAround', data: words, fix: { edits: [{ start: aroundAt, end: aroundAt + around.length, text: '' }] } });
    }

    for (m of around(text, ANCHOR.decrease, DECREASE_TIMES, 12, 0)) {
      ctx.report({ start: m.index, end: m.index + m[0].length, severity: 'info', messageId: 'decreaseTimes' });
    }
  },
};
