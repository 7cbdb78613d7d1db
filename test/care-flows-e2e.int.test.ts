/**
 * Care flows end to end through the WhatsApp simulator (issue 9, parts 3–5), on a settable clock
 * shared by Hale and the simulator: a refill asked for in free text is approved by a clinician and
 * the patient is told; "please book first" leads into booking; an insurance-card photo is attached
 * to the patient and visible through the patient panel's API (decrypted on download, audited), a
 * file sent without consent is not kept; after a visit marked attended the survey arrives (a list
 * inside the 24-hour window, the template outside it), and a 2-star rating with an angry comment
 * becomes a staff follow-up task.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buttonsOf, patientChat, rowsOf, type SimMessage } from './support/patient-chat.ts';
import { signIn, type StaffClient } from './support/staff-client.ts';
import { waitFor } from './support/start-test-hale.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

let now = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 in Madrid
const clock = { now: () => new Date(now) };
const advance = (minutes: number) => void (now = new Date(now.getTime() + minutes * 60_000));

let s: TestStack;
let agent: StaffClient;
let nurse: StaffClient;
before(async () => {
  s = await startTestStack({ HALE_ADMIN_EMAIL: 'boss@clinic.example', HALE_ADMIN_PASSWORD: 'first-admin-password' }, { clock, reminders: { pollMs: 50, housekeepingMs: 60_000 } }, { now: () => now.getTime() });
  const admin = await signIn(s.hale.url, 'boss@clinic.example', 'first-admin-password');
  await admin.post('/api/v1/admin/users', { email: 'rita@clinic.example', displayName: 'Rita Reception', role: 'agent', password: 'rita-password-1' });
  await admin.post('/api/v1/admin/users', { email: 'nora@clinic.example', displayName: 'Nora Nurse', role: 'clinician', password: 'nora-password-1' });
  agent = await signIn(s.hale.url, 'rita@clinic.example', 'rita-password-1');
  nurse = await signIn(s.hale.url, 'nora@clinic.example', 'nora-password-1');
});
after(async () => {
  await s?.close();
});

const chat = () => patientChat(s);
const say = (waId: string, body: Record<string, unknown>) => chat().say(waId, body);
const tap = (waId: string, id: string, title = id) => say(waId, { type: 'interactive', list_reply: { id, title } });
const text = (m: SimMessage[]) => m.map((x) => x.text ?? '').join('\n');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function phone(waId: string): Promise<SimMessage[]> {
  return (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages;
}

async function consentedPatient(waId: string, hello: string, name = 'Care Patient'): Promise<string> {
  await say(waId, { name, text: hello });
  const menu = await say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
  assert.ok(rowsOf(menu.at(-1)).some((r) => r.id === 'rx:start'), 'the menu offers a medication refill after consent');
  return chat().patientId(waId);
}

test('"I need more metformin": the patient picks the plan, a clinician approves, the patient is told; agents may not decide', async () => {
  const waId = '447700900301';
  const pid = await consentedPatient(waId, 'Hello');
  const plan = await s.hale.reminders.createMedicationPlan({ patientId: pid, medication: 'Metformin 850 mg', doseText: '1 tablet with breakfast', times: ['09:00'], startDate: '2026-11-30', staffId: 'staff:test' });
  const list = await say(waId, { text: 'I need more metformin' });
  const rows = rowsOf(list.at(-1));
  assert.deepEqual(rows.map((r) => r.id), [`rx:plan:${plan.id}`, 'rx:other']);
  assert.match(list.at(-1)?.text ?? '', /Which medicine/);
  const sent = await tap(waId, `rx:plan:${plan.id}`, 'Metformin 850 mg');
  assert.match(text(sent), /refill request for \*Metformin 850 mg\* to your care team/);
  // Asking again while the team decides makes no second request.
  await say(waId, { text: 'refill please' });
  await tap(waId, `rx:plan:${plan.id}`, 'Metformin 850 mg');

  const open = await agent.get('/api/v1/refill-requests?state=open');
  assert.equal(open.status, 200);
  const mine = open.body.filter((r: { patientId: string }) => r.patientId === pid);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].medication, 'Metformin 850 mg');
  assert.equal(mine[0].source, 'chat');
  const alerts = await s.hale.db.selectFrom('staff_alerts').select('kind').where('patient_id', '=', pid).execute();
  assert.deepEqual(alerts.map((a) => a.kind), ['refill_requested']);

  assert.equal((await agent.post(`/api/v1/refill-requests/${mine[0].id}/decision`, { decision: 'approve' })).status, 403, 'an agent cannot decide a refill');
  assert.equal((await nurse.post(`/api/v1/refill-requests/${mine[0].id}/decision`, { decision: 'sell' })).status, 400);
  const before = (await phone(waId)).length;
  const decided = await nurse.post(`/api/v1/refill-requests/${mine[0].id}/decision`, { decision: 'approve', reason: 'Collect the e-prescription at any pharmacy.' });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  assert.equal(decided.body.request.state, 'approved');
  assert.equal(decided.body.patientNotified, 'queued');
  await waitFor(async () => (await phone(waId)).slice(before).some((m) => m.direction === 'outbound' && /approved your refill request for \*Metformin 850 mg\*/.test(m.text ?? '')), 'the patient is told');
  const told = (await phone(waId)).slice(before).find((m) => m.direction === 'outbound');
  assert.match(told?.text ?? '', /Note from your care team: Collect the e-prescription at any pharmacy\./);
  assert.equal((await nurse.post(`/api/v1/refill-requests/${mine[0].id}/decision`, { decision: 'approve' })).body.patientNotified, 'unchanged', 'the same decision twice changes nothing');
  assert.equal((await nurse.post(`/api/v1/refill-requests/${mine[0].id}/decision`, { decision: 'decline' })).status, 409);

  const audit = await s.hale.db.selectFrom('audit_events').select(['action', 'actor_id']).where('patient_id', '=', pid).where('action', 'in', ['medication.refill_requested', 'medication.refill_approved', 'notice.refill_approved', 'refill_requests.viewed']).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['medication.refill_approved', 'medication.refill_requested', 'notice.refill_approved']);
  assert.equal(audit.find((a) => a.action === 'medication.refill_approved')?.actor_id, nurse.userId);
  const raw = await sql<{ t: string }>`SELECT string_agg(r::text, ' ') AS t FROM refill_requests r WHERE patient_id = ${pid}`.execute(s.hale.db);
  assert.ok(!/pharmacy/.test(raw.rows[0]!.t), 'the note to the patient is encrypted at rest');
});

