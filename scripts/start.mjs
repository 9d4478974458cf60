// `npm start`: lints the bundled example draft and prints the findings and the outline.
// The example has deliberate errors, so exit code 1 (findings) counts as success here; 2 (usage or
// I/O error) or a crash still fails.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { status, signal } = spawnSync(process.execPath, [path.join(root, 'bin', 'speech-lint.js'), '--stats', path.join('examples', 'draft.speech')], { cwd: root, stdio: 'inherit' });
process.exit(signal ? 2 : status === 1 ? 0 : status ?? 2);
