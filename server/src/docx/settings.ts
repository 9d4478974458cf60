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

/** Every 字号 name a config may use: 三号 and 3号, 小四 and 小4. */
export const ZIHAO_NAMES: readonly string[] = Object.keys(ZIHAO).flatMap((name) => {
  const digit = ARABIC_ZIHAO.indexOf(name.replace(/^小/, '').replace(/号$/, ''));
  const arabic = digit > 0 ? (name.startsWith('小') ? `小${digit}` : `${digit}号`) : undefined;
  return arabic ? [name, arabic] : [name];
});

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
