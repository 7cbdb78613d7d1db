/**
 * The staff care API over real HTTP (issue 6 routes, issue 7 account pieces), with a patient
 * on the WhatsApp simulator: medication plans (clinicians yes, front desk no), follow-ups and
 * their cancelled reminder, the patient's time zone, staff alerts and acknowledging them,
 * unconfirmed appointments, password change, @mentions with an unread count. Each change is
 * checked in the database and in the audit log.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { patientChat } from './support/patient-chat.ts';
import { signIn, type StaffClient } from './support/staff-client.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

let s: TestStack;
let admin: StaffClient;
let agent: StaffClient;
let nurse: StaffClient;
let patientId = '';

before(async () => {
  s = await startTestStack({ HALE_ADMIN_EMAIL: 'boss@clinic.example', HALE_ADMIN_PASSWORD: 'first-admin-password' });
  admin = await signIn(s.hale.url, 'boss@clinic.example', 'first-admin-password');
  assert.equal((await admin.post('/api/v1/admin/users', { email: 'rita@clinic.example', displayName: 'Rita Reception', role: 'agent', password: 'rita-password-1' })).status, 201);
  assert.equal((await admin.post('/api/v1/admin/users', { email: 'nora@clinic.example', displayName: 'Nora Nurse', role: 'clinician', password: 'nora-password-1' })).status, 201);
  agent = await signIn(s.hale.url, 'rita@clinic.example', 'rita-password-1');
  nurse = await signIn(s.hale.url, 'nora@clinic.example', 'nora-password-1');
  const chat = patientChat(s);
  await chat.say('351930000001', { name: 'Ana Costa', text: 'Hello' });
  await chat.say('351930000001', { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
  await chat.say('351930000001', { name: 'Ana Costa', text: 'Thank you' });
  patientId = await chat.patientId('351930000001');
  await chat.settle('351930000001');
});
after(async () => {
  await s?.close();
});

const audited = async (action: string) => s.hale.db.selectFrom('audit_events').select(['actor_id', 'patient_id', 'outcome']).where('action', '=', action).execute();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('medication plans: clinicians create, list and stop them; the front desk may not', async () => {
  const plan = { medication: 'Metformin 500 mg', doseText: '1 tablet with breakfast and dinner', times: ['09:00', '19:00'], startDate: inDays(0), runsOutOn: inDays(30) };
  const refused = await agent.post(`/api/v1/patients/${patientId}/medication-plans`, plan);
  assert.equal(refused.status, 403);
  const bad = await nurse.post(`/api/v1/patients/${patientId}/medication-plans`, { ...plan, times: ['25:00'] });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /times/);
  const quiet = await nurse.post(`/api/v1/patients/${patientId}/medication-plans`, { ...plan, times: ['23:30'] });
  assert.equal(quiet.status, 400, 'a dose time in quiet hours is refused');
  const created = await nurse.post(`/api/v1/patients/${patientId}/medication-plans`, plan);
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const care = await nurse.get(`/api/v1/patients/${patientId}/care`);
  assert.equal(care.status, 200);
  assert.equal(care.body.medicationPlans.length, 1);
  assert.equal(care.body.medicationPlans[0].medication, 'Metformin 500 mg');
  assert.deepEqual(care.body.medicationPlans[0].times, ['09:00', '19:00']);
  assert.equal(care.body.medicationPlans[0].state, 'active');
  const stored = await s.hale.db.selectFrom('medication_plans').select(['medication_enc', 'state']).where('patient_id', '=', patientId).executeTakeFirstOrThrow();
  assert.ok(!stored.medication_enc.includes('Metformin'), 'the medication is encrypted at rest');
  const planned = await s.hale.db.selectFrom('reminders').select('state').where('subject_id', '=', created.body.id).where('kind', '=', 'refill').execute();
  assert.deepEqual(planned, [{ state: 'planned' }], 'a refill reminder is planned');

  const frontDesk = await agent.get(`/api/v1/patients/${patientId}/care`);
  assert.equal(frontDesk.status, 200);
  assert.equal(frontDesk.body.medicationPlans, null, 'the front desk does not see medication');

  assert.equal((await agent.post(`/api/v1/patients/${patientId}/medication-plans/${created.body.id}/stop`)).status, 403);
  const stopped = await nurse.post(`/api/v1/patients/${patientId}/medication-plans/${created.body.id}/stop`);
  assert.equal(stopped.status, 200);
  assert.equal((await nurse.get(`/api/v1/patients/${patientId}/care`)).body.medicationPlans[0].state, 'stopped');
  const pending = await s.hale.db.selectFrom('reminders').select('state').where('patient_id', '=', patientId).where('state', '=', 'planned').where('kind', 'in', ['medication_dose', 'refill']).execute();
  assert.equal(pending.length, 0, 'no dose or refill reminder is left planned');
  assert.equal((await audited('medication_plan.created')).length, 1);
  assert.equal((await audited('medication_plan.stopped')).length, 1);
});

test('follow-up reminders: the front desk plans and cancels one; its pending send is cancelled', async () => {
  const past = await agent.post(`/api/v1/patients/${patientId}/follow-ups`, { kind: 'follow_up', dueOn: '2020-01-01' });
  assert.equal(past.status, 400);
  const unknownService = await agent.post(`/api/v1/patients/${patientId}/follow-ups`, { kind: 'follow_up', dueOn: inDays(42), serviceId: 'nope' });
  assert.equal(unknownService.status, 400);
  const created = await agent.post(`/api/v1/patients/${patientId}/follow-ups`, { kind: 'follow_up', dueOn: inDays(42), serviceId: 'gp-visit', note: 'check blood pressure again' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const screening = await agent.post(`/api/v1/patients/${patientId}/follow-ups`, { kind: 'screening', dueOn: inDays(200) });
  assert.equal(screening.status, 201);
  const care = (await agent.get(`/api/v1/patients/${patientId}/care`)).body;
  assert.deepEqual(care.followUps.map((f: { kind: string; state: string }) => [f.kind, f.state]), [['follow_up', 'planned'], ['screening', 'planned']]);
  assert.equal(care.followUps[0].note, 'check blood pressure again');
  assert.ok(care.followUps[0].serviceName.length > 0);

  const cancelled = await agent.post(`/api/v1/patients/${patientId}/follow-ups/${created.body.id}/cancel`);
  assert.equal(cancelled.status, 200);
  const again = await agent.post(`/api/v1/patients/${patientId}/follow-ups/${created.body.id}/cancel`);
  assert.equal(again.status, 409);
  const reminder = await s.hale.db.selectFrom('reminders').select('state').where('subject_id', '=', created.body.id).executeTakeFirstOrThrow();
  assert.equal(reminder.state, 'cancelled');
  assert.equal((await audited('follow_up.cancelled')).length, 1);
});

test('the patient time zone: a valid IANA zone is saved and shown, anything else refused', async () => {
  assert.equal((await agent.request('PUT', `/api/v1/patients/${patientId}/time-zone`, { timeZone: 'Mars/Olympus' })).status, 400);
  assert.equal((await agent.request('PUT', `/api/v1/patients/${patientId}/time-zone`, { timeZone: 'Europe/Berlin; DROP TABLE' })).status, 400);
  assert.equal((await agent.request('PUT', `/api/v1/patients/${patientId}/time-zone`, { timeZone: 'America/Sao_Paulo' })).status, 200);
  assert.equal((await agent.get(`/api/v1/patients/${patientId}`)).body.timeZone, 'America/Sao_Paulo');
  const row = await s.hale.db.selectFrom('patients').select('time_zone').where('id', '=', patientId).executeTakeFirstOrThrow();
  assert.equal(row.time_zone, 'America/Sao_Paulo');
  assert.equal((await agent.request('PUT', `/api/v1/patients/${patientId}/time-zone`, { timeZone: null })).status, 200);
  assert.equal((await agent.get(`/api/v1/patients/${patientId}`)).body.timeZone, null);
  assert.equal((await audited('patient.time_zone_set')).length, 2);
});

test('staff alerts: listed with the patient, acknowledged once, then gone', async () => {
  const now = new Date();
  await s.hale.tx.run(async (repos) => {
    await repos.reminders.alert({ kind: 'vital_out_of_range', dedupeKey: `test-vital-${patientId}`, patientId, detail: { kind: 'blood_pressure' } }, now);
    await repos.reminders.alert({ kind: 'daily_limit_reached', dedupeKey: 'test-limit', detail: { limit: 250 } }, now);
  });
  const list = await agent.get('/api/v1/alerts');
  assert.equal(list.status, 200);
  const vital = list.body.items.find((a: { kind: string }) => a.kind === 'vital_out_of_range');
  assert.equal(vital.patientName, 'Ana Costa');
  assert.ok(vital.conversationId !== null);
  assert.ok(list.body.items.some((a: { kind: string }) => a.kind === 'daily_limit_reached'));
  assert.equal((await agent.post(`/api/v1/alerts/${vital.id}/acknowledge`)).status, 200);
  assert.equal((await agent.post(`/api/v1/alerts/${vital.id}/acknowledge`)).status, 404);
  const after = await agent.get('/api/v1/alerts');
  assert.ok(!after.body.items.some((a: { id: string }) => a.id === vital.id));
  const row = await s.hale.db.selectFrom('staff_alerts').select(['acknowledged_by']).where('id', '=', vital.id).executeTakeFirstOrThrow();
  assert.equal(row.acknowledged_by, agent.userId);
  assert.equal((await audited('staff_alert.acknowledged')).length, 1);
});

test('unconfirmed appointments in the next hours are listed with the patient', async () => {
  const start = new Date(Date.now() + 26 * 3_600_000);
  start.setUTCMinutes(0, 0, 0);
  await s.hale.tx.run(async (repos) => {
    const made = await repos.appointments.insert({ patientId, practitionerId: 'dr-torres', serviceId: 'gp-visit', start, end: new Date(start.getTime() + 20 * 60_000), status: 'booked', mode: 'in_person', bookedVia: 'staff', at: new Date() });
    assert.ok(made.ok);
  });
  const list = await agent.get('/api/v1/appointments/unconfirmed?hours=48');
  assert.equal(list.status, 200);
  const mine = list.body.filter((u: { patientId: string }) => u.patientId === patientId);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].patientName, 'Ana Costa');
  assert.equal((await agent.get('/api/v1/appointments/unconfirmed?hours=1')).body.filter((u: { patientId: string }) => u.patientId === patientId).length, 0);
  assert.equal((await agent.get('/api/v1/appointments/unconfirmed?hours=0')).status, 400);
});

test('@mentions: the mentioned colleague sees an unread count and the note; opening the list clears it', async () => {
  const conversationId = (await agent.get(`/api/v1/patients/${patientId}`)).body.conversationId;
  assert.equal((await nurse.get('/api/v1/me/mentions/count')).body.unread, 0);
  assert.equal((await agent.post(`/api/v1/inbox/conversations/${conversationId}/notes`, { body: '@Nora Nurse please call Ana about her readings' })).status, 201);
  assert.equal((await agent.post(`/api/v1/inbox/conversations/${conversationId}/notes`, { body: 'note for nobody' })).status, 201);
  assert.equal((await nurse.get('/api/v1/me/mentions/count')).body.unread, 1);
  assert.equal((await agent.get('/api/v1/me/mentions/count')).body.unread, 0, 'only the mentioned person');
  const list = await nurse.get('/api/v1/me/mentions');
  assert.equal(list.body.items.length, 1);
  assert.equal(list.body.items[0].author, 'Rita Reception');
  assert.equal(list.body.items[0].patientName, 'Ana Costa');
  assert.equal(list.body.items[0].unread, true);
  assert.equal((await nurse.post('/api/v1/me/mentions/seen')).status, 200);
  assert.equal((await nurse.get('/api/v1/me/mentions/count')).body.unread, 0);
  assert.equal((await nurse.get('/api/v1/me/mentions')).body.items[0].unread, false);
});

test('password change: needs the current password, ends other sessions, keeps this one', async () => {
  const other = await signIn(s.hale.url, 'rita@clinic.example', 'rita-password-1');
  const wrong = await agent.post('/api/v1/auth/password', { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' });
  assert.equal(wrong.status, 400, 'a wrong current password is not a sign-out (401)');
  assert.match(wrong.body.message, /current password/);
  const short = await agent.post('/api/v1/auth/password', { currentPassword: 'rita-password-1', newPassword: 'short' });
  assert.equal(short.status, 400);
  const changed = await agent.post('/api/v1/auth/password', { currentPassword: 'rita-password-1', newPassword: 'a-brand-new-password' });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.otherSessionsEnded, 1);
  assert.equal((await agent.get('/api/v1/auth/me')).status, 200, 'this session stays');
  assert.equal((await other.get('/api/v1/auth/me')).status, 401, 'the other session ended');
  await signIn(s.hale.url, 'rita@clinic.example', 'a-brand-new-password');
  const old = await fetch(`${s.hale.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'rita@clinic.example', password: 'rita-password-1' }) });
  assert.equal(old.status, 401);
  const rows = await audited('staff.password_changed');
  assert.deepEqual(rows.map((r) => r.outcome).sort(), ['failure', 'success']);
});

test('admin sees the clinic settings (opening hours, away message, templates); others may not', async () => {
  assert.equal((await agent.get('/api/v1/admin/settings')).status, 403);
  const settings = await admin.get('/api/v1/admin/settings');
  assert.equal(settings.status, 200);
  assert.ok(Object.values(settings.body.openingHours).some((day) => (day as unknown[]).length > 0));
  assert.ok(settings.body.awayMessage.en.text.length > 0);
  assert.ok(settings.body.templates.length > 0);
});
