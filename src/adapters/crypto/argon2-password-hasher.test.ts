import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argon2PasswordHasher } from './argon2-password-hasher.ts';

test('argon2id hashes verify the right password only; a malformed hash is a mismatch', async () => {
  const hasher = argon2PasswordHasher();
  const stored = await hasher.hash('correct horse battery');
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await hasher.verify(stored, 'correct horse battery'), true);
  assert.equal(await hasher.verify(stored, 'Correct horse battery'), false);
  assert.equal(await hasher.verify('not-a-hash', 'x'), false);
});
