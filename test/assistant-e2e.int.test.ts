/**
 * The patient assistant end to end: patients write through the WhatsApp simulator, Hale answers
 * over HTTP with the bundled demo clinic. First contact, language, consent, menu, FAQ hits and
 * near misses, STOP/START, handover and hand-back, a red flag before consent, redelivery.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { patientChat, type SimMessage } from './support/patient-chat.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';
import { waitFor } from './support/start-test-hale.ts';

let s: TestStack;
before(async () => {
  s = await startTestStack();
});
after(async () => {
  await s?.close();
});

const chat = () => patientChat(s);
const patientId = (waId: string) => chat().patientId(waId);
const settle = (waId: string) => chat().settle(waId);
const say = (waId: string, body: Record<string, unknown>, options: { replyExpected?: boolean } = {}) => chat().say(waId, body, options);

const text = (m: SimMessage[]) => m.map((x) => x.text ?? '').join('\n');
const buttonIds = (m: SimMessage | undefined) => m?.interactive?.action?.buttons?.map((b) => b.reply.id) ?? [];
const rowIds = (m: SimMessage | undefined) => m?.interactive?.action?.sections?.flatMap((sec) => sec.rows.map((r) => r.id)) ?? [];

async function conversationRow(waId: string) {
  const pid = await patientId(waId);
  return s.hale.db.selectFrom('conversations').selectAll().where('patient_id', '=', pid).executeTakeFirstOrThrow();
}

describe('first contact', () => {
  test('welcome and consent in the detected language; language change; consent recorded; menu', async () => {
    const waId = '34622000001';
    const first = await say(waId, { name: 'Lucía Fernández', text: 'Hola, buenas tardes, quería información por favor' });
    assert.equal(first.length, 2);
    assert.match(text(first), /Hale Demo Clinic/);
    assert.match(text(first), /112/);
    assert.deepEqual(buttonIds(first[1]), ['consent:agree', 'consent:decline', 'consent:language']);
    assert.match(first[1]?.text ?? '', /privacidad|privacy/i);
    await waitFor(async () => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.find((m) => m.direction === 'inbound')?.status === 'read', 'blue ticks on the patient message');
    const pid = await patientId(waId);
    assert.equal((await s.hale.db.selectFrom('consents').select('id').where('patient_id', '=', pid).execute()).length, 0, 'nothing recorded before consent');
    const before = await s.hale.db.selectFrom('patients').select('profile_name_enc').where('id', '=', pid).executeTakeFirstOrThrow();
    assert.equal(before.profile_name_enc, null, 'no name kept before consent');

    const languages = await say(waId, { type: 'interactive', button_reply: { id: 'consent:language', title: 'Idioma' } });
    assert.ok(rowIds(languages[0]).includes('lang:pt'));
    const portuguese = await say(waId, { type: 'interactive', list_reply: { id: 'lang:pt', title: 'Português' } });
    assert.match(text(portuguese), /português/i);
    assert.deepEqual(buttonIds(portuguese.at(-1)), ['consent:agree', 'consent:decline', 'consent:language']);

    const menu = await say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'Concordo' } });
    const rows = rowIds(menu.at(-1));
    assert.ok(rows.length >= 5 && rows.length <= 10, `menu rows: ${rows.join(', ')}`);
    assert.ok(rows.includes('menu:book') && rows.includes('menu:faq') && rows.includes('menu:staff'));
    const consents = await s.hale.db.selectFrom('consents').selectAll().where('patient_id', '=', pid).execute();
    assert.equal(consents.length, 1);
    assert.equal(consents[0]?.decision, 'granted');
    assert.equal(consents[0]?.policy_version, s.hale.clinic.consent.version);
    const patient = await s.hale.db.selectFrom('patients').select('language').where('id', '=', pid).executeTakeFirstOrThrow();
    assert.equal(patient.language, 'pt');
  });
});

describe('FAQ', () => {
  test('a hit answers with the approved text and a near miss offers choices, in English and Spanish', async () => {
    const cases = [
      { waId: '34622000002', hello: 'Hello there, I have a question', hit: 'do I have to be fasting for my blood work?', answer: /8–10 hours/, vague: 'payment card' },
      { waId: '34622000003', hello: 'Hola, buenos días, tengo una pregunta', hit: '¿tengo que estar en ayunas para la analítica de sangre?', answer: /8–10 horas/, vague: 'baja laboral' },
    ];
    for (const c of cases) {
      await say(c.waId, { name: 'FAQ Patient', text: c.hello });
      await say(c.waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'OK' } });
      const hit = await say(c.waId, { text: c.hit });
      const named = await s.hale.db.selectFrom('patients').select('profile_name_enc').where('id', '=', await patientId(c.waId)).executeTakeFirstOrThrow();
      assert.equal(s.hale.cipher.decrypt(named.profile_name_enc ?? ''), 'FAQ Patient', 'the name is kept once the patient consented');
      assert.match(text(hit), c.answer, `${c.waId}: ${text(hit)}`);
      const near = await say(c.waId, { text: c.vague });
      const ids = buttonIds(near.at(-1));
      assert.ok(ids.some((id) => id.startsWith('faq:')) && ids.includes('menu:staff'), `${c.waId} near miss offered FAQ buttons and a person: ${JSON.stringify(near)}`);
    }
  });
});

describe('STOP and START', () => {
  test('STOP opts out and refuses business-initiated sends; START opts back in', async () => {
    const waId = '34622000004';
    await say(waId, { name: 'Stop Patient', text: 'Hello' });
    const stop = await say(waId, { text: 'STOP' });
    assert.match(text(stop), /START/);
    const pid = await patientId(waId);
    const reminder = { kind: 'template' as const, name: 'appointment_reminder', language: 'en', bodyParams: ['Stop Patient', 'Dr. Romero', 'Monday', '10:00'] };
    await assert.rejects(() => s.hale.queueReply({ patientId: pid, reply: reminder, sender: 'system', businessInitiated: true }), (error: Error & { code?: string }) => error.code === 'opted_out');
    const start = await say(waId, { text: 'start' });
    assert.match(text(start), /STOP/);
    const queued = await s.hale.queueReply({ patientId: pid, reply: reminder, sender: 'system', businessInitiated: true });
    assert.equal(queued.created, true);
    const audit = await s.hale.db.selectFrom('audit_events').select('action').where('patient_id', '=', pid).execute();
    assert.ok(audit.some((a) => a.action === 'patient.opted_out') && audit.some((a) => a.action === 'patient.opted_in'));
  });
});

describe('handover', () => {
  test('"agent" moves the conversation to staff with a reason; the bot stays silent; hand-back resumes it', async () => {
    const waId = '34622000005';
    await say(waId, { name: 'Hand Over', text: 'Hi' });
    await say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
    const handover = await say(waId, { text: 'agent' });
    assert.match(text(handover), /passed your conversation to our team/);
    let conversation = await conversationRow(waId);
    assert.equal(conversation.owner, 'staff');
    assert.equal(conversation.handover_reason, 'patient_request');
    assert.ok(conversation.handover_summary_enc !== null && !conversation.handover_summary_enc.includes('person'));

    const silent = await say(waId, { text: 'where can I park my car?' }, { replyExpected: false });
    assert.deepEqual(silent, [], 'the bot does not answer while staff own the conversation');

    await s.hale.handBack(conversation.id, 'bot', { type: 'staff', id: 'nurse-1' });
    await waitFor(async () => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.some((m) => m.direction === 'outbound' && /assistant again/.test(m.text ?? '')), 'hand-back message');
    conversation = await conversationRow(waId);
    assert.equal(conversation.owner, 'bot');
    const answer = await say(waId, { text: 'where can I park my car?' });
    assert.match(text(answer), /car park|parking/i);
    const events = await s.hale.db.selectFrom('conversation_events').select(['type', 'reason', 'actor_id']).where('conversation_id', '=', conversation.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.type), ['conversation.handed_off', 'conversation.handed_back']);
    assert.equal(events[1]?.actor_id, 'nurse-1');
  });

  test('a voice note goes to staff', async () => {
    const waId = '34622000006';
    await say(waId, { name: 'Voice', text: 'Hello' });
    await say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
    const reply = await say(waId, { type: 'audio', audio: { base64: Buffer.from('OggS fake voice').toString('base64'), mime_type: 'audio/ogg', voice: true } });
    assert.match(text(reply), /voice/i);
    assert.equal((await conversationRow(waId)).handover_reason, 'unsupported_message');
  });
});

describe('emergency safety net', () => {
  test('a red flag in the very first message: emergency number at once, urgent, no consent question', async () => {
    const waId = '34622000007';
    const reply = await say(waId, { name: 'Urgent Patient', text: 'my husband has crushing chest pain and is sweating a lot' });
    assert.equal(reply.length, 1);
    assert.match(text(reply), /112/);
    const conversation = await conversationRow(waId);
    assert.equal(conversation.urgent, true);
    assert.equal(conversation.owner, 'staff');
    assert.equal(conversation.handover_reason, 'red_flag');
    assert.ok(conversation.urgent_detail_enc !== null && !conversation.urgent_detail_enc.includes('chest'));
  });
});

describe('redelivery', () => {
  test('a webhook delivered again produces no second reply', async () => {
    const waId = '34622000008';
    const first = await say(waId, { name: 'Twice', text: 'Hello, is this the clinic?' });
    assert.equal(first.length, 2);
    const before = (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.filter((m) => m.direction === 'outbound').length;
    await s.sim('POST', '/replay', { wa_id: waId, duplicate: true, count: 5 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(waId);
    const after = (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.filter((m) => m.direction === 'outbound').length;
    assert.equal(after, before);
    const pid = await patientId(waId);
    const inbound = await s.hale.db.selectFrom('communications').select('id').where('patient_id', '=', pid).where('direction', '=', 'inbound').execute();
    assert.equal(inbound.length, 1);
  });
});
