/**
 * Symptom triage end to end: patients write through the WhatsApp simulator, Hale (demo clinic)
 * answers over HTTP. A chest-pain conversation ends in emergency advice and an urgent staff flag
 * with the summary; a sore throat ends in self-care advice and booking; a red flag given as an
 * answer to a follow-up question raises the level; an urgent problem ends in a call-back request.
 * The answers are stored as an encrypted FHIR QuestionnaireResponse.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buttonsOf, patientChat, rowsOf, type SimMessage } from './support/patient-chat.ts';
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

async function consentedPatient(waId: string, hello: string): Promise<void> {
  await say(waId, { name: 'Triage Patient', text: hello });
  const menu = await tap(waId, 'consent:agree');
  assert.ok(rowsOf(menu.at(-1)).some((r) => r.id === 'menu:symptoms'), 'the menu offers symptoms');
}

async function records(waId: string) {
  const pid = await chat().patientId(waId);
  const conversation = await s.hale.db.selectFrom('conversations').selectAll().where('patient_id', '=', pid).executeTakeFirstOrThrow();
  const responses = await s.hale.db.selectFrom('questionnaire_responses').selectAll().where('patient_id', '=', pid).orderBy('authored_at').execute();
  return { pid, conversation, responses };
}

test('chest pain: a follow-up question, then emergency advice with 112, an urgent staff flag with the summary, and the answers stored encrypted', async () => {
  const waId = '34633000001';
  await consentedPatient(waId, 'Hello, I need some help');
  const start = await tap(waId, 'menu:symptoms');
  assert.match(text(start), /not a diagnosis/);
  const question = await say(waId, { text: 'I have pain in my chest since this morning' });
  const buttons = buttonsOf(question.at(-1)).map((b) => b.id);
  assert.deepEqual(buttons, ['triage:a:q_chest_features:yes', 'triage:a:q_chest_features:no']);
  assert.match(question.at(-1)?.text ?? '', /arm, jaw, neck or back/);

  const advice = await tap(waId, 'triage:a:q_chest_features:yes');
  assert.match(text(advice), /Call 112 now/);
  assert.match(text(advice), /team has been alerted/);

  const { pid, conversation, responses } = await records(waId);
  assert.equal(conversation.urgent, true);
  assert.equal(conversation.owner, 'staff');
  assert.equal(conversation.triage_level, 'emergency');
  const summary = s.hale.cipher.decrypt(conversation.urgent_detail_enc ?? '');
  assert.match(summary, /Triage: EMERGENCY — Chest pain/);
  assert.match(summary, /q_chest_features=yes/);
  assert.equal(responses.length, 1);
  assert.equal(responses[0]?.triage_level, 'emergency');
  assert.equal(conversation.triage_response_id, responses[0]?.id);
  assert.ok(!(responses[0]?.resource_enc ?? '').includes('chest'), 'the resource is encrypted');
  const resource = JSON.parse(s.hale.cipher.decrypt(responses[0]?.resource_enc ?? '')) as { resourceType: string; status: string; subject: { reference: string }; item: Array<{ linkId: string }> };
  assert.equal(resource.resourceType, 'QuestionnaireResponse');
  assert.equal(resource.status, 'completed');
  assert.equal(resource.subject.reference, `Patient/${pid}`);
  assert.deepEqual(resource.item.map((i) => i.linkId), ['description', 'q_chest_features', 'presentations', 'rules', 'level', 'department']);
  const audit = await s.hale.db.selectFrom('audit_events').select('action').where('patient_id', '=', pid).execute();
  assert.ok(audit.some((a) => a.action === 'triage.completed'));
});

test('sore throat: self-care advice with what would change it, then "book anyway" opens booking', async () => {
  const waId = '34633000002';
  await consentedPatient(waId, 'Hola, buenas');
  const question = await say(waId, { text: 'me duele la garganta desde ayer' });
  assert.match(text(question), /no es un diagnóstico/);
  assert.deepEqual(buttonsOf(question.at(-1)).map((b) => b.id), ['triage:a:q_swallow:yes', 'triage:a:q_swallow:no']);
  const advice = await tap(waId, 'triage:a:q_swallow:no');
  assert.match(text(advice), /cuidarse en casa/);
  assert.match(text(advice), /gárgaras/);
  assert.match(text(advice), /Si empeora/);
  assert.deepEqual(buttonsOf(advice.at(-1)).map((b) => b.id), ['triage:book', 'menu:main']);
  const { conversation, responses } = await records(waId);
  assert.equal(conversation.urgent, false);
  assert.equal(conversation.triage_level, 'self_care');
  assert.equal(responses[0]?.triage_level, 'self_care');

  let booking = await tap(waId, 'triage:book');
  // A service with several providers asks "who" first; "anyone" leads to the days.
  if (rowsOf(booking.at(-1)).some((r) => r.id === 'prov:any')) booking = await tap(waId, 'prov:any');
  const days = rowsOf(booking.at(-1)).map((r) => r.id);
  assert.ok(days.some((id) => id.startsWith('day:')) || days.includes('menu:staff'), `booking offers days: ${days.join(', ')}`);
});

test('a follow-up answer that is a red flag changes the level: headache → "suddenly, the worst ever" → emergency', async () => {
  const waId = '34633000003';
  await consentedPatient(waId, 'Hallo, ich habe eine Frage');
  const question = await say(waId, { text: 'Ich habe Kopfschmerzen' });
  assert.deepEqual(buttonsOf(question.at(-1)).map((b) => b.id), ['triage:a:q_headache_sudden:yes', 'triage:a:q_headache_sudden:no']);
  const before = await records(waId);
  assert.equal(before.responses.length, 0, 'no level yet: the answer can still change it');
  const advice = await say(waId, { text: 'ja, ganz plötzlich, die schlimmsten Kopfschmerzen meines Lebens' });
  assert.match(text(advice), /112/);
  const { conversation, responses } = await records(waId);
  assert.equal(conversation.triage_level, 'emergency');
  assert.equal(conversation.urgent, true);
  assert.equal(responses.length, 1);
});

test('urgent: advice to be seen today; "call me back" hands the conversation to staff as urgent with the summary', async () => {
  const waId = '34633000004';
  await consentedPatient(waId, 'hi there');
  const first = await say(waId, { text: "I'm a 45 year old man and it burns when I pee" });
  let reply = first;
  // Kidney question first (its answer could still make it urgent): answer no.
  if (buttonsOf(reply.at(-1)).some((b) => b.id.startsWith('triage:a:'))) reply = await tap(waId, buttonsOf(reply.at(-1)).find((b) => b.id.endsWith(':no'))?.id ?? '');
  assert.match(text(reply), /see a clinician today/);
  const ids = buttonsOf(reply.at(-1)).map((b) => b.id);
  assert.ok(ids.includes('triage:sameday') && ids.includes('triage:callback'), ids.join());
  const before = await records(waId);
  assert.equal(before.conversation.urgent, true, 'urgent at once, even before the patient chooses');
  assert.equal(before.conversation.owner, 'bot');
  const done = await tap(waId, 'triage:callback');
  assert.match(text(done), /call you back/);
  const { conversation } = await records(waId);
  assert.equal(conversation.owner, 'staff');
  assert.equal(conversation.handover_reason, 'triage_callback');
  assert.match(s.hale.cipher.decrypt(conversation.handover_summary_enc ?? ''), /Call-back requested[\s\S]*URGENT/);
});
