import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createFieldCipher } from '../crypto/create-field-cipher.ts';
import { localMediaStorage } from './local-media-storage.ts';

test('stores files encrypted and reads them back; refuses path tricks', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'hale-media-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const storage = localMediaStorage(root, createFieldCipher(randomBytes(32)));
  const photo = Buffer.from('insurance card photo bytes: Maria Gonzalez 1980-02-03');
  await storage.put('patients/p1/media/m1', photo);
  const onDisk = await readFile(path.join(root, 'patients/p1/media/m1.enc'));
  assert.ok(!onDisk.includes(Buffer.from('Maria')));
  assert.deepEqual(await storage.get('patients/p1/media/m1'), photo);
  assert.deepEqual(await readdir(path.join(root, 'patients/p1/media')), ['m1.enc'], 'no temp files left');
  await assert.rejects(() => storage.put('../escape', photo), /invalid storage key/);
  await assert.rejects(() => storage.get('patients/../../etc/passwd'), /invalid storage key/);
});
