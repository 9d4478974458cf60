// Export settings (`export` in .speechlintrc.json): fonts and sizes per part of the speech. The
// defaults are those of GB/T 9704-2012; offices with other conventions name their own.
// No imports from the docx library here: core/settings.ts reads this module.

export type ExportPart = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'pageNumber';

export const EXPORT_PARTS: readonly ExportPart[] = ['title', 'body', 'heading1', 'heading2', 'heading3', 'heading4', 'pageNumber'];

export interface ExportSettings {
  /** Font names as Word shows them (applied to Chinese and Latin text alike). */
  fonts: Record<ExportPart, string>;
  /** Sizes in points (字号 names such as "三号" are accepted in the config file). */
  sizes: Record<ExportPart, number>;
  /** GB/T 9704 leaves level-3 headings plain or bold. */
  level3Bold: boolean;
}

export function defaultExportSettings(): ExportSettings {
  return {
    fonts: {
      title: '方正小标宋简体',
      body: '仿宋_GB2312',
      heading1: '黑体',
      heading2: '楷体_GB2312',
      heading3: '仿宋_GB2312',
      heading4: '仿宋_GB2312',
      pageNumber: '宋体',
    },
    sizes: { title: 22, body: 16, heading1: 16, heading2: 16, heading3: 16, heading4: 16, pageNumber: 14 },
    level3Bold: false,
  };
}

/** Chinese type sizes (字号) in points. */
export const ZIHAO: Record<string, number> = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  六号: 7.5,
  小六: 6.5,
  七号: 5.5,
  八号: 5,
};

const ARABIC_ZIHAO = ['初', '一', '二', '三', '四', '五', '六', '七', '八'];

/** `16`, `"16pt"`, `"三号"`, `"3号"`, `"小四"` → points; undefined when not a size. */
export function parseFontSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 1 && value <= 200 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim().replace(/號/g, '号').replace(/^(小?)(\d)号?$/, (_, small: string, d: string) => `${small}${ARABIC_ZIHAO[Number(d)] ?? d}${small ? '' : '号'}`);
  if (s in ZIHAO) return ZIHAO[s];
  if (`${s}号` in ZIHAO) return ZIHAO[`${s}号`];
  const pt = /^(\d+(?:\.\d+)?)\s*(?:pt|磅)?$/i.exec(s);
  return pt ? parseFontSize(Number(pt[1])) : undefined;
}

interface Problem {
  field: string;
  message: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates the `export` field of a config. Returns the defaults with every valid part of the
 * input applied; each bad part is reported and keeps its default.
 */
export function checkExportSettings(value: unknown, field: string, problems: Problem[]): ExportSettings | undefined {
  if (!isObject(value)) {
    problems.push({ field, message: 'must be an object { "fonts"?, "sizes"?, "level3Bold"? }' });
    return undefined;
  }
  const out = defaultExportSettings();
  for (const [key, v] of Object.entries(value)) {
    const at = `${field}.${key}`;
    if (key === 'level3Bold') {
      if (typeof v === 'boolean') out.level3Bold = v;
      else problems.push({ field: at, message: 'must be true or false' });
    } else if (key === 'fonts' || key === 'sizes') {
      if (!isObject(v)) {
        problems.push({ field: at, message: `must be an object keyed by ${EXPORT_PARTS.map((p) => JSON.stringify(p)).join(', ')}` });
        continue;
      }
      for (const [part, setting] of Object.entries(v)) {
        const partAt = `${at}.${part}`;
        if (!(EXPORT_PARTS as readonly string[]).includes(part)) {
          problems.push({ field: partAt, message: `unknown part: expected one of ${EXPORT_PARTS.map((p) => JSON.stringify(p)).join(', ')}` });
        } else if (key === 'fonts') {
          if (typeof setting === 'string' && setting.trim()) out.fonts[part as ExportPart] = setting.trim();
          else problems.push({ field: partAt, message: 'must be a font name' });
        } else {
          const size = parseFontSize(setting);
          if (size !== undefined) out.sizes[part as ExportPart] = size;
          else problems.push({ field: partAt, message: 'must be a size in points (1–200) or a 字号 such as "三号", "小四"' });
        }
      }
    } else {
      problems.push({ field: at, message: 'unknown field' });
    }
  }
  return out;
}