test('a medicine described in German; the team asks to book first and the button leads into booking', async () => {
  const waId = '4915112345301';
  const pid = await consentedPatient(waId, 'Guten Tag, ich habe eine Frage');
  const ask = await say(waId, { text: 'Ich brauche ein Folgerezept' });
  assert.match(text(ask), /Name und Dosis/, 'no plans on file: the patient describes the medicine');
  const sent = await say(waId, { text: 'Ramipril 5 mg' });
  assert.match(text(sent), /Folgerezept für \*Ramipril 5 mg\*/);
  const [request] = (await nurse.get(`/api/v1/refill-requests?patientId=${pid}`)).body;
  assert.equal(request.medication, 'Ramipril 5 mg');
  const raw = await sql<{ t: string }>`SELECT string_agg(r::text, ' ') AS t FROM refill_requests r WHERE patient_id = ${pid}`.execute(s.hale.db);
  assert.ok(!/Ramipril/.test(raw.rows[0]!.t), 'the description is encrypted at rest');

  const before = (await phone(waId)).length;
  assert.equal((await nurse.post(`/api/v1/refill-requests/${request.id}/decision`, { decision: 'book' })).status, 200);
  let notice: SimMessage | undefined;
  await waitFor(async () => {
    notice = (await phone(waId)).slice(before).find((m) => m.direction === 'outbound');
    return notice !== undefined;
  }, 'the notice with a booking button');
  assert.match(notice?.text ?? '', /möchte Sie sehen, bevor \*Ramipril 5 mg\* verlängert wird/);
  assert.deepEqual(buttonsOf(notice).map((b) => b.id), [`rx:book:${request.id}`]);
  const booking = await say(waId, { type: 'interactive', button_reply: { id: `rx:book:${request.id}`, title: 'Termin buchen' } });
  assert.ok(rowsOf(booking.at(-1)).some((r) => r.id.startsWith('svc:')), 'the services to book');
});

