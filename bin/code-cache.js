// Loads the bundled command line (dist/cli.js) with the V8 code cache the build made for it
// (dist/cli.cache): a run then neither parses the 1.3 MB bundle nor compiles again the functions a lint
// calls, about 20 ms of a 220 ms run over five drafts. The build makes the cache by linting the example
// draft (`node bin/code-cache.js --make dist/cli.js examples/draft.speech`). A cache is used only with
// the very file it was made from (its size and modification time) and only whole (its SHA-256: V8
// checks a cache's length but not its bytes, and a damaged one would abort the process); V8 itself
// refuses one made by another Node or with other flags. Otherwise the bundle is compiled as usual.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

// Node 20's V8 (11.x) optimizes hot functions early: a run over a few drafts spends more compiling than
// it gains (the five corpus files: 250 → 220 ms when it waits longer; a 10 MB draft is not slower).
// Later V8s tier up through Maglev and do not know this flag. Set here, so that the cache is made and
// used under the same flags.
if (/^11\./.test(process.versions.v8)) require('node:v8').setFlagsFromString('--interrupt-budget=600000');

const cacheFileOf = (file) => file.replace(/\.js$/, '.cache');

function stampOf(file) {
  const stat = fs.statSync(file);
  return `${stat.size} ${Math.trunc(stat.mtimeMs)}`;
}

const digest = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The cached code for `file`, when the cache was made from this file. */
function cachedDataFor(file) {
  let buffer;
  try {
    buffer = fs.readFileSync(cacheFileOf(file));
  } catch {
    return undefined;
  }
  const newline = buffer.indexOf(10);
  if (newline === -1) return undefined;
  const data = buffer.subarray(newline + 1);
  return buffer.toString('latin1', 0, newline) === `${stampOf(file)} ${digest(data)}` ? data : undefined;
}

/** Compiles and runs `file` as a CommonJS module; returns the compiled script. */
function runModule(file, cachedData) {
  const source = fs.readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = new Module(file, require.main);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  return script;
}

/** Runs `file` with its cache where there is one; returns the script (`cachedDataRejected` says whether V8 took it). */
exports.load = function load(file) {
  return runModule(file, cachedDataFor(file));
};
exports.cachedDataFor = cachedDataFor;

// The build: run the command line on the given arguments (output discarded) and write the cache of all
// it compiled when the process ends.
if (require.main === module && process.argv[2] === '--make') {
  const file = path.resolve(process.argv[3]);
  const cacheFile = cacheFileOf(file);
  fs.rmSync(cacheFile, { force: true });
  process.argv.splice(2, 2);
  const script = runModule(file, undefined);
  process.on('exit', (code) => {
    // The example draft has findings (exit 1); anything else is a failure the build should show.
    if (code === 1) process.exitCode = 0;
    const data = script.createCachedData();
    fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${stampOf(file)} ${digest(data)}\n`, 'latin1'), data]));
  });
}
