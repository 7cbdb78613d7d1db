import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIanaZone } from './patient-care.ts';

test('isIanaZone accepts IANA zones and refuses anything else', () => {
  for (const zone of ['Europe/Berlin', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'UTC']) assert.equal(isIanaZone(zone), true, zone);
  for (const zone of ['Mars/Olympus', 'Europe/Berlin; DROP TABLE', '', '../etc/passwd', '+02:00', 'Europe/']) assert.equal(isIanaZone(zone), false, zone);
});
