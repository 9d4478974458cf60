// Regenerates what follows from the rules' metadata and the settings table (run after `npm run build`):
// schemas/speechlintrc.schema.json, package.json's settings, package.nls*.json, the grammar's rule ids,
// the README's rules table and the zh-Hant message catalogue. A test fails while any of them is stale.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { writeGenerated } = createRequire(import.meta.url)(path.join(root, 'out/server/src/generate/generate.js'));
const written = writeGenerated(root);
console.log(written.length ? `generated: ${written.join(', ')}` : 'generated files are up to date');