test('an insurance-card photo is attached to the patient, acknowledged, and opens for staff (decrypted, audited)', async () => {
  const waId = '34611000301';
  const pid = await consentedPatient(waId, 'Hola, buenos días', 'Lucía Seguro');
  const ack = await say(waId, { type: 'image', image: { base64: png.toString('base64'), mime_type: 'image/png', caption: 'mi tarjeta del seguro' } });
  assert.match(text(ack), /hemos recibido su archivo/);
  assert.match(text(ack), /guardado como \*Tarjeta del seguro\*/);
  let documents: Array<{ id: string; category: string; state: string; caption: string; resource: { resourceType: string } }> = [];
  await waitFor(async () => {
    documents = (await agent.get(`/api/v1/patients/${pid}/documents`)).body;
    return documents[0]?.state === 'stored';
  }, 'the stored document');
  assert.equal(documents.length, 1);
  assert.equal(documents[0]?.category, 'insurance_card');
  assert.equal(documents[0]?.caption, 'mi tarjeta del seguro');
  assert.equal(documents[0]?.resource.resourceType, 'DocumentReference');
  const file = await fetch(`${s.hale.url}/api/v1/documents/${documents[0]?.id}/content`, { headers: { cookie: agent.cookie } });
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'image/png');
  assert.match(file.headers.get('content-security-policy') ?? '', /sandbox/);
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), png);
  assert.equal((await fetch(`${s.hale.url}/api/v1/documents/${documents[0]?.id}/content`)).status, 401);
  const audit = await s.hale.db.selectFrom('audit_events').select(['action', 'actor_id']).where('patient_id', '=', pid).where('action', 'in', ['document.received', 'documents.viewed', 'document.downloaded']).execute();
  assert.ok(audit.some((a) => a.action === 'document.received'));
  assert.ok(audit.some((a) => a.action === 'document.downloaded' && a.actor_id === agent.userId));
  const alerts = await s.hale.db.selectFrom('staff_alerts').select('kind').where('patient_id', '=', pid).execute();
  assert.deepEqual(alerts.map((a) => a.kind), ['document_received']);
  const raw = await sql<{ t: string }>`SELECT string_agg(d::text, ' ') AS t FROM patient_documents d WHERE patient_id = ${pid}`.execute(s.hale.db);
  assert.ok(!/tarjeta/.test(raw.rows[0]!.t), 'the caption is encrypted at rest');

  // Without a caption the patient says what it is.
  const asked = await say(waId, { type: 'document', document: { base64: Buffer.from('%PDF-1.4 referral').toString('base64'), mime_type: 'application/pdf', filename: 'carta.pdf' } });
  assert.deepEqual(rowsOf(asked.at(-1)).map((r) => r.id), ['doc:insurance_card', 'doc:referral', 'doc:report', 'doc:other']);
  const saved = await tap(waId, 'doc:referral', 'Volante / derivación');
  assert.match(text(saved), /guardado como \*Volante \/ derivación\*/);
  await waitFor(async () => (await agent.get(`/api/v1/patients/${pid}/documents`)).body.some((d: { category: string }) => d.category === 'referral'), 'the referral');
  // Staff correct a category.
  const referral = (await agent.get(`/api/v1/patients/${pid}/documents`)).body.find((d: { category: string }) => d.category === 'referral');
  assert.equal((await agent.request('PATCH', `/api/v1/documents/${referral.id}`, { category: 'report' })).status, 204);
  assert.equal((await agent.get(`/api/v1/patients/${pid}/documents`)).body.find((d: { id: string }) => d.id === referral.id).categorizedBy, 'staff');
});

