import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFieldCipher } from './create-field-cipher.ts';
import { resultCodes } from './result-codes.ts';

test('six random digits; the hash is keyed and bound to the patient', () => {
  const codes = resultCodes(createFieldCipher(Buffer.alloc(32, 7), []));
  const issued = new Set(Array.from({ length: 200 }, () => codes.issue()));
  assert.ok([...issued].every((c) => /^\d{6}$/.test(c)));
  assert.ok(issued.size > 190, 'codes vary');
  assert.equal(codes.hash('p1', '123456'), codes.hash('p1', '123456'));
  assert.notEqual(codes.hash('p1', '123456'), codes.hash('p2', '123456'));
  assert.ok(!codes.hash('p1', '123456').includes('123456'));
  const other = resultCodes(createFieldCipher(Buffer.alloc(32, 8), []));
  assert.notEqual(other.hash('p1', '123456'), codes.hash('p1', '123456'));
});
