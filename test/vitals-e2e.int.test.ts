/**
 * Home measurements end to end (issue 9, vitals): patients write readings in free text through
 * the WhatsApp simulator; Hale saves them as encrypted FHIR Observations, alerts staff when a
 * value is outside the patient's targets, and answers a dangerous value with the emergency advice
 * and an urgent flag, in any language the patient writes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { patientChat, rowsOf, type SimMessage } from './support/patient-chat.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

let s: TestStack;
before(async () => {
  s = await startTestStack();
});
after(async () => {
  await s?.close();
});

const chat = () => patientChat(s);
const say = (waId: string, body: Record<string, unknown>) => chat().say(waId, body);
const tap = (waId: string, id: string) => say(waId, { type: 'interactive', button_reply: { id, title: id } });
const text = (m: SimMessage[]) => m.map((x) => x.text ?? '').join('\n');

async function consentedPatient(waId: string, hello: string): Promise<string> {
  await say(waId, { name: 'Vitals Patient', text: hello });
  const menu = await tap(waId, 'consent:agree');
  assert.ok(rowsOf(menu.at(-1)).length > 0, 'the menu after consent');
  return chat().patientId(waId);
}

test('a reading in range is saved as an encrypted Observation; one outside the clinician’s target alerts staff', async () => {
  const waId = '447700900101';
  const pid = await consentedPatient(waId, 'Hello');
  await s.hale.tx.run((repos) => repos.observations.setTargets(pid, { systolic: { high: 135 } }, 'staff:test', new Date()));
  const first = await say(waId, { text: 'bp 128/82 this morning' });
  assert.match(text(first), /saved your reading: blood pressure 128\/82 mmHg/);
  const second = await say(waId, { text: 'BP 142/88, pulse 71' });
  assert.match(text(second), /blood pressure 142\/88 mmHg and pulse 71/);
  const observations = await s.hale.tx.run((repos) => repos.observations.listForPatient(pid));
  assert.deepEqual(observations.map((o) => [o.kind, o.interpretation]).sort(), [['blood_pressure', 'in_range'], ['blood_pressure', 'out_of_range'], ['pulse', 'in_range']]);
  const alerts = await s.hale.db.selectFrom('staff_alerts').select(['kind', 'detail']).where('patient_id', '=', pid).execute();
  assert.deepEqual(alerts.map((a) => a.kind), ['vital_out_of_range']);
  const raw = await sql<{ t: string }>`SELECT string_agg(o::text, ' ') AS t FROM observations o WHERE patient_id = ${pid}`.execute(s.hale.db);
  assert.ok(!/142|128|8480-6/.test(raw.rows[0]!.t), 'values are encrypted at rest');
  const conversation = await s.hale.db.selectFrom('conversations').select(['owner', 'urgent']).where('patient_id', '=', pid).executeTakeFirstOrThrow();
  assert.deepEqual(conversation, { owner: 'bot', urgent: false });
});

test('"bp 190/120 and a bad headache": emergency advice with the number at once, urgent for staff', async () => {
  const waId = '447700900102';
  const pid = await consentedPatient(waId, 'Hi');
  const replies = await say(waId, { text: 'bp 190/120 and a bad headache' });
  assert.match(text(replies), /blood pressure 190\/120 mmHg: this needs attention now/);
  assert.match(text(replies), /call \*112\* now/);
  const conversation = await s.hale.db.selectFrom('conversations').select(['owner', 'urgent']).where('patient_id', '=', pid).executeTakeFirstOrThrow();
  assert.deepEqual(conversation, { owner: 'staff', urgent: true });
  const observations = await s.hale.tx.run((repos) => repos.observations.listForPatient(pid));
  assert.deepEqual(observations.map((o) => o.interpretation), ['danger']);
  assert.equal(observations[0]?.resource.interpretation?.[0]?.coding[0]?.code, 'AA');
});

test('German and Spanish readings; an impossible value is asked again, not stored', async () => {
  const de = '4915112345001';
  const pidDe = await consentedPatient(de, 'Guten Tag, ich habe eine Frage');
  const zucker = await say(de, { text: 'Blutzucker 7,8 nüchtern' });
  assert.match(text(zucker), /Blutzucker 7,8 mmol\/L \(nüchtern\)/);
  const es = '34633000101';
  const pidEs = await consentedPatient(es, 'Hola, buenos días');
  const wrong = await say(es, { text: 'glucosa 1450' });
  assert.match(text(wrong), /No pude leer "1450"/);
  const stored = await s.hale.tx.run(async (repos) => [...(await repos.observations.listForPatient(pidDe)), ...(await repos.observations.listForPatient(pidEs))]);
  assert.deepEqual(stored.map((o) => [o.kind, o.resource.valueQuantity?.value, o.resource.valueQuantity?.code]), [['glucose', 7.8, 'mmol/L']]);
});
