#!/usr/bin/env node
// The `speech-lint` command: the bundled command line (dist/cli.js, built by `npm run build`).
'use strict';
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
