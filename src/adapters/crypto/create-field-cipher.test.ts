import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createFieldCipher } from './create-field-cipher.ts';

test('encrypts text so the plaintext is not visible and decrypts it back', () => {
  const cipher = createFieldCipher(randomBytes(32));
  const secret = 'Maria Gonzalez, +34 600 123 456, chest pain';
  const sealed = cipher.encrypt(secret);
  assert.ok(!sealed.includes('Maria'));
  assert.ok(sealed.startsWith(`hale1:${cipher.keyId}:`));
  assert.notEqual(cipher.encrypt(secret), sealed, 'a fresh IV per encryption');
  assert.equal(cipher.decrypt(sealed), secret);
});

test('rejects tampered ciphertext', () => {
  const cipher = createFieldCipher(randomBytes(32));
  const parts = cipher.encrypt('hello').split(':');
  const data = Buffer.from(parts[4]!, 'base64url');
  data[0] = data[0]! ^ 1;
  parts[4] = data.toString('base64url');
  assert.throws(() => cipher.decrypt(parts.join(':')));
});

test('old keys still decrypt after rotation; unknown keys are refused', () => {
  const oldKey = randomBytes(32);
  const sealedWithOld = createFieldCipher(oldKey).encrypt('before rotation');
  const rotated = createFieldCipher(randomBytes(32), [oldKey]);
  assert.equal(rotated.decrypt(sealedWithOld), 'before rotation');
  assert.throws(() => createFieldCipher(randomBytes(32)).decrypt(sealedWithOld), /no encryption key/);
});

test('encrypts bytes (files) and the blind index is keyed, stable and purpose-bound', () => {
  const key = randomBytes(32);
  const cipher = createFieldCipher(key);
  const file = randomBytes(1000);
  const sealed = cipher.encryptBytes(file);
  assert.ok(!sealed.includes(file.subarray(0, 32)));
  assert.deepEqual(cipher.decryptBytes(sealed), file);
  assert.equal(cipher.blindIndex('wa_id', '34600123456'), createFieldCipher(key).blindIndex('wa_id', '34600123456'));
  assert.notEqual(cipher.blindIndex('wa_id', '34600123456'), cipher.blindIndex('user_id', '34600123456'));
  assert.notEqual(cipher.blindIndex('wa_id', '34600123456'), createFieldCipher(randomBytes(32)).blindIndex('wa_id', '34600123456'));
});
