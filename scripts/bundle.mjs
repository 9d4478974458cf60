// Bundles the client, the language server and the command line with esbuild (dist/ is not in git).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
// The client in two parts: a small entry module, and the rest it loads once a draft is open.
const entries = [
  { in: 'client/src/bootstrap.ts', out: 'client' },
  { in: 'client/src/extension.ts', out: 'client-main' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/cli.ts', out: 'cli' },
].filter((e) => fs.existsSync(path.join(root, e.in)));

const started = Date.now();
const common = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Chinese text as UTF-8, not \u escapes: a third of the size for the word lists and script tables.
  charset: 'utf8',
  minify: production,
  logLevel: 'warning',
};
// opencc-js (2 MB) goes in a file of its own, loaded only when a text is converted (core/script.ts).
await esbuild.build({ ...common, entryPoints: [{ in: 'scripts/opencc-entry.cjs', out: 'opencc' }] });
// The Word code (the docx package, an XML parser, a zip library) too: loaded when a Word file is met
// (server/src/docx/load.ts).
await esbuild.build({ ...common, entryPoints: [{ in: 'server/src/docx/library.ts', out: 'docx' }], external: ['opencc-js'], sourcemap: !production });
await esbuild.build({ ...common, entryPoints: entries.map((e) => ({ in: e.in, out: e.out })), external: ['vscode', 'opencc-js'], sourcemap: !production });
// The command line's code cache (bin/code-cache.js), made by linting the example draft once.
if (entries.some((e) => e.out === 'cli')) {
  const made = spawnSync(process.execPath, ['bin/code-cache.js', '--make', 'dist/cli.js', 'examples/draft.speech'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`the command line's code cache was not made (exit ${made.status})`);
}
console.log(`bundled ${entries.map((e) => `dist/${e.out}.js`).join(', ')}, dist/docx.js, dist/opencc.js, dist/cli.cache in ${Date.now() - started} ms`);
