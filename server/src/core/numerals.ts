// Chinese numerals 一 … 九十九 as used in outline markers and enumerations.

const DIGITS = '零一二三四五六七八九';
/** Parses 一 … 九十九 (also 两 as 2); returns null for anything else. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 3) return null;
  if (text === '两') return 2;
  const ten = text.indexOf('十');
  if (ten === -1) {
    if (text.length !== 1) return null;
    const d = DIGITS.indexOf(text);
    return d > 0 ? d : null;
  }
  if (text.indexOf('十', ten + 1) !== -1) return null;
  const before = text.slice(0, ten);
  const after = text.slice(ten + 1);
  let tens = 1;
  if (before.length) {
    const d = DIGITS.indexOf(before);
    if (before.length !== 1 || d < 2) return null;
    tens = d;
  }
  let ones = 0;
  if (after.length) {
    const d = DIGITS.indexOf(after);
    if (after.length !== 1 || d < 1) return null;
    ones = d;
  }
  return tens * 10 + ones;
}

/** Formats 1 … 99 as a Chinese numeral; larger numbers fall back to Arabic digits. */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? DIGITS[tens] : '') + '十' + (ones ? DIGITS[ones] : '');
}
