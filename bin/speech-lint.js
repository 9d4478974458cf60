#!/usr/bin/env node
// The `speech-lint` command: the bundled command line (dist/cli.js, built by `npm run build`), loaded
// with the code cache the build made for it (bin/code-cache.js).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (fs.existsSync(bundle)) {
  require('./code-cache.js').load(bundle);
} else {
  process.stderr.write('speech-lint: 尚未构建，请先运行 npm run build / not built yet: run npm run build first\n');
  process.exitCode = 2;
}
