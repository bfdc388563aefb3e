/**
 * The key of the conversation references in logs (a keyed hash of `channel:user`): without it a
 * reference could be reversed by hashing every phone number of a country. LOG_ID_SECRET when set
 * (several instances must all have the same one); otherwise one is generated once and kept in
 * DATA_DIR/log-id-secret (readable by the owner only), so references stay the same across restarts.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WegweiserError } from '../core/errors.js';

export const LOG_ID_SECRET_FILE = 'log-id-secret';

export function logIdSecret(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOG_ID_SECRET_FILE);
  try {
    return readSecret(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // Written aside and linked into place: two processes starting at once end up with one secret.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(draft);
  }
  return readSecret(file);
}

function readSecret(file: string): Buffer {
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new WegweiserError('CONFIG_INVALID', [`${file} is not a log id secret (64 hex digits): delete it to have a new one made, or set LOG_ID_SECRET`]);
  return Buffer.from(text, 'hex');
}
