import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaStorage } from '../../app/ports.ts';

export interface BytesCipher {
  encryptBytes(plaintext: Uint8Array): Buffer;
  decryptBytes(ciphertext: Uint8Array): Buffer;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Patient files on local disk under `root`, encrypted with the PHI key, written atomically. */
export function localMediaStorage(root: string, cipher: BytesCipher): MediaStorage {
  const fileFor = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, `${key}.enc`);
  };
  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, cipher.encryptBytes(bytes), { mode: 0o600 });
      await rename(temp, file);
    },
    async get(key) {
      return cipher.decryptBytes(await readFile(fileFor(key)));
    },
  };
}
