// Doubling inputs of the shapes that were once quadratic (issue: nothing stalls the server):
// each shape is linted and fixed at n and 2n; a ratio near 2 is linear, near 4 quadratic.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { lint, fixAll } = require(path.join(root, 'out/server/src/core/engine.js'));

const corpusDir = path.join(root, '..', 'shared', 'corpus');
const corpusText = fs.existsSync(corpusDir)
  ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8')).join('\n')
  : '一、总体要求\n我们要认真落实,大家要团结一致:XX同志讲得很好。\n';

const lines = (n, line) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** name → text of about n units. */
export const SHAPES = {
  '供大家参考 repeated': (n) => '供大家参考'.repeat(n),
  'directive with a space run': (n) => `<!-- speech-lint-disable${' '.repeat(n * 5)}placeholder -->\n同志们：XX`,
  'front matter with a space run': (n) => `---\n类型: 单项${' '.repeat(n * 5)}\n---\n同志们：`,
  'nested （（…））': (n) => '（'.repeat(n) + '我们' + '）'.repeat(n),
  'nested ((…))': (n) => '('.repeat(n) + '我们' + ')'.repeat(n),
  '讲三点 in one paragraph': (n) => '我讲三点意见，'.repeat(n),
  'comment + spaced lines': (n) => lines(n, () => '<!-- 待核实 -->\n我 们 要 认 真 落 实 各 项 工 作'),
  'directive + placeholder pairs': (n) => lines(n, () => '<!-- speech-lint-disable-next-line placeholder -->\nXX同志，某某单位（“要”）。'),
  'spaced characters': (n) => '我 们'.repeat(n),
  'headings': (n) => lines(n, (i) => `${['一', '二', '三', '四', '五', '六', '七', '八', '九'][i % 9]}、标题\n正文。`),
  'duplicate paragraphs': (n) => lines(n, () => '要坚持以人民为中心的发展思想，扎实推进各项工作落地见效。'),
  'many fixes (corpus, half-width marks)': (n) => {
    const text = corpusText.replace(/，/g, ',').replace(/：/g, ':');
    let out = '';
    while (out.length < n * 20) out += text;
    return out.slice(0, n * 20);
  },
  '工 + space repeated': (n) => '工 '.repeat(n * 4) + '作',
};

function timeOf(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Median of a few runs, enough to tell 2× from 4×. */
function measure(fn, runs = 3) {
  const times = Array.from({ length: runs }, () => timeOf(fn)).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

export function benchShapes({ base = 8000, log = console.log } = {}) {
  const rows = [];
  for (const [name, make] of Object.entries(SHAPES)) {
    const small = make(base);
    const large = make(base * 2);
    lint(small); // warm
    const lintSmall = measure(() => lint(small));
    const lintLarge = measure(() => lint(large));
    const fixSmall = measure(() => fixAll(small), 1);
    const fixLarge = measure(() => fixAll(large), 1);
    rows.push({
      shape: name,
      'chars n → 2n': `${small.length} → ${large.length}`,
      'lint ms': `${lintSmall.toFixed(1)} → ${lintLarge.toFixed(1)}`,
      'lint ×': (lintLarge / lintSmall).toFixed(2),
      'fix-all ms': `${fixSmall.toFixed(1)} → ${fixLarge.toFixed(1)}`,
      'fix-all ×': (fixLarge / fixSmall).toFixed(2),
    });
  }
  log('doubling inputs (2.0× is linear, 4.0× quadratic)');
  console.table(rows);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--base');
  benchShapes({ base: at > 0 ? Number(process.argv[at + 1]) : 8000 });
}
