// The installed package the server runs from: its folder (the rule pages are there) and its version.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The folder holding the extension's package.json (dist/.. when bundled). */
export const extensionRoot = (() => {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.resolve(__dirname, '..');
})();

/** The package's version (package.json beside the bundle), as the server reports it. */
export const SERVER_VERSION = (() => {
  try {
    return (JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();
