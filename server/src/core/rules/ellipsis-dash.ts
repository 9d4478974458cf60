// ellipsis-dash: GB/T 15834-2011's ellipsis (…… two U+2026, 4.11) and dash (—— two U+2014, 4.9) in
// Chinese text. Fixed: an ellipsis typed as `。。。`, `...`, `⋯⋯` or a single `…`; an ellipsis beside
// 等 or 等等 (`……等`, `等等……`: the same omission said twice; the ellipsis goes); a dash typed as two
// hyphens or other doubled marks (`--`, `－－`, `――`, `──`) between Chinese characters. Suggested only:
// an odd run of `…` beyond one (`………`, one too many or too few), and a single `—` `-` `－` `–` between
// Chinese characters, which is a dash written short or a connector (中国—东盟, correct as it stands),
// reported as info. Twelve dots (`…………`, an omitted paragraph) are correct.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { matchesIn } from './ranges';
import { inUrl, isHanAt, isHanBefore } from '../proofread/common';
import { codePointBefore, isCjkContext } from '../text';

const ID = 'ellipsis-dash';

/** Anything that stands for an ellipsis: runs of 。 . ． … ⋯ (three or more periods or dots). */
const ELLIPSIS_LIKE = /。{3,}|\.{3,}|．{3,}|[…⋯]+/g;
/** Dash-like marks: ASCII and full-width hyphens, en dash, em dash, horizontal bar, box-drawing line. */
const DASH_LIKE = /[-－–—―─]+/g;
const STANDARD_ELLIPSIS = new Set(['……', '…………']);

/** Words beginning with 等 that are not the 等 closing a list (等待, 等级 …). */
const DENG_WORDS = /^等(?:待|候|到|于|同|级|价|额|量|次|高|距|式|号|分|比|差|外|闲|身|效|值|温|压|腰|边|角|份|第|着|你|我|他|她|它|人家|一下|一等|不及|车|会儿)/;

function cjkBefore(text: string, offset: number): boolean {
  const cp = codePointBefore(text, offset);
  return cp !== undefined && isCjkContext(cp);
}

function cjkAt(text: string, offset: number): boolean {
  const cp = text.codePointAt(offset);
  return cp !== undefined && isCjkContext(cp);
}

/** Han, or a closing mark that ends Chinese text (”」』）》), on the left of a dash. */
function chineseLeft(text: string, at: number): boolean {
  return isHanBefore(text, at) || /[”」』）》]/.test(text[at - 1] ?? '');
}

/** Han, or an opening mark that starts Chinese text (“「『（《), on the right of a dash. */
function chineseRight(text: string, at: number): boolean {
  return isHanAt(text, at) || /[“「『（《]/.test(text[at] ?? '');
}

const NUMERAL = /[0-9〇零一二三四五六七八九十百千万亿两]/;

export const ellipsisDash: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '省略号写作 ……、破折号写作 ——：不用 。。。、...、单个 … 或 -- 代替；省略号不与“等”“等等”并用',
      en: 'The ellipsis is ……, the dash ——: not 。。。, ..., a single … or --; an ellipsis never goes with 等 or 等等',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      ellipsis: { zh: '省略号应写作 ……（两个 …），不应写作 {found}', en: 'An ellipsis is written …… (two …), not {found}' },
      ellipsisLength: { zh: '省略号应为两个 …（…………表示省略整段），这里有 {count} 个', en: 'An ellipsis is two … (………… for an omitted paragraph); this one has {count}' },
      withDeng: { zh: '省略号与“{deng}”不能同时使用，应删去省略号', en: 'An ellipsis and {deng} say the same omission twice: drop the ellipsis' },
      dash: { zh: '破折号应写作 ——（两个 —），不应写作 {found}', en: 'A dash is written —— (two —), not {found}' },
      dashSingle: { zh: '{found} 若是破折号，应写作 ——；若是连接号（如“北京—上海”），则无误', en: '{found}: a dash is written ——; as a connector (北京—上海) it is correct' },
      toEllipsis: { zh: '改为 ……', en: 'Change it to ……' },
      toDash: { zh: '改为 ——', en: 'Change it to ——' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.normalized;

    for (const m of matchesIn(ELLIPSIS_LIKE, text, ctx)) {
      const start = m.index;
      const end = start + m[0].length;
      const found = m[0];
      const standard = STANDARD_ELLIPSIS.has(found);
      const periods = found[0] === '。';
      // Dots and single ellipsis characters are Chinese only next to Chinese text (not `wait…`, `1...9`).
      if ((!periods && !cjkBefore(text, start) && !cjkAt(text, end)) || inUrl(doc, start)) continue;
      // A URL or an English word ending in dots before a closing mark (`…/...）`) is not Chinese.
      if (!periods && !cjkBefore(text, start) && /[A-Za-z0-9/:_-]/.test(text[start - 1] ?? '')) continue;

      // 等 or 等等 right after the ellipsis, or 等等 right before it.
      const after = text.slice(end, end + 6);
      const dengAfter = /^等等/.test(after) ? '等等' : /^等(?![\u4e00-\u9fff])/.test(after) || (/^等[\u4e00-\u9fff]/.test(after) && !DENG_WORDS.test(after)) ? '等' : undefined;
      const dengBefore = text.slice(start - 2, start) === '等等' ? '等等' : undefined;
      const deng = dengAfter ?? dengBefore;
      if (deng) {
        // Spaces left by a dropped ellipsis would be stray: none are added.
        ctx.report({ start, end, messageId: 'withDeng', data: { deng }, fix: { edits: [{ start, end, text: '' }] } });
        continue;
      }
      if (standard) continue;
      const count = [...found].length;
      if (found[0] === '…' && count !== 1) {
        // 3, 5, 6 …: one too many or too few; which was meant is the drafter's call.
        ctx.report({ start, end, messageId: 'ellipsisLength', data: { count }, suggestions: [{ messageId: 'toEllipsis', fix: { edits: [{ start, end, text: '……' }] } }] });
        continue;
      }
      ctx.report({ start, end, messageId: 'ellipsis', data: { found }, fix: { edits: [{ start, end, text: '……' }] } });
    }

    for (const m of matchesIn(DASH_LIKE, text, ctx)) {
      const start = m.index;
      const end = start + m[0].length;
      const found = m[0];
      if (found === '——') continue;
      if (!chineseLeft(text, start) || !chineseRight(text, end) || inUrl(doc, start)) continue;
      // 三—五天, 二〇二一—二〇二五年: a range of numbers takes the connector.
      if (NUMERAL.test(text[start - 1]) && NUMERAL.test(text[end])) continue;
      const length = [...found].length;
      if (length === 2) {
        ctx.report({ start, end, messageId: 'dash', data: { found }, fix: { edits: [{ start, end, text: '——' }] } });
      } else {
        ctx.report({ start, end, severity: 'info', messageId: length === 1 ? 'dashSingle' : 'dash', data: { found }, suggestions: [{ messageId: 'toDash', fix: { edits: [{ start, end, text: '——' }] } }] });
      }
    }
  },
};
