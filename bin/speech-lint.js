#!/usr/bin/env node
// The `speech-lint` command: the bundled command line (dist/cli.js, built by `npm run build`).
'use strict';
// Node 20's V8 (11.x) optimizes hot functions early: a run over a few drafts spends more compiling than
// it gains (the five corpus files: 250 → 220 ms when it waits longer; a 10 MB draft is not slower).
// Later V8s tier up through Maglev and do not know this flag.
if (/^11\./.test(process.versions.v8)) require('node:v8').setFlagsFromString('--interrupt-budget=600000');
try {
  require('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('speech-lint: 尚未构建，请先运行 npm run build / not built yet: run npm run build first\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
