// document URIs → file paths (only `file:` URIs have a config file to look for).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export function uriToFsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
