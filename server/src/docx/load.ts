// Loads the Word code on first use. In the bundles it is a file of its own beside them (dist/docx.js):
// a process that never meets a Word file does not read its 0.8 MB. Compiled for the tests (out/), it
// is the module next to this one.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WordLibrary = typeof import('./library');

let loaded: WordLibrary | undefined;

export function wordLibrary(): WordLibrary {
  if (!loaded) {
    const bundled = path.join(__dirname, 'docx.js');
    const file = fs.existsSync(bundled) ? bundled : path.join(__dirname, 'library.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(file) as WordLibrary;
  }
  return loaded;
}
