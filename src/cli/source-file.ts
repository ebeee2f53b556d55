// Reads the file `--from` names, bounded: a path that is not a readable regular file of at most
// 1 MB is a usage error naming what to pass instead, never a crash or a read of a device.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_SCANNED_CHARS } from '../core/references/index';
import { UsageError } from './args';

export async function readSourceFile(given: string, cwd: string): Promise<{ uri: string; text: string }> {
  const full = path.resolve(cwd, given);
  let stat;
  try { stat = await fs.stat(full); } catch (e) {
    throw new UsageError(`--from ${given}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'} (give the workflow, Dockerfile, compose file or manifest that names the image)`);
  }
  if (!stat.isFile()) throw new UsageError(`--from ${given}: not a file (give the workflow, Dockerfile, compose file or manifest that names the image)`);
  if (stat.size > MAX_SCANNED_CHARS) throw new UsageError(`--from ${given}: the file is larger than 1 MB; name the image instead`);
  let text: string;
  try { text = await fs.readFile(full, 'utf8'); } catch { throw new UsageError(`--from ${given}: cannot be read`); }
  const rel = path.relative(cwd, full);
  // SARIF wants a URI: relative to the checkout (code scanning's %SRCROOT%) when inside it.
  const uri = !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : pathToFileURL(full).href;
  return { uri, text };
}
