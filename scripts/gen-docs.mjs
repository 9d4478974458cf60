// Regenerates the README's rules table from rule metadata (run after `npm run build`).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { withRulesTable } = createRequire(import.meta.url)(path.join(root, 'out/server/src/core/rules-table.js'));
const file = path.join(root, 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = withRulesTable(before);
if (after !== before) fs.writeFileSync(file, after);
console.log(after !== before ? 'README.md: rules table updated' : 'README.md: rules table already up to date');
