import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailedLogin, isLocked, loginPolicy, sessionExpiry } from './login-policy.ts';

test('the fifth wrong password in a row locks the account for 15 minutes', () => {
  const now = new Date('2026-03-29T00:30:00Z');
  let state = { failedLogins: 0, lockedUntil: undefined as Date | undefined };
  for (let i = 0; i < loginPolicy.maxFailedLogins - 1; i++) {
    state = afterFailedLogin(state.failedLogins, now);
    assert.equal(state.lockedUntil, undefined);
  }
  state = afterFailedLogin(state.failedLogins, now);
  assert.equal(state.lockedUntil?.toISOString(), '2026-03-29T00:45:00.000Z');
  assert.ok(isLocked(state.lockedUntil, new Date('2026-03-29T00:44:59Z')));
  assert.ok(!isLocked(state.lockedUntil, new Date('2026-03-29T00:45:00Z')));
});

test('sessions end after 4 idle hours or 12 hours in all', () => {
  const created = new Date('2026-01-01T08:00:00Z');
  assert.equal(sessionExpiry(created, created).toISOString(), '2026-01-01T12:00:00.000Z');
  assert.equal(sessionExpiry(created, new Date('2026-01-01T17:00:00Z')).toISOString(), '2026-01-01T20:00:00.000Z');
});
