// Word's automatic numbering (numbering.xml), restored as the text Word shows: `lvlText` such as
// `%1、` or `（%1）` filled with counters formatted by `numFmt`, counted per list and level with
// Word's restart rules. Mammoth drops exactly this, and with it the `一、` of most official documents.
import { formatChineseNumeral } from '../core/numerals';
import { childElements, isW, onOff, wAttr, wChild, type Document, type Element } from './ooxml';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** `w:lvlRestart`: restart after a use of this level (1-based) or a higher one; 0 = never; undefined = after any higher level. */
  restart?: number;
  /** Legal numbering: every counter shown in decimal. */
  isLgl: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** The paragraph style this level belongs to (`w:pStyle`). */
  pStyle?: string;
}

interface AbstractNum {
  id: string;
  levels: Map<number, LevelDef>;
  /** `w:numStyleLink`: the definition lives in the numbering style of this id. */
  numStyleLink?: string;
}

interface NumInstance {
  abstractId: string;
  /** `w:lvlOverride`: a new start and/or a whole level definition. */
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumInstance>;
}

function intAttr(el: Element | undefined, name = 'val'): number | undefined {
  const v = wAttr(el, name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

function readLevel(lvl: Element): LevelDef {
  const suff = wAttr(wChild(lvl, 'suff'), 'val');
  const restartEl = wChild(lvl, 'lvlRestart');
  return {
    start: intAttr(wChild(lvl, 'start')) ?? 0,
    numFmt: wAttr(wChild(lvl, 'numFmt'), 'val') ?? 'decimal',
    lvlText: wChild(lvl, 'lvlText') ? (wChild(lvl, 'lvlText')!.getAttributeNS(wChild(lvl, 'lvlText')!.namespaceURI, 'val') ?? '') : '',
    restart: restartEl ? intAttr(restartEl) : undefined,
    isLgl: onOff(wChild(lvl, 'isLgl')) === true,
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: wAttr(wChild(lvl, 'pStyle'), 'val'),
  };
}

export function readNumbering(doc: Document | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
  const root = doc?.documentElement;
  if (!root) return defs;
  for (const el of childElements(root)) {
    if (isW(el, 'abstractNum')) {
      const id = wAttr(el, 'abstractNumId') ?? '';
      const levels = new Map<number, LevelDef>();
      for (const lvl of childElements(el)) if (isW(lvl, 'lvl')) levels.set(intAttr(lvl, 'ilvl') ?? 0, readLevel(lvl));
      defs.abstracts.set(id, { id, levels, numStyleLink: wAttr(wChild(el, 'numStyleLink'), 'val') });
    } else if (isW(el, 'num')) {
      const id = wAttr(el, 'numId') ?? '';
      const overrides = new Map<number, { start?: number; level?: LevelDef }>();
      for (const o of childElements(el)) {
        if (!isW(o, 'lvlOverride')) continue;
        const lvl = wChild(o, 'lvl');
        overrides.set(intAttr(o, 'ilvl') ?? 0, { start: intAttr(wChild(o, 'startOverride')), level: lvl ? readLevel(lvl) : undefined });
      }
      defs.nums.set(id, { abstractId: wAttr(wChild(el, 'abstractNumId'), 'val') ?? '', overrides });
    }
  }
  return defs;
}

// ---------------------------------------------------------------------------------------------
// Number formats

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULLSTOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL_SIMPLIFIED = ['', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';

/** 一 … 九十九 as Word's chineseCounting writes them; larger numbers up to 9999 with 百/千. */
function chineseCounting(n: number): string {
  if (n <= 0) return '〇';
  if (n < 100) return formatChineseNumeral(n);
  if (n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '〇';
    zero = false;
    out += IDEOGRAPH_DIGITS[d] + unit;
  });
  return out;
}

function legalSimplified(n: number): string {
  if (n < 1 || n > 99) return String(n);
  if (n < 10) return LEGAL_SIMPLIFIED[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? LEGAL_SIMPLIFIED[tens] : '壹') + '拾' + LEGAL_SIMPLIFIED[ones];
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** Word repeats the letter: 27 → AA, 28 → BB. */
function letter(n: number): string {
  if (n < 1) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

const at = (table: string, n: number) => (n >= 1 && n <= table.length ? Array.from(table)[n - 1] : String(n));

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => IDEOGRAPH_DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
      return legalSimplified(n);
    case 'ideographTraditional':
      return n >= 1 ? TIANGAN[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n >= 1 ? DIZHI[(n - 1) % 12] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return at(CIRCLED, n);
    case 'decimalEnclosedParen':
      return at(PAREN, n);
    case 'decimalEnclosedFullstop':
      return at(FULLSTOP, n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** Symbol-font bullets (private-use code points) as a plain bullet. */
function plainBullet(text: string): string {
  return text.replace(/[\uF000-\uF0FF]/g, '•');
}

// ---------------------------------------------------------------------------------------------
// Counting

interface ListState {
  /** Last value shown per level; undefined: not counting (never used, or restarted). */
  counters: (number | undefined)[];
  /** A start the next use of a level must take (from a `w:startOverride`). */
  pendingStart: Map<number, number>;
}

/** Resolves paragraphs' numbering in document order (one instance per document). */
export class NumberingCounter {
  /** Counters are shared by every w:num of one abstract definition, as in Word. */
  private lists = new Map<string, ListState>();
  private seenNums = new Set<string>();

  constructor(
    private defs: NumberingDefinitions,
    /** A numbering style's own numId (for `w:numStyleLink`). */
    private styleNumId: (styleId: string) => string | undefined = () => undefined,
  ) {}

  private abstractOf(num: NumInstance): AbstractNum | undefined {
    let abstract = this.defs.abstracts.get(num.abstractId);
    for (let hops = 0; abstract?.numStyleLink && hops < 5; hops++) {
      const linked = this.styleNumId(abstract.numStyleLink);
      const target = linked ? this.defs.nums.get(linked) : undefined;
      const next = target ? this.defs.abstracts.get(target.abstractId) : undefined;
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }

  /** The level of this list whose `w:pStyle` is the paragraph's style (for numbering that comes with a style). */
  levelForStyle(numId: string, styleId: string): number | undefined {
    const num = this.defs.nums.get(numId);
    const abstract = num && this.abstractOf(num);
    if (!abstract) return undefined;
    for (const [ilvl, def] of abstract.levels) if (def.pStyle === styleId) return ilvl;
    return undefined;
  }

  /** The text Word puts before the paragraph (with its separator), or undefined for none. */
  next(numId: string, ilvl: number): { text: string; suffix: LevelDef['suffix'] } | undefined {
    if (numId === '0') return undefined;
    const num = this.defs.nums.get(numId);
    const abstract = num && this.abstractOf(num);
    if (!num || !abstract) return undefined;
    const level = (i: number): LevelDef | undefined => num.overrides.get(i)?.level ?? abstract.levels.get(i);
    const def = level(ilvl);
    if (!def) return undefined;
    let state = this.lists.get(abstract.id);
    if (!state) this.lists.set(abstract.id, (state = { counters: [], pendingStart: new Map() }));
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [i, o] of num.overrides) {
        if (o.start === undefined) continue;
        state.pendingStart.set(i, o.start);
        state.counters[i] = undefined;
      }
    }
    const pending = state.pendingStart.get(ilvl);
    if (pending !== undefined) {
      state.pendingStart.delete(ilvl);
      state.counters[ilvl] = pending;
    } else {
      const current = state.counters[ilvl];
      state.counters[ilvl] = current === undefined ? def.start : current + 1;
    }
    // Deeper levels restart after a use of this level, unless their lvlRestart says otherwise.
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = level(deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl <= restart - 1) state.counters[deeper] = undefined;
    }
    if (def.numFmt === 'bullet') return { text: plainBullet(def.lvlText), suffix: def.suffix };
    const text = def.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const ref = level(i);
      const value = state.counters[i] ?? ref?.start ?? 1;
      return formatNumber(value, def.isLgl ? 'decimal' : (ref?.numFmt ?? 'decimal'));
    });
    return { text, suffix: def.suffix };
  }
}
