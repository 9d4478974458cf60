// The peers the benchmark measures against, loaded in-process: markdownlint, zhlint, and autocorrect's
// WASM build (a bundler-target wasm-bindgen package: instantiated here by hand, as Node cannot import .wasm).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

export async function loadPeers() {
  const peers = {};
  const { lint: markdownlint } = await import('markdownlint/sync');
  peers.markdownlint = (texts) => markdownlint({ strings: Object.fromEntries(texts.map((t, i) => [`f${i}`, t])) });
  try {
    const zhlint = require('zhlint');
    peers.zhlint = (texts) => texts.forEach((t) => zhlint.run(t));
  } catch (error) {
    console.log(`(zhlint not loaded: ${error.message})`);
  }
  try {
    const dir = path.dirname(require.resolve('@huacnlee/autocorrect/package.json'));
    const glue = await import(path.join(dir, 'autocorrect_bg.js'));
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dir, 'autocorrect_bg.wasm')), { './autocorrect_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    peers.autocorrect = (texts) => texts.forEach((t) => glue.lintFor(t, 'text.txt'));
  } catch (error) {
    console.log(`(autocorrect WASM not loaded: ${error.message})`);
  }
  return peers;
}

/** autocorrect's command line (the native build), for the whole-process figure; undefined when absent. */
export function autocorrectCli() {
  try {
    const dir = path.dirname(require.resolve('autocorrect-node/package.json'));
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : Object.values(pkg.bin)[0];
    return path.join(dir, bin);
  } catch {
    return undefined;
  }
}
