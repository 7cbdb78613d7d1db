import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import type { StaffPrincipal, StaffUserRecord } from '../../app/staff/staff-ports.ts';
import { DomainError } from '../../core/domain-error.ts';
import { installStaffAuth, SESSION_COOKIE } from './staff-auth.ts';

const admin: StaffUserRecord = {
  id: 'u1',
  email: 'a@clinic.example',
  displayName: 'A',
  role: 'admin',
  language: 'en',
  passwordHash: '',
  failedLogins: 0,
  lockedUntil: undefined,
  totpSecret: undefined,
  totpEnabled: false,
  disabled: false,
  lastLoginAt: undefined,
};
const principal: StaffPrincipal = { kind: 'session', userId: 'u1', tokenId: undefined, role: 'admin', displayName: 'A' };

async function appWith(totpSetupRequired: boolean) {
  const app = Fastify();
  app.setErrorHandler((error, _request, reply) => {
    const code = error instanceof DomainError ? error.code : 'other';
    return reply.code(code === 'unauthenticated' ? 401 : code === 'totp_required' ? 401 : code === 'forbidden' || code === 'csrf_failed' ? 403 : 500).send({ error: code });
  });
  const routes = await installStaffAuth(app, {
    authenticateSession: async (token) => (token === 'good' ? { principal, user: admin, csrfToken: 'csrf', totpSetupRequired } : undefined),
    authenticateToken: async () => undefined,
    secureCookies: false,
  });
  app.get('/api/v1/admin/thing', { config: { roles: ['admin'] } }, async () => ({ ok: true }));
  app.post('/api/v1/auth/totp/setup', { config: { roles: ['admin', 'agent', 'clinician'], beforeTotp: true } }, async () => ({ ok: true }));
  return { app, routes };
}

test('a route under /api/v1 without declared roles stops the start (fail closed)', async () => {
  const { app } = await appWith(false);
  assert.throws(() => app.get('/api/v1/forgotten', async () => ({})), /declares no roles/);
  // Outside /api/v1 nothing is required (health, webhooks, the web app's files).
  app.get('/healthz', async () => ({ ok: true }));
  await app.close();
});

test('a production admin without a second factor may only set one up', async () => {
  const { app, routes } = await appWith(true);
  const cookie = `${SESSION_COOKIE}=good`;
  const blocked = await app.inject({ method: 'GET', url: '/api/v1/admin/thing', headers: { cookie } });
  assert.equal(blocked.statusCode, 401);
  assert.equal(blocked.json().error, 'totp_required');
  const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: { cookie, 'x-csrf-token': 'csrf' } });
  assert.equal(setup.statusCode, 200);
  assert.deepEqual(
    routes.filter((r) => r.method !== 'HEAD').map((r) => [r.method, r.url, r.roles]),
    [
      ['GET', '/api/v1/admin/thing', ['admin']],
      ['POST', '/api/v1/auth/totp/setup', ['admin', 'agent', 'clinician']],
    ],
  );
  await app.close();
});

test('with the second factor set up, the admin gets through; a wrong CSRF token does not', async () => {
  const { app } = await appWith(false);
  const cookie = `${SESSION_COOKIE}=good`;
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/admin/thing', headers: { cookie } })).statusCode, 200);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: { cookie, 'x-csrf-token': 'nope' } })).statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/admin/thing', headers: { cookie: `${SESSION_COOKIE}=bad` } })).statusCode, 401);
  await app.close();
});
