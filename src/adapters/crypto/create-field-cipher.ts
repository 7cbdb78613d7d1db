import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

/**
 * AES-256-GCM for PHI columns and files. Ciphertext format: `hale1:<keyId>:<iv>:<tag>:<data>`
 * (base64url parts). keyId names the key (first 8 hex chars of its SHA-256), so rotated-out
 * keys still decrypt old rows. Lookups use a keyed HMAC ("blind index") derived from the
 * current key, never the plaintext.
 */
export interface FieldCipher {
  readonly keyId: string;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  encryptBytes(plaintext: Uint8Array): Buffer;
  decryptBytes(ciphertext: Uint8Array): Buffer;
  blindIndex(purpose: string, value: string): string;
}

const PREFIX = 'hale1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BYTES_MAGIC = Buffer.from('HALE1');

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function createFieldCipher(currentKey: Buffer, previousKeys: Buffer[] = []): FieldCipher {
  for (const key of [currentKey, ...previousKeys]) {
    if (key.length !== 32) throw new Error('encryption keys must be 32 bytes');
  }
  const keyId = keyIdOf(currentKey);
  // Key objects are prepared once: building them per call costs about three times the encryption.
  const keys = new Map<string, KeyObject>();
  for (const key of [...previousKeys, currentKey]) keys.set(keyIdOf(key), createSecretKey(key));
  const current = createSecretKey(currentKey);
  const indexKey = createSecretKey(Buffer.from(hkdfSync('sha256', currentKey, Buffer.alloc(0), 'hale/blind-index/v1', 32)));

  function keyFor(id: string): KeyObject {
    const key = keys.get(id);
    if (key === undefined) throw new Error(`no encryption key with id ${id} is configured`);
    return key;
  }

  function seal(plaintext: Buffer): { iv: Buffer; tag: Buffer; data: Buffer } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', current, iv);
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { iv, tag: cipher.getAuthTag(), data };
  }

  function open(key: KeyObject, iv: Buffer, tag: Buffer, data: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  }

  return {
    keyId,
    encrypt(plaintext) {
      const { iv, tag, data } = seal(Buffer.from(plaintext, 'utf8'));
      return [PREFIX, keyId, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(':');
    },
    decrypt(ciphertext) {
      const parts = ciphertext.split(':');
      if (parts.length !== 5 || parts[0] !== PREFIX) throw new Error('not a Hale ciphertext');
      const [, id, iv, tag, data] = parts as [string, string, string, string, string];
      return open(keyFor(id), Buffer.from(iv, 'base64url'), Buffer.from(tag, 'base64url'), Buffer.from(data, 'base64url')).toString('utf8');
    },
    encryptBytes(plaintext) {
      const { iv, tag, data } = seal(Buffer.from(plaintext));
      return Buffer.concat([BYTES_MAGIC, Buffer.from(keyId, 'hex'), iv, tag, data]);
    },
    decryptBytes(ciphertext) {
      const buf = Buffer.from(ciphertext);
      if (!buf.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) throw new Error('not a Hale encrypted file');
      let offset = BYTES_MAGIC.length;
      const id = buf.subarray(offset, offset + 4).toString('hex');
      offset += 4;
      const iv = buf.subarray(offset, offset + IV_BYTES);
      offset += IV_BYTES;
      const tag = buf.subarray(offset, offset + TAG_BYTES);
      offset += TAG_BYTES;
      return open(keyFor(id), iv, tag, buf.subarray(offset));
    },
    blindIndex(purpose, value) {
      return createHmac('sha256', indexKey).update(`${purpose}\u0000${value}`).digest('hex');
    },
  };
}
