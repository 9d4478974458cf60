// announced-count: “我讲三点意见” must be followed by three headings; “以下五个方面：” by five items.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import type { Announcement, Enumeration, SpeechDocument } from '../types';

const ID = 'announced-count';

const NUMBER_WORD = /[一二三四五六七八九十两几]{1,3}/;
/** Nouns that complete an announced phrase: 三点意见, 四个方面的要求. */
const PHRASE_NOUN = /^(?:的)?(?:意见|要求|建议|看法|体会|想法|措施|任务|工作|内容|问题)/;

/** The announced phrase as written, without the verb before it: 三点意见, 五个方面, 六看. */
export function announcedPhrase(doc: SpeechDocument, a: Announcement): string {
  const normalized = doc.normalized.slice(a.start, a.end);
  const m = NUMBER_WORD.exec(normalized);
  const start = a.start + (m ? m.index : 0);
  let end = a.end;
  while (end > start && /[：:“”"\s]/.test(doc.text[end - 1])) end--;
  if (a.strength === 'strong') {
    const noun = PHRASE_NOUN.exec(doc.normalized.slice(a.end, a.end + 8));
    if (noun) end = a.end + noun[0].length;
  }
  return doc.text.slice(start, end);
}

function itemLabel(doc: SpeechDocument, list: Enumeration, i: number): string {
  const item = list.items[i];
  return list.family === 'ordinal' ? doc.text.slice(item.start, item.numeral.end) : list.family === 'sequence' ? doc.text.slice(item.start, item.start + 2) : item.text;
}

export const announcedCount: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '预告的条数（如“我讲三点意见”“以下五个方面”）应与其后的标题数或列举项数一致。',
      en: 'An announced count ("我讲三点意见", "以下五个方面") matches the number of headings or list items that follow.',
    },
    defaultSeverity: 'warning',
    docs: docsPath(ID),
    messages: {
      fewerItems: {
        zh: '预告“{phrase}”，其后的列举只有{actual:count}项（{range}）',
        en: 'Announced {announced} ("{phrase}"), but the list that follows has only {actual} {actual:plural:item:items} ({range})',
      },
      moreItems: {
        zh: '预告“{phrase}”，其后的列举有{actual:count}项（{range}）',
        en: 'Announced {announced} ("{phrase}"), but the list that follows has {actual} {actual:plural:item:items} ({range})',
      },
      fewerHeadings: {
        zh: '预告“{phrase}”，其后只有{actual:count}个{level}标题',
        en: 'Announced {announced} ("{phrase}"), but only {actual} {level} {actual:plural:heading follows:headings follow}',
      },
      backItems: {
        zh: '“{phrase}”总结前面的列举，但前面的列举有{actual:count}项（{range}）',
        en: '"{phrase}" sums up {announced}, but the list before it has {actual} {actual:plural:item:items} ({range})',
      },
      backHeadings: {
        zh: '“{phrase}”总结前面的标题，但前面有{actual:count}个{level}标题',
        en: '"{phrase}" sums up {announced}, but {actual} {level} {actual:plural:heading comes:headings come} before it',
      },
      moreHeadings: {
        zh: '预告“{phrase}”，其后有{actual:count}个{level}标题',
        en: 'Announced {announced} ("{phrase}"), but {actual} {level} {actual:plural:heading follows:headings follow}',
      },
    },
    options: {
      weak: {
        type: 'boolean',
        default: true,
        description: {
          zh: '也检查紧接列举的弱预告（如“六看”、“四项任务：”）。',
          en: 'Also check weak announcements that a list follows at once ("六看", "四项任务：").',
        },
      },
    },
  },
  check({ doc, options, report }) {
    // A copy whose pages a site shuffled has its sections and lists out of order: nothing to count.
    if (doc.pageChunked) return;
    for (const a of doc.announcements) {
      if (a.number === null || a.actual === undefined || a.number === a.actual) continue;
      if (a.strength === 'weak' && options.weak === false) continue;
      const phrase = announcedPhrase(doc, a);
      const fewer = a.actual < a.number;
      const data = { phrase, announced: a.number, actual: a.actual };
      const back = a.direction === 'back';
      if (a.target === 'enumeration' && a.list) {
        const list = a.list;
        const range = list.items.length > 1 ? `${itemLabel(doc, list, 0)}…${itemLabel(doc, list, list.items.length - 1)}` : itemLabel(doc, list, 0);
        report({ start: a.start, end: a.end, messageId: back ? 'backItems' : fewer ? 'fewerItems' : 'moreItems', data: { ...data, range } });
      } else if (a.countedLevels) {
        const levels = a.countedLevels;
        const level = { id: levels.length === 1 ? `level/${levels[0]}` : 'level/lower' };
        report({ start: a.start, end: a.end, messageId: back ? 'backHeadings' : fewer ? 'fewerHeadings' : 'moreHeadings', data: { ...data, level } });
      }
    }
  },
};
