/**
 * The staff JSON API for triage, booking on a patient's behalf and home-measurement targets,
 * over real HTTP with real sign-in: results, validation errors and role limits.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { FIRST_ADMIN_ENV, signInEveryRole, type StaffClient } from './support/staff-client.ts';
import { startTestHale, type TestHale } from './support/start-test-hale.ts';

let t: TestHale;
let admin: StaffClient;
let agent: StaffClient;
let clinician: StaffClient;

before(async () => {
  t = await startTestHale(FIRST_ADMIN_ENV);
  ({ admin, agent, clinician } = await signInEveryRole(t.hale.url));
});
after(async () => {
  await t?.close();
});

test('POST /api/v1/triage assesses one message for staff tools; a bad body is a 400 naming the field', async () => {
  const chest = await agent.post('/api/v1/triage', { text: 'crushing chest pain spreading to my left arm and I am sweating', lang: 'en' });
  assert.equal(chest.status, 200, JSON.stringify(chest.body));
  assert.equal(chest.body.level, 'emergency');
  assert.ok(chest.body.red_flags?.length > 0 || chest.body.redFlags?.length > 0, JSON.stringify(chest.body));
  const throat = await clinician.post('/api/v1/triage', { text: 'sore throat since yesterday, no fever', lang: 'en', ageYears: 30 });
  assert.equal(throat.status, 200);
  assert.ok(['self_care', 'routine'].includes(throat.body.level), throat.body.level);
  const bad = await agent.post('/api/v1/triage', { lang: 'en' });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /text/);
  const audited = await t.hale.db.selectFrom('audit_events').select(['action', 'detail']).where('action', 'like', 'triage%').execute();
  assert.ok(audited.length >= 2);
  assert.ok(!JSON.stringify(audited).includes('chest'), 'the audit row does not carry the text');
});

test('providers for everyone; the calendar URL for admins only; unknown appointments are 404, malformed ids 400', async () => {
  const providers = await agent.get('/api/v1/providers');
  assert.equal(providers.status, 200);
  assert.ok(Array.isArray(providers.body) && providers.body.length > 0);
  const id = providers.body[0].id as string;
  assert.equal((await agent.get(`/api/v1/providers/${id}/calendar-url`)).status, 403);
  const url = await admin.get(`/api/v1/providers/${id}/calendar-url`);
  assert.equal(url.status, 200);
  assert.match(url.body.path, new RegExp(`^/calendar/${id}/[A-Za-z0-9_-]+\\.ics$`));
  assert.equal((await agent.post(`/api/v1/appointments/${randomUUID()}/cancel`, {})).status, 404);
  assert.equal((await agent.post(`/api/v1/appointments/${randomUUID()}/decision`, { decision: 'maybe' })).status, 400);
  assert.equal((await agent.post('/api/v1/appointments/not-an-id/cancel', {})).status, 400);
});

test('clinicians set vital targets and read measurements; front desk cannot; every read and change is audited', async () => {
  const patient = await t.hale.tx.run((repos) => repos.patients.create({ waId: '447700900555' }, new Date()));
  assert.equal((await agent.get(`/api/v1/patients/${patient.id}/observations`)).status, 403);
  assert.equal((await agent.request('PUT', `/api/v1/patients/${patient.id}/vital-targets`, { systolic: { high: 150 } })).status, 403);
  assert.equal((await clinician.request('PUT', `/api/v1/patients/${patient.id}/vital-targets`, { systolic: { high: 'x' } })).status, 400);
  assert.equal((await clinician.request('PUT', `/api/v1/patients/${patient.id}/vital-targets`, { systolic: { high: 150 }, glucoseFasting: { low: 90, high: 140 } })).status, 204);
  assert.equal((await clinician.request('PUT', `/api/v1/patients/${randomUUID()}/vital-targets`, { systolic: { high: 150 } })).status, 404);
  const read = await clinician.get(`/api/v1/patients/${patient.id}/observations`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.targets, { systolic: { high: 150 }, glucoseFasting: { low: 90, high: 140 } });
  assert.deepEqual(read.body.observations, []);
  const actions = (await t.hale.db.selectFrom('audit_events').select('action').where('patient_id', '=', patient.id).execute()).map((r) => r.action);
  assert.ok(actions.includes('vital_targets.set') && actions.includes('observations.viewed'), actions.join(','));
});