test('a photo sent before consent is explained and not kept', async () => {
  const waId = '34611000302';
  const replies = await say(waId, { name: 'Sin Permiso', type: 'image', image: { base64: png.toString('base64'), mime_type: 'image/png', caption: 'my insurance card' } });
  assert.match(text(replies), /cannot keep files, so I have not saved it/);
  assert.ok(buttonsOf(replies.at(-1)).some((b) => b.id === 'consent:agree'), 'the consent question follows');
  const pid = await chat().patientId(waId);
  await waitFor(async () => (await s.hale.db.selectFrom('media').select('state').where('patient_id', '=', pid).executeTakeFirst())?.state === 'discarded', 'the file discarded');
  const media = await s.hale.db.selectFrom('media').select(['storage_key', 'byte_size']).where('patient_id', '=', pid).executeTakeFirstOrThrow();
  assert.deepEqual(media, { storage_key: null, byte_size: null });
  assert.equal((await s.hale.db.selectFrom('patient_documents').select('id').where('patient_id', '=', pid).execute()).length, 0);
});

test('a payment link for an appointment, from the configured template; no card data asked', async () => {
  const waId = '447700900302';
  const pid = await consentedPatient(waId, 'Hi there');
  const appointmentId = await bookedAppointment(pid, '2026-12-01T09:00:00Z');
  const before = (await phone(waId)).length;
  const sent = await agent.post(`/api/v1/appointments/${appointmentId}/payment-link`);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(sent.body.link, `https://pay.clinic.example.org/hale/${appointmentId}`);
  await waitFor(async () => (await phone(waId)).slice(before).some((m) => (m.text ?? '').includes(sent.body.link)), 'the link at the phone');
  const message = (await phone(waId)).slice(before).find((m) => (m.text ?? '').includes(sent.body.link));
  assert.match(message?.text ?? '', /never send card details/);
});

async function bookedAppointment(patientId: string, startIso: string): Promise<string> {
  const start = new Date(startIso);
  const inserted = await s.hale.tx.run((repos) => repos.appointments.insert({ patientId, practitionerId: 'dr-torres', serviceId: 'gp-visit', start, end: new Date(start.getTime() + 20 * 60_000), status: 'booked', mode: 'in_person', bookedVia: 'staff', at: clock.now() }));
  assert.ok(inserted.ok);
  return inserted.appointment.id;
}

