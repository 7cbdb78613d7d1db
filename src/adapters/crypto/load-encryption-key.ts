import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LoadedKey {
  key: Buffer;
  source: 'environment' | 'generated' | 'data-dir' | 'ephemeral';
  file?: string;
}

/**
 * The PHI key comes from HALE_ENCRYPTION_KEY. Outside production, when it is unset, a key is
 * generated once into DATA_DIR/keys (mode 0600) so a trial install keeps working across
 * restarts; the caller warns loudly. `dataDir` undefined (throwaway database) → ephemeral key.
 */
export async function loadEncryptionKey(fromEnv: string | undefined, dataDir: string | undefined): Promise<LoadedKey> {
  if (fromEnv !== undefined) return { key: Buffer.from(fromEnv, 'base64'), source: 'environment' };
  if (dataDir === undefined) return { key: randomBytes(32), source: 'ephemeral' };
  const file = path.resolve(dataDir, 'keys', 'encryption.key');
  try {
    const stored = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    if (stored.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return { key: stored, source: 'data-dir', file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: 'generated', file };
}
