/**
 * Staff sign-in and roles over real HTTP: the first admin from the environment, lockout and
 * per-address limits, CSRF, TOTP, API tokens, and a walk of EVERY route with EVERY role (and
 * without sign-in): 401 everywhere under /api/v1 except sign-in; 403 for roles a route does
 * not admit; nothing but health, metrics, webhooks and the web app's files outside /api/v1.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { signIn, staffRequest, type StaffClient } from './support/staff-client.ts';
import { startTestHale, type TestHale } from './support/start-test-hale.ts';

const ADMIN = { email: 'boss@clinic.example', password: 'first-admin-password' };
let t: TestHale;
let admin: StaffClient;
const clients: Record<string, StaffClient> = {};

before(async () => {
  t = await startTestHale({ HALE_ADMIN_EMAIL: ADMIN.email, HALE_ADMIN_PASSWORD: ADMIN.password });
  admin = await signIn(t.hale.url, ADMIN.email, ADMIN.password);
  clients['admin'] = admin;
  for (const [role, email] of [['agent', 'rita@clinic.example'], ['clinician', 'nora@clinic.example']] as const) {
    const created = await admin.post('/api/v1/admin/users', { email, displayName: role, role, password: `password-of-${role}` });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    clients[role] = await signIn(t.hale.url, email, `password-of-${role}`);
  }
});
after(async () => {
  await t?.close();
});

const pathOf = (url: string) => url.replace(/:[a-zA-Z]+/g, randomUUID());

test('every /api/v1 route declares roles; unauthenticated → 401 except sign-in; every role gets 403 exactly where not admitted', async () => {
  const routes = t.hale.staff.routes.filter((r) => r.method !== 'HEAD');
  const api = routes.filter((r) => r.url.startsWith('/api/v1'));
  assert.ok(api.length >= 25, `routes: ${api.length}`);
  const anonymous = staffRequest(t.hale.url, {});
  for (const route of api) {
    assert.notEqual(route.roles, undefined, `${route.method} ${route.url} declares roles`);
    const res = await anonymous(route.method, pathOf(route.url), route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
    if (route.roles === 'public') assert.notEqual(res.status, 401, `${route.method} ${route.url} is public`);
    else assert.equal(res.status, 401, `${route.method} ${route.url} without sign-in → ${res.status}`);
  }
  for (const [role, client] of Object.entries(clients)) {
    for (const route of api) {
      if (route.roles === 'public' || route.url === '/api/v1/auth/logout') continue;
      const controller = new AbortController();
      const path = pathOf(route.url);
      let status: number;
      if (route.url === '/api/v1/events') {
        const res = await fetch(`${t.hale.url}${path}`, { headers: { cookie: client.cookie }, signal: controller.signal });
        status = res.status;
        controller.abort();
      } else {
        status = (await client.request(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {})).status;
      }
      const admitted = (route.roles as readonly string[]).includes(role);
      if (admitted) assert.ok(status !== 401 && status !== 403, `${role} ${route.method} ${route.url} → ${status}`);
      else assert.equal(status, 403, `${role} ${route.method} ${route.url} → ${status}`);
    }
  }
  // The examples, by name.
  assert.equal((await clients['agent']!.get('/api/v1/admin/audit')).status, 403, 'an agent cannot read the audit log');
  assert.equal((await clients['agent']!.post('/api/v1/admin/users', {})).status, 403, 'an agent cannot manage users');
  assert.equal((await clients['clinician']!.post('/api/v1/admin/canned-replies', { shortcut: 'x', title: 'x', body: 'x' })).status, 403, 'a clinician cannot change settings');
  // Care flows (issue 9): the walk above covers these routes; their roles, by name.
  const rolesOf = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.roles;
  assert.deepEqual(rolesOf('GET', '/api/v1/refill-requests'), ['admin', 'agent', 'clinician']);
  assert.deepEqual(rolesOf('POST', '/api/v1/refill-requests/:id/decision'), ['admin', 'clinician'], 'refill decisions are clinical');
  for (const [method, url] of [['GET', '/api/v1/patients/:id/documents'], ['GET', '/api/v1/documents/:id/content'], ['PATCH', '/api/v1/documents/:id'], ['POST', '/api/v1/appointments/:id/payment-link'], ['GET', '/api/v1/feedback/follow-ups'], ['POST', '/api/v1/feedback/follow-ups/:id/done'], ['GET', '/api/v1/feedback/summary']] as const) {
    assert.deepEqual(rolesOf(method, url), ['admin', 'agent', 'clinician'], `${method} ${url}`);
  }
  assert.equal((await clients['agent']!.post(`/api/v1/refill-requests/${randomUUID()}/decision`, { decision: 'approve' })).status, 403, 'an agent cannot decide a refill');
  assert.equal((await clients['clinician']!.post(`/api/v1/refill-requests/${randomUUID()}/decision`, { decision: 'approve' })).status, 404);
  // Results (ADR 0012): clinical documents are attached and opened by clinicians and admins; any staff member may lift a chat lockout.
  const somePatient = randomUUID();
  assert.equal((await clients['agent']!.post(`/api/v1/patients/${somePatient}/results`, {})).status, 403, 'an agent cannot attach a result');
  assert.equal((await clients['agent']!.get(`/api/v1/results/${somePatient}/file`)).status, 403, 'an agent cannot open a result file');
  assert.equal((await clients['clinician']!.post(`/api/v1/patients/${somePatient}/results`, {})).status, 400, 'a clinician may (the body must be multipart)');
  assert.equal((await clients['agent']!.post(`/api/v1/patients/${somePatient}/identity-verification/unlock`)).status, 404, 'an agent may unlock (unknown patient here)');
  assert.ok(api.some((r) => r.url === '/api/v1/patients/:id/results' && r.method === 'POST'), 'the results routes are walked');

  const outside = routes.filter((r) => !r.url.startsWith('/api/v1'));
  for (const route of outside) {
    assert.match(route.url, /^\/(webhooks\/whatsapp|calendar\/:practitionerId\/:file|$|index\.html$|assets\/.*|[^/]+\.(svg|ico|png|txt|webmanifest)$|\*)$/, `unexpected route outside /api/v1: ${route.method} ${route.url}`);
  }
  for (const open of ['/healthz', '/readyz', '/metrics']) assert.equal((await fetch(`${t.hale.url}${open}`)).status, 200, open);
});

test('state-changing requests need the CSRF token and Hale’s own origin', async () => {
  const noToken = staffRequest(t.hale.url, { cookie: admin.cookie });
  const refused = await noToken('POST', '/api/v1/admin/canned-replies', { shortcut: 'csrf', title: 'x', body: 'x' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error, 'csrf_failed');
  const crossSite = await admin.request('POST', '/api/v1/admin/canned-replies', { shortcut: 'csrf', title: 'x', body: 'x' }, { origin: 'https://evil.example' });
  assert.equal(crossSite.status, 403);
  const loginCrossSite = await staffRequest(t.hale.url, {})('POST', '/api/v1/auth/login', ADMIN, { origin: 'https://evil.example' });
  assert.equal(loginCrossSite.status, 403);
  const ok = await admin.post('/api/v1/admin/canned-replies', { shortcut: 'csrf', title: 'Fine', body: 'Allowed with the token' });
  assert.equal(ok.status, 201);
});

test('five wrong passwords lock the account; the right one is refused while locked; audited', async () => {
  const email = 'locked@clinic.example';
  assert.equal((await admin.post('/api/v1/admin/users', { email, displayName: 'Lou', role: 'agent', password: 'the-right-password' })).status, 201);
  const login = (password: string) => staffRequest(t.hale.url, {})('POST', '/api/v1/auth/login', { email, password }, { 'x-forwarded-for': '10.9.9.1' });
  for (let i = 0; i < 4; i++) assert.equal((await login('wrong-password')).status, 401);
  const fifth = await login('wrong-password');
  assert.equal(fifth.status, 423);
  assert.equal(fifth.body.error, 'locked');
  assert.equal((await login('the-right-password')).status, 423);
  const rows = await t.hale.db.selectFrom('audit_events').select(['action', 'outcome']).where('action', '=', 'staff.sign_in').where('outcome', '=', 'failure').execute();
  assert.ok(rows.length >= 6);
  const user = await t.hale.db.selectFrom('staff_users').select(['password_hash', 'locked_until']).where('email', '=', email).executeTakeFirstOrThrow();
  assert.match(user.password_hash, /^\$argon2id\$/);
  assert.ok(user.locked_until !== null);
});

test('an address with 20 failed sign-ins in 15 minutes gets 429', async () => {
  const login = (i: number) => staffRequest(t.hale.url, {})('POST', '/api/v1/auth/login', { email: `nobody${i}@clinic.example`, password: 'x' }, { 'x-forwarded-for': '10.7.7.7' });
  for (let i = 0; i < 20; i++) assert.equal((await login(i)).status, 401);
  assert.equal((await login(99)).status, 429);
  // Another address is not affected.
  assert.equal((await staffRequest(t.hale.url, {})('POST', '/api/v1/auth/login', ADMIN, { 'x-forwarded-for': '10.7.7.8' })).status, 200);
});

test('TOTP: set up, then sign-in needs the code', async () => {
  const email = 'totp@clinic.example';
  assert.equal((await admin.post('/api/v1/admin/users', { email, displayName: 'Theo', role: 'clinician', password: 'totp-user-password' })).status, 201);
  const theo = await signIn(t.hale.url, email, 'totp-user-password');
  const setup = await theo.post('/api/v1/auth/totp/setup');
  assert.equal(setup.status, 200);
  const totp = new TOTP({ secret: Secret.fromBase32(setup.body.secret) });
  assert.equal((await theo.post('/api/v1/auth/totp/enable', { code: '000000' === totp.generate() ? '111111' : '000000' })).status, 401);
  assert.equal((await theo.post('/api/v1/auth/totp/enable', { code: totp.generate() })).status, 200);
  const anon = staffRequest(t.hale.url, {});
  const withoutCode = await anon('POST', '/api/v1/auth/login', { email, password: 'totp-user-password' });
  assert.equal(withoutCode.status, 401);
  assert.equal(withoutCode.body.error, 'totp_required');
  await signIn(t.hale.url, email, 'totp-user-password', totp.generate());
});

test('API tokens: role-checked, hashed at rest, revocable', async () => {
  const created = await admin.post('/api/v1/admin/api-tokens', { name: 'Practice system', role: 'agent' });
  assert.equal(created.status, 201);
  const secret = created.body.secret as string;
  assert.match(secret, /^hale_/);
  const stored = await t.hale.db.selectFrom('staff_api_tokens').select('token_hash').where('id', '=', created.body.token.id).executeTakeFirstOrThrow();
  assert.notEqual(stored.token_hash, secret);
  const integration = staffRequest(t.hale.url, { bearer: secret });
  assert.equal((await integration('GET', '/api/v1/inbox/conversations?queue=waiting')).status, 200);
  assert.equal((await integration('GET', '/api/v1/admin/audit')).status, 403);
  assert.equal((await admin.request('DELETE', `/api/v1/admin/api-tokens/${created.body.token.id}`)).status, 200);
  assert.equal((await integration('GET', '/api/v1/inbox/conversations?queue=waiting')).status, 401);
});

test('signing out ends the session; disabling a user ends theirs', async () => {
  const email = 'leaver@clinic.example';
  const made = await admin.post('/api/v1/admin/users', { email, displayName: 'Leaver', role: 'agent', password: 'leaver-password' });
  const leaver = await signIn(t.hale.url, email, 'leaver-password');
  assert.equal((await leaver.get('/api/v1/auth/me')).status, 200);
  assert.equal((await admin.request('PATCH', `/api/v1/admin/users/${made.body.id}`, { disabled: true })).status, 200);
  assert.equal((await leaver.get('/api/v1/auth/me')).status, 401);
  const again = await signIn(t.hale.url, ADMIN.email, ADMIN.password);
  assert.equal((await again.post('/api/v1/auth/logout')).status, 200);
  assert.equal((await again.get('/api/v1/auth/me')).status, 401);
});

test('patient search over encrypted names and numbers, the patient panel, the day list, arrived / no-show; each read audited', async () => {
  const agent = clients['agent']!;
  const at = new Date();
  const start = new Date('2026-12-02T09:00:00Z'); // 10:00 in Madrid
  const ids = await t.hale.tx.run(async (repos) => {
    const jose = await repos.patients.create({ waId: '34611222333' }, at);
    await repos.patients.setDetails(jose.id, { fullName: 'José Müller García', birthDate: '1980-04-01' }, at);
    const other = await repos.patients.create({ waId: '34611999888' }, at);
    await repos.patients.setDetails(other.id, { fullName: 'Josefa Ruiz', birthDate: '1975-01-01' }, at);
    const first = await repos.appointments.insert({ patientId: jose.id, practitionerId: 'dr-torres', serviceId: 'gp-visit', start, end: new Date(start.getTime() + 20 * 60_000), status: 'booked', mode: 'in_person', bookedVia: 'chat', at });
    const second = await repos.appointments.insert({ patientId: other.id, practitionerId: 'dr-torres', serviceId: 'gp-visit', start: new Date(start.getTime() + 3_600_000), end: new Date(start.getTime() + 3_600_000 + 20 * 60_000), status: 'booked', mode: 'in_person', bookedVia: 'staff', at });
    assert.ok(first.ok && second.ok);
    return { jose: jose.id, josefa: other.id, first: first.appointment.id, second: second.appointment.id };
  });
  const names = await t.hale.db.selectFrom('patients').select('full_name_enc').where('id', '=', ids.jose).executeTakeFirstOrThrow();
  assert.ok(!(names.full_name_enc ?? '').includes('Müller'), 'names are encrypted at rest');

  const byName = await agent.get(`/api/v1/patients?q=${encodeURIComponent('muller jose')}`);
  assert.equal(byName.status, 200);
  assert.deepEqual(byName.body.map((h: { id: string }) => h.id), [ids.jose]);
  const byNumber = await agent.get(`/api/v1/patients?q=${encodeURIComponent('611 222 333')}`);
  assert.deepEqual(byNumber.body.map((h: { name: string }) => h.name), ['José Müller García']);
  assert.equal((await agent.get('/api/v1/patients?q=nobody')).body.length, 0);
  const terms = await t.hale.db.selectFrom('patient_search_terms').select('term_hash').where('patient_id', '=', ids.jose).execute();
  assert.ok(terms.length >= 3 && terms.every((x) => !/jose|muller/i.test(x.term_hash)), 'only keyed hashes are stored');

  const panel = await agent.get(`/api/v1/patients/${ids.jose}`);
  assert.equal(panel.status, 200);
  assert.equal(panel.body.name, 'José Müller García');
  assert.equal(panel.body.birthDate, '1980-04-01');
  assert.equal(panel.body.phone, '+34611222333');
  assert.equal(panel.body.appointments[0].practitionerName, 'Dr. Ana Torres');
  const viewed = await t.hale.db.selectFrom('audit_events').select(['actor_id']).where('action', '=', 'patient.viewed').where('patient_id', '=', ids.jose).execute();
  assert.deepEqual(viewed.map((v) => v.actor_id), [agent.userId]);

  const day = await agent.get('/api/v1/day-list?date=2026-12-02&practitionerId=dr-torres');
  assert.equal(day.status, 200);
  assert.equal(day.body.timeZone, 'Europe/Madrid');
  assert.deepEqual(day.body.appointments.map((a: { patientName: string }) => a.patientName), ['José Müller García', 'Josefa Ruiz']);
  assert.equal((await agent.get('/api/v1/day-list?date=2026-12-03')).body.appointments.length, 0);

  assert.equal((await agent.post(`/api/v1/appointments/${ids.first}/mark`, { status: 'arrived' })).status, 200);
  assert.equal((await agent.post(`/api/v1/appointments/${ids.second}/mark`, { status: 'noshow' })).status, 200);
  const again = await agent.post(`/api/v1/appointments/${ids.first}/mark`, { status: 'noshow' });
  assert.equal(again.status, 409, 'an arrived patient is not a no-show');
  const statuses = (await agent.get('/api/v1/day-list?date=2026-12-02')).body.appointments.map((a: { status: string }) => a.status);
  assert.deepEqual(statuses, ['arrived', 'noshow']);
  const marks = await t.hale.db.selectFrom('audit_events').select('action').where('actor_id', '=', agent.userId).where('action', 'in', ['appointment.arrived', 'appointment.noshow']).execute();
  assert.equal(marks.length, 2);
});

test('the audit log viewer filters and reports an intact chain; reading it is audited', async () => {
  const page = await admin.get('/api/v1/admin/audit?action=staff.sign_in&limit=5');
  assert.equal(page.status, 200);
  assert.equal(page.body.chainIntact, true);
  assert.ok(page.body.items.length > 0 && page.body.items.every((r: { action: string }) => r.action === 'staff.sign_in'));
  const viewedLog = await t.hale.db.selectFrom('audit_events').select('id').where('action', '=', 'audit_log.viewed').execute();
  assert.ok(viewedLog.length >= 1);
});