test('after a visit marked attended: the survey list, 2 stars and an angry comment → a staff follow-up task; stored for analytics, the comment encrypted', async () => {
  const waId = '447700900303';
  const pid = await consentedPatient(waId, 'Good morning');
  const appointmentId = await bookedAppointment(pid, new Date(now.getTime() - 40 * 60_000).toISOString());
  assert.equal((await agent.post(`/api/v1/appointments/${appointmentId}/mark`, { status: 'fulfilled' })).status, 200);
  assert.equal((await agent.post(`/api/v1/appointments/${appointmentId}/mark`, { status: 'fulfilled' })).status, 409, 'marked once');
  const planned = await s.hale.db.selectFrom('reminders').select(['kind', 'state', 'due_at']).where('subject_id', '=', appointmentId).where('kind', '=', 'survey').execute();
  assert.deepEqual(planned.map((r) => [r.kind, r.state, r.due_at.toISOString()]), [['survey', 'planned', new Date(now.getTime() + 120 * 60_000).toISOString()]]);

  const before = (await phone(waId)).length;
  advance(121);
  let survey: SimMessage | undefined;
  await waitFor(async () => {
    survey = (await phone(waId)).slice(before).find((m) => m.direction === 'outbound' && m.type === 'interactive');
    return survey !== undefined;
  }, 'the survey');
  assert.match(survey?.text ?? '', /How was your visit\? Please rate it from 1/);
  assert.deepEqual(rowsOf(survey).map((r) => r.id), [1, 2, 3, 4, 5].map((n) => `fb:rate:${appointmentId}:${n}`));
  const ask = await tap(waId, `fb:rate:${appointmentId}:2`, '2 – Poor');
  assert.match(text(ask), /Would you like to tell us more/);
  const thanks = await say(waId, { text: 'The doctor was rude and I waited two hours, terrible service' });
  assert.match(text(thanks), /someone from our team will get in touch/);

  const tasks = await agent.get('/api/v1/feedback/follow-ups');
  assert.equal(tasks.status, 200);
  const task = tasks.body.find((t: { patientId: string }) => t.patientId === pid);
  assert.deepEqual({ rating: task.rating, sentiment: task.sentiment, comment: task.comment, appointmentId: task.appointmentId }, { rating: 2, sentiment: 'negative', comment: 'The doctor was rude and I waited two hours, terrible service', appointmentId });
  assert.equal(tasks.body.filter((t: { patientId: string }) => t.patientId === pid).length, 1, 'one task per response');
  const row = await s.hale.db.selectFrom('questionnaire_responses').select(['questionnaire', 'rating', 'sentiment', 'items_enc']).where('appointment_id', '=', appointmentId).executeTakeFirstOrThrow();
  assert.deepEqual({ questionnaire: row.questionnaire, rating: row.rating, sentiment: row.sentiment }, { questionnaire: 'feedback/visit', rating: 2, sentiment: 'negative' });
  assert.ok(!/terrible service/.test(row.items_enc ?? ''), 'the comment is encrypted at rest');
  const sentAgain = await s.hale.db.selectFrom('reminders').select('state').where('subject_id', '=', appointmentId).where('kind', '=', 'survey').executeTakeFirstOrThrow();
  assert.equal(sentAgain.state, 'sent', 'sent exactly once');
  const summary = await agent.get(`/api/v1/feedback/summary?from=${encodeURIComponent('2026-11-01T00:00:00Z')}&to=${encodeURIComponent('2026-12-31T00:00:00Z')}`);
  assert.equal(summary.body.byRating['2'] >= 1, true);
  assert.equal(summary.body.bySentiment.negative >= 1, true);

  assert.equal((await agent.post(`/api/v1/feedback/follow-ups/${task.alertId}/done`)).status, 204);
  assert.ok(!(await agent.get('/api/v1/feedback/follow-ups')).body.some((t: { alertId: string }) => t.alertId === task.alertId), 'done tasks leave the list');
  const audit = await s.hale.db.selectFrom('audit_events').select('action').where('patient_id', '=', pid).where('action', 'in', ['questionnaire_response.created', 'questionnaire_response.commented', 'feedback_follow_up.completed']).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['feedback_follow_up.completed', 'questionnaire_response.commented', 'questionnaire_response.created']);
});

