import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { totpService } from './totp-service.ts';

test('accepts the current code and its neighbours, refuses others', () => {
  const service = totpService();
  const secret = service.generateSecret();
  const now = new Date('2026-11-22T04:00:10Z');
  const code = (at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
  assert.ok(service.verify(secret, code(now.getTime()), now));
  assert.ok(service.verify(secret, code(now.getTime() - 30_000), now));
  assert.ok(!service.verify(secret, code(now.getTime() - 120_000), now));
  assert.match(service.uri(secret, 'anna@clinic.example', 'Hale'), /^otpauth:\/\/totp\/Hale:anna%40clinic\.example\?/);
});
