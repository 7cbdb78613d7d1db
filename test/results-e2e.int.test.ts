/**
 * Results end to end (issue 9, part 1; ADR 0012) through the WhatsApp simulator, real HTTP:
 * a clinician uploads a PDF → the patient is told it is ready → three wrong dates of birth
 * lock the chat check (staff alert) → front desk lifts the lockout → date of birth + one-time
 * code → the document reaches the phone, byte for byte, and every step is audited. A result
 * flagged "please book a follow-up", announced by the approved template outside the 24-hour
 * window, leads into booking. The upload checks the file's bytes and the caller's role, and a
 * dump of the database (and the media folder) holds neither the document nor the note.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buttonsOf, patientChat, rowsOf, type SimMessage } from './support/patient-chat.ts';
import { signIn, type StaffClient } from './support/staff-client.ts';
import { waitFor } from './support/start-test-hale.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

let now = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 in Madrid
const clock = { now: () => new Date(now) };

let s: TestStack;
/** Where Hale keeps files when its database is PostgreSQL (with in-memory PGlite: a temp folder per process). */
let dataDir = '';
const staff: Record<'admin' | 'clinician' | 'agent', StaffClient> = {} as never;

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hale-results-data-'));
  s = await startTestStack({ HALE_ADMIN_EMAIL: 'boss@clinic.example', HALE_ADMIN_PASSWORD: 'first-admin-password', DATA_DIR: dataDir }, { clock }, { now: () => now.getTime() });
  staff.admin = await signIn(s.hale.url, 'boss@clinic.example', 'first-admin-password');
  for (const [role, email] of [['clinician', 'nora@clinic.example'], ['agent', 'rita@clinic.example']] as const) {
    const made = await staff.admin.post('/api/v1/admin/users', { email, displayName: role, role, password: `password-of-${role}` });
    assert.equal(made.status, 201);
    staff[role] = await signIn(s.hale.url, email, `password-of-${role}`);
  }
});
after(async () => {
  await s?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const chat = () => patientChat(s);
const tap = (waId: string, id: string, title = id) => chat().say(waId, { type: 'interactive', button_reply: { id, title } });
const text = (m: SimMessage[]) => m.map((x) => x.text ?? '').join('\n');
const phone = async (waId: string) => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages;

type PhoneMessage = SimMessage & { media?: { kind: string; id?: string; filename?: string; mime_type?: string }; template?: { name: string }; rendered?: { buttons: Array<{ text: string; payload?: string }> } };

/** A PDF with a line no database column or log may show in plain text. */
const PDF_MARKER = 'HbA1c 9.4 percent - Marker-7f3a';
const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${PDF_MARKER}\n%%EOF\n`);
const NOTE = 'Cholesterol slightly high, otherwise fine - note-5c1e';
const BIRTH_DATE = '1980-02-03';

async function consentedPatient(waId: string, name: string, birthDate: string | undefined): Promise<string> {
  await chat().say(waId, { name, text: 'Hello' });
  await tap(waId, 'consent:agree', 'I agree');
  const patientId = await chat().patientId(waId);
  if (birthDate !== undefined) await s.hale.tx.run((repos) => repos.patients.setDetails(patientId, { fullName: name, birthDate }, clock.now()));
  return patientId;
}

async function upload(client: StaffClient, patientId: string, file: { bytes: Buffer; name: string; type: string }, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(`${s.hale.url}/api/v1/patients/${patientId}/results`, { method: 'POST', headers: { cookie: client.cookie, 'x-csrf-token': client.csrf }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function nextOutbound(waId: string, after: number, match: (m: PhoneMessage) => boolean, what: string): Promise<PhoneMessage> {
  let found: PhoneMessage | undefined;
  await waitFor(async () => {
    found = ((await phone(waId)).slice(after) as PhoneMessage[]).find((m) => m.direction === 'outbound' && match(m));
    return found !== undefined;
  }, what);
  return found as PhoneMessage;
}

const auditRows = (patientId: string) =>
  s.hale.db.selectFrom('audit_events').select(['action', 'actor_type', 'actor_id', 'entity_id', 'outcome']).where('patient_id', '=', patientId).orderBy('id').execute();

/** Date of birth, then the code from its own message (any language); returns the replies to the code. */
async function verify(waId: string, birthDateText: string): Promise<SimMessage[]> {
  const codeReplies = await chat().say(waId, { text: birthDateText });
  assert.equal(codeReplies.length, 2, 'an explanation, then the code alone in its own message');
  const code = /\*(\d{6})\*/.exec(codeReplies[1]?.text ?? '')?.[1];
  assert.ok(code !== undefined, `a code in: ${codeReplies[1]?.text ?? ''}`);
  return chat().say(waId, { text: code });
}

test('wrong date of birth three times → locked and staff alerted; front desk unlocks; date of birth + code → the document, audited', { timeout: 120_000 }, async () => {
  const waId = '447700900201';
  const patientId = await consentedPatient(waId, 'Grace Hopper', BIRTH_DATE);

  // Front desk may not attach results; a file that only claims to be a PDF is refused.
  assert.equal((await upload(staff.agent, patientId, { bytes: pdf, name: 'lab.pdf', type: 'application/pdf' })).status, 403);
  const fake = await upload(staff.clinician, patientId, { bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'lab.pdf', type: 'application/pdf' });
  assert.equal(fake.status, 400);
  assert.match(fake.body.message, /PDF, JPEG and PNG/);

  const before = (await phone(waId)).length;
  const created = await upload(staff.clinician, patientId, { bytes: pdf, name: 'Grace Hopper lipids.pdf', type: 'application/octet-stream' }, { note: NOTE, followUp: 'false' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.notice, 'queued');
  assert.equal(created.body.result.mimeType, 'application/pdf', 'the type comes from the bytes');
  const resultId = created.body.result.id as string;

  // Inside the 24-hour window: a message with buttons, and nothing of the result in it.
  const notice = await nextOutbound(waId, before, (m) => buttonsOf(m).some((b) => b.id === 'res:view'), 'the result notice');
  assert.match(notice.text ?? '', /new document from Hale Demo Clinic is ready/);
  assert.ok(!(notice.text ?? '').includes('Cholesterol'));

  const ask = await tap(waId, 'res:view', 'View result');
  assert.match(text(ask), /What is your \*date of birth\*/);
  assert.match(text(await chat().say(waId, { text: 'not sure' })), /could not read that as a date/, 'a non-date is asked again, not counted');
  assert.match(text(await chat().say(waId, { text: '04/02/1980' })), /does not match our records\. Attempts left: 2/);
  assert.match(text(await chat().say(waId, { text: '1 January 1970' })), /Attempts left: 1/);
  const locked = await chat().say(waId, { text: '03.02.1981' });
  assert.match(text(locked), /can no longer be opened in this chat.*\+34 910 000 000/s);

  const alerts = await s.hale.db.selectFrom('staff_alerts').select(['kind', 'detail']).where('patient_id', '=', patientId).execute();
  assert.deepEqual(alerts.map((a) => a.kind), ['result_verification_locked']);
  const events = await s.hale.db.selectFrom('conversation_events as e').innerJoin('conversations as c', 'c.id', 'e.conversation_id').select('e.type').where('c.patient_id', '=', patientId).execute();
  assert.ok(events.some((e) => e.type === 'identity.locked'), 'the lockout shows in the conversation timeline');
  // Locked means locked: even the right date of birth is refused now.
  assert.match(text(await tap(waId, 'res:view', 'View result')), /can no longer be opened/);

  // The front desk sees the lockout (not the note: that is clinical), lifts it, and it is audited.
  const seen = await staff.agent.get(`/api/v1/patients/${patientId}/results`);
  assert.equal(seen.status, 200);
  assert.equal(seen.body.verification.locked, true);
  assert.equal(seen.body.verification.failedAttempts, 3);
  assert.equal(seen.body.results[0].note, null);
  assert.equal(seen.body.results[0].hasNote, true);
  assert.equal((await staff.clinician.get(`/api/v1/patients/${patientId}/results`)).body.results[0].note, NOTE);
  const unlocked = await staff.agent.post(`/api/v1/patients/${patientId}/identity-verification/unlock`);
  assert.equal(unlocked.status, 200);
  assert.deepEqual(unlocked.body, { locked: false, wasLocked: true });

  // Date of birth (in words) + the code: a wrong code first, then the right one.
  assert.match(text(await tap(waId, 'res:view', 'View result')), /date of birth/);
  const codeReplies = await chat().say(waId, { text: 'February 3, 1980' });
  const code = /code: \*(\d{6})\*/.exec(text(codeReplies))?.[1] ?? '';
  assert.match(code, /^\d{6}$/);
  assert.match(text(await chat().say(waId, { text: code === '000000' ? '111111' : '000000' })), /code is not right\. Attempts left: 2/);
  const delivered = (await chat().say(waId, { text: code.replace(/(\d{3})/, '$1 ') })) as PhoneMessage[];
  const document = delivered.find((m) => m.type === 'document');
  assert.ok(document !== undefined, `a document reached the phone: ${JSON.stringify(delivered)}`);
  assert.equal(document.text, NOTE, 'staff’s note is the caption');
  assert.equal(document.media?.filename, 'result-2026-11-30.pdf');
  const bytes = Buffer.from(await (await fetch(`${s.simulatorUrl}/simulator/api/media/${document.media?.id ?? ''}`)).arrayBuffer());
  assert.deepEqual(bytes, pdf, 'the phone got the very bytes staff uploaded');
  assert.match(text(delivered), /Here is your document/);

  // Sent once: asking again finds nothing new.
  assert.match(text(await tap(waId, 'res:view', 'View result')), /no new document/);

  const list = await staff.clinician.get(`/api/v1/patients/${patientId}/results`);
  assert.equal(list.body.results[0].status, 'delivered');
  assert.equal(list.body.verification.locked, false);
  const audit = await auditRows(patientId);
  const row = (action: string) => audit.filter((a) => a.action === action);
  assert.deepEqual(row('result.created').map((a) => [a.actor_id, a.entity_id]), [[staff.clinician.userId, resultId]]);
  assert.equal(row('notice.result_ready').length, 1);
  assert.deepEqual(row('identity.birth_date_checked').map((a) => a.outcome), ['failure', 'failure', 'failure', 'success']);
  assert.equal(row('identity.locked').length, 1);
  assert.deepEqual(row('identity.unlocked').map((a) => a.actor_id), [staff.agent.userId]);
  assert.deepEqual(row('identity.code_checked').map((a) => a.outcome), ['failure']);
  assert.equal(row('identity.verified').length, 1);
  assert.deepEqual(row('result.disclosed').map((a) => [a.actor_type, a.entity_id]), [['system', resultId]]);
  assert.equal(row('result.reoffered').length, 0);
  assert.ok(row('results.viewed').length >= 3, 'staff reads are audited');
  // The code is stored only as a keyed hash, and used up.
  const verification = await s.hale.db.selectFrom('identity_verifications').selectAll().where('patient_id', '=', patientId).executeTakeFirstOrThrow();
  assert.equal(verification.code_hash, null);
  assert.equal(verification.unlocked_by, staff.agent.userId);

  // Lost it? A clinician offers it again: the same checks, the same bytes, a second disclosure.
  const beforeAgain = (await phone(waId)).length;
  const again = await staff.clinician.post(`/api/v1/results/${resultId}/reoffer`);
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.equal(again.body.notice, 'queued');
  await nextOutbound(waId, beforeAgain, (m) => buttonsOf(m).some((b) => b.id === 'res:view'), 'the second notice');
  assert.match(text(await tap(waId, 'res:view', 'View result')), /date of birth/);
  const secondDelivery = (await verify(waId, '03/02/1980')) as PhoneMessage[];
  assert.ok(secondDelivery.some((m) => m.type === 'document'));
  assert.equal((await staff.clinician.post(`/api/v1/results/${resultId}/reoffer`)).status, 200);
  assert.equal((await staff.agent.post(`/api/v1/results/${resultId}/reoffer`)).status, 403);
  const afterAgain = await auditRows(patientId);
  assert.equal(afterAgain.filter((a) => a.action === 'result.reoffered').length, 2);
  assert.equal(afterAgain.filter((a) => a.action === 'result.disclosed').length, 2, 'each disclosure has its own row');

  // Clinicians can open the stored file and export FHIR DocumentReferences.
  const file = await fetch(`${s.hale.url}/api/v1/results/${resultId}/file`, { headers: { cookie: staff.clinician.cookie } });
  assert.equal(file.status, 200);
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), pdf);
  const fhir = await staff.clinician.get(`/api/v1/patients/${patientId}/results/fhir`);
  assert.equal(fhir.body.entry[0].resource.resourceType, 'DocumentReference');
  assert.equal(fhir.body.entry[0].resource.subject.reference, `Patient/${patientId}`);
  assert.equal((await staff.agent.get(`/api/v1/results/${resultId}/file`)).status, 403);
});

test('"please book a follow-up": the template outside the window, then the visit is offered with the document', { timeout: 120_000 }, async () => {
  const waId = '34633000201';
  await chat().say(waId, { name: 'Lucía Pérez', text: 'Hola, buenos días' });
  await tap(waId, 'consent:agree', 'Acepto');
  const patientId = await chat().patientId(waId);
  await s.hale.tx.run((repos) => repos.patients.setDetails(patientId, { fullName: 'Lucía Pérez', birthDate: '1975-12-25' }, clock.now()));
  now = new Date(now.getTime() + 26 * 3_600_000); // the 24-hour window has closed (staff sign in again: sessions last 12 hours)
  for (const [role, email, password] of [['admin', 'boss@clinic.example', 'first-admin-password'], ['clinician', 'nora@clinic.example', 'password-of-clinician'], ['agent', 'rita@clinic.example', 'password-of-agent']] as const) {
    staff[role] = await signIn(s.hale.url, email, password);
  }
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082', 'hex');
  const before = (await phone(waId)).length;
  const created = await upload(staff.admin, patientId, { bytes: png, name: 'ecg.png', type: 'image/png' }, { followUp: 'true' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.result.followUp, true);

  const template = await nextOutbound(waId, before, (m) => m.type === 'template', 'the result_ready template');
  assert.equal(template.template?.name, 'result_ready');
  const payloads = (template.rendered?.buttons ?? []).map((b) => b.payload);
  assert.deepEqual(payloads, ['res:view', 'res:later']);
  const ask = await chat().say(waId, { type: 'button', payload: 'res:view', text: 'Enviar ahora' });
  assert.match(text(ask), /fecha de nacimiento/);
  const replies = (await verify(waId, '25/12/1975')) as PhoneMessage[];
  assert.match(text(replies), /Su médico quiere revisar este resultado con usted/);
  const image = replies.find((m) => m.type === 'image');
  assert.ok(image !== undefined, 'the image reached the phone');
  const bytes = Buffer.from(await (await fetch(`${s.simulatorUrl}/simulator/api/media/${image.media?.id ?? ''}`)).arrayBuffer());
  assert.deepEqual(bytes, png);
  const offer = replies.at(-1);
  assert.deepEqual(buttonsOf(offer).map((b) => b.id), ['menu:book', 'menu:staff']);
  const services = await tap(waId, 'menu:book', 'Reservar cita');
  assert.ok(rowsOf(services.at(-1)).some((r) => r.id.startsWith('svc:')), 'straight into booking');
  const disclosed = await s.hale.db.selectFrom('audit_events').select(['detail']).where('patient_id', '=', patientId).where('action', '=', 'result.disclosed').execute();
  assert.equal(disclosed.length, 1);
});

test('without a date of birth on file the patient is sent to the clinic; "results" with nothing waiting gets the FAQ', { timeout: 60_000 }, async () => {
  const waId = '4915112345201';
  const patientId = await consentedPatient(waId, 'Karl Weber', undefined);
  const created = await upload(staff.clinician, patientId, { bytes: pdf, name: 'befund.pdf', type: 'application/pdf' });
  assert.equal(created.body.birthDateOnFile, false);
  await chat().settle(waId);
  const replies = await chat().say(waId, { text: 'results' });
  assert.match(text(replies), /no date of birth on file/);
  const alerts = await s.hale.db.selectFrom('staff_alerts').select('kind').where('patient_id', '=', patientId).execute();
  assert.deepEqual(alerts.map((a) => a.kind), ['result_verification_unavailable']);

  const other = '4915112345202';
  await consentedPatient(other, 'Anna Schmidt', '1990-05-05');
  assert.match(text(await chat().say(other, { text: 'my results' })), /2–3 working days/, 'nothing waiting: the FAQ answers');
});

test('upload checks: size per type, note length, the follow-up value, an unknown patient; no notice after STOP', { timeout: 60_000 }, async () => {
  const waId = '447700900299';
  const patientId = await consentedPatient(waId, 'Edge Case', '1970-01-01');
  const pngHeader = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const bigPng = Buffer.concat([pngHeader, Buffer.alloc(5 * 1024 * 1024)]);
  const tooBig = await upload(staff.clinician, patientId, { bytes: bigPng, name: 'big.png', type: 'image/png' });
  assert.equal(tooBig.status, 400);
  assert.match(tooBig.body.message, /too large \(at most 5 MB/);
  const hugePdf = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
  assert.equal((await upload(staff.clinician, patientId, { bytes: hugePdf, name: 'huge.pdf', type: 'application/pdf' })).status, 400);
  const longNote = await upload(staff.clinician, patientId, { bytes: pdf, name: 'a.pdf', type: 'application/pdf' }, { note: 'x'.repeat(1001) });
  assert.equal(longNote.status, 400);
  assert.equal(longNote.body.issues[0].path, 'note');
  assert.equal((await upload(staff.clinician, patientId, { bytes: pdf, name: 'a.pdf', type: 'application/pdf' }, { followUp: 'maybe' })).status, 400);
  assert.equal((await upload(staff.clinician, patientId, { bytes: Buffer.alloc(0), name: 'empty.pdf', type: 'application/pdf' })).status, 400);
  assert.equal((await upload(staff.clinician, '00000000-0000-4000-8000-000000000000', { bytes: pdf, name: 'a.pdf', type: 'application/pdf' })).status, 404);
  const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
  const ok = await upload(staff.clinician, patientId, { bytes: jpeg, name: 'scan.jpg', type: 'image/jpeg' });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.result.mimeType, 'image/jpeg');
  assert.equal((await s.hale.db.selectFrom('results').select('id').where('patient_id', '=', patientId).execute()).length, 1, 'refused uploads left nothing behind');

  // After STOP the clinic starts nothing: the result waits, and staff see why.
  await chat().say(waId, { text: 'STOP' });
  const before = (await phone(waId)).length;
  const quiet = await upload(staff.clinician, patientId, { bytes: pdf, name: 'b.pdf', type: 'application/pdf' });
  assert.equal(quiet.body.notice, 'opted_out');
  assert.equal(quiet.body.result.status, 'ready');
  assert.equal(quiet.body.result.noticeSkipped, 'opted_out');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal((await phone(waId)).slice(before).filter((m) => m.direction === 'outbound').length, 0, 'no notice after STOP');
});

test('a dump of every table and the media folder holds neither the document nor the note in plain text; logs neither', async () => {
  const tables = await sql<{ schema: string; name: string }>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(s.hale.db);
  let dump = '';
  for (const table of tables.rows) {
    const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(`${table.schema}.${table.name}`)} AS t`.execute(s.hale.db);
    dump += rows.rows.map((r) => r.row).join('\n');
  }
  assert.ok(dump.includes('result.disclosed'), 'the dump is readable');
  const hex = (value: string | Buffer) => Buffer.from(value).toString('hex');
  const secrets = [PDF_MARKER, hex(PDF_MARKER), pdf.toString('base64').slice(0, 40), NOTE, hex(NOTE), 'Cholesterol', 'Grace Hopper', BIRTH_DATE, 'February 3, 1980'];
  for (const secret of secrets) assert.ok(!dump.includes(secret), `the database holds "${secret.slice(0, 30)}" in plain text`);

  const root = existsSync(path.join(dataDir, 'media')) ? path.join(dataDir, 'media') : path.join(tmpdir(), `hale-media-${process.pid}`);
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const stored = files.filter((f) => f.parentPath.includes(`${path.sep}results`));
  assert.ok(stored.length >= 3, 'the results are stored as files');
  for (const f of stored) {
    const bytes = await readFile(path.join(f.parentPath, f.name));
    assert.ok(!bytes.includes(Buffer.from(PDF_MARKER)) && !bytes.includes(Buffer.from('%PDF')), `${f.name} is encrypted`);
  }
  const logs = s.logs.join('');
  for (const secret of [PDF_MARKER, NOTE, BIRTH_DATE]) assert.ok(!logs.includes(secret), `logs leak "${secret}"`);
});