test('outside the 24-hour window the survey is the approved template; its button opens the rating list; a happy 5 needs no task', async () => {
  const waId = '34611000303';
  const pid = await consentedPatient(waId, 'Hola');
  advance(25 * 60); // the window closes
  const appointmentId = await bookedAppointment(pid, new Date(now.getTime() - 30 * 60_000).toISOString());
  await s.hale.reminders.markAttendance({ appointmentId, attendance: 'attended', staffId: 'staff:test' });
  const before = (await phone(waId)).length;
  advance(121);
  let template: (SimMessage & { template?: { name: string }; rendered?: { buttons: Array<{ payload?: string }> } }) | undefined;
  await waitFor(async () => {
    template = (await phone(waId)).slice(before).find((m) => m.direction === 'outbound' && m.type === 'template');
    return template !== undefined;
  }, 'the survey template');
  assert.equal(template?.template?.name, 'feedback_survey');
  assert.deepEqual(template?.rendered?.buttons.map((b) => b.payload), [`fb:start:${appointmentId}`]);
  const list = await say(waId, { type: 'button', payload: `fb:start:${appointmentId}`, text: 'Valorar mi visita' });
  assert.equal(rowsOf(list.at(-1)).length, 5);
  assert.match(list.at(-1)?.text ?? '', /Puntúela de 1/);
  await tap(waId, `fb:rate:${appointmentId}:5`, '5 – Excelente');
  const thanks = await say(waId, { type: 'interactive', button_reply: { id: `fb:skip:${appointmentId}`, title: 'Sin comentarios' } });
  assert.match(text(thanks), /Gracias por su opinión/);
  const alerts = await s.hale.db.selectFrom('staff_alerts').select('kind').where('patient_id', '=', pid).where('kind', '=', 'feedback_follow_up').execute();
  assert.equal(alerts.length, 0);
  const row = await s.hale.db.selectFrom('questionnaire_responses').select(['rating', 'sentiment']).where('appointment_id', '=', appointmentId).executeTakeFirstOrThrow();
  assert.deepEqual(row, { rating: 5, sentiment: null });
});

test('a refill decision after the 24-hour window goes out as the approved template, with the note', async () => {
  const waId = '4915112345302';
  const pid = await consentedPatient(waId, 'Hallo, ich habe eine Frage');
  nurse = await signIn(s.hale.url, 'nora@clinic.example', 'nora-password-1'); // the clock moved past the session's 12 hours
  await say(waId, { text: 'Folgerezept bitte' });
  await say(waId, { text: 'Candesartan 8 mg' });
  const [request] = (await nurse.get(`/api/v1/refill-requests?patientId=${pid}`)).body;
  advance(25 * 60);
  nurse = await signIn(s.hale.url, 'nora@clinic.example', 'nora-password-1');
  const before = (await phone(waId)).length;
  const decided = await nurse.post(`/api/v1/refill-requests/${request.id}/decision`, { decision: 'decline', reason: 'Please see your cardiologist first.' });
  assert.equal(decided.body.patientNotified, 'queued');
  let template: (SimMessage & { template?: { name: string; language: { code: string } } }) | undefined;
  await waitFor(async () => {
    template = (await phone(waId)).slice(before).find((m) => m.direction === 'outbound' && m.type === 'template');
    return template !== undefined && template.status !== undefined && template.status !== 'failed';
  }, 'the refill template');
  assert.equal(template?.template?.name, 'refill_declined');
  assert.equal(template?.template?.language.code, 'de');
  const row = await s.hale.db.selectFrom('communications').select(['status', 'error_title']).where('patient_id', '=', pid).where('direction', '=', 'outbound').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  assert.notEqual(row.status, 'failed', row.error_title ?? '');
});

test('a dump of every table holds none of the care flows’ words, captions or comments in plain text', async () => {
  const tables = await sql<{ schema: string; name: string }>`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(s.hale.db);
  assert.ok(tables.rows.some((t) => t.name === 'patient_documents'));
  // Category codes (insurance_card, referral…) are not PHI and may appear in audit details; the patient's words may not.
  // Long or spaced phrases only: a short word could turn up by chance in base64 ciphertext.
  const secrets = ['Metformin 850', 'Ramipril 5 mg', 'tarjeta del seguro', 'at any pharmacy', 'terrible service', 'carta.pdf', '%PDF-1.4 referral', 'Candesartan 8', 'your cardiologist'];
  for (const table of tables.rows) {
    const dump = await sql<{ t: string | null }>`SELECT string_agg(x::text, ' ') AS t FROM ${sql.table(`${table.schema}.${table.name}`)} x`.execute(s.hale.db);
    const text = dump.rows[0]?.t ?? '';
    for (const secret of secrets) assert.ok(!text.includes(secret), `${table.schema}.${table.name} holds "${secret}" in plain text`);
  }
});
