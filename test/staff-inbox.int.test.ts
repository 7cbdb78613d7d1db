/**
 * The team inbox end to end over HTTP, with patients on the WhatsApp simulator: queues and
 * counts, realtime events, take-over (the assistant falls silent), replies delivered to the
 * phone with ticks, notes with @mentions, the 24-hour window (text refused, template sent),
 * hand-back, and an audit row for every staff read.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { patientChat, type SimMessage } from './support/patient-chat.ts';
import { signIn, type StaffClient } from './support/staff-client.ts';
import { waitFor } from './support/start-test-hale.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

let s: TestStack;
let agent: StaffClient;
let nurse: StaffClient;

before(async () => {
  s = await startTestStack({ HALE_ADMIN_EMAIL: 'boss@clinic.example', HALE_ADMIN_PASSWORD: 'first-admin-password' });
  const admin = await signIn(s.hale.url, 'boss@clinic.example', 'first-admin-password');
  await admin.post('/api/v1/admin/users', { email: 'rita@clinic.example', displayName: 'Rita Reception', role: 'agent', password: 'rita-password-1' });
  await admin.post('/api/v1/admin/users', { email: 'nora@clinic.example', displayName: 'Nora Nurse', role: 'clinician', password: 'nora-password-1' });
  await admin.post('/api/v1/admin/canned-replies', { shortcut: 'callback', title: 'We will call you', body: 'A member of our team will call you back today.' });
  agent = await signIn(s.hale.url, 'rita@clinic.example', 'rita-password-1');
  nurse = await signIn(s.hale.url, 'nora@clinic.example', 'nora-password-1');
});
after(async () => {
  await s?.close();
});

const phone = async (waId: string) => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages;

async function consentedPatient(waId: string, name: string): Promise<string> {
  const chat = patientChat(s);
  await chat.say(waId, { name, text: 'Hello, I have a question please' });
  await chat.say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
  const pid = await chat.patientId(waId);
  return (await s.hale.db.selectFrom('conversations').select('id').where('patient_id', '=', pid).executeTakeFirstOrThrow()).id;
}

/** Reads the SSE stream; resolves each `inbox` event with the ms since `mark()`. */
async function openEvents(client: StaffClient) {
  const controller = new AbortController();
  const res = await fetch(`${s.hale.url}/api/v1/events`, { headers: { cookie: client.cookie }, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const events: Array<{ patientId: string; kind: string; at: number }> = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data !== undefined) events.push({ ...(JSON.parse(data) as { patientId: string; kind: string }), at: performance.now() });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => controller.abort() };
}

test('a patient asking for a person lands in "waiting" (with waiting-since), reaches the browser in realtime, and the assistant stays silent while staff own it', async () => {
  const stream = await openEvents(agent);
  const conversationId = await consentedPatient('351910000001', 'Marta Sousa');
  const pid = (await s.hale.db.selectFrom('conversations').select('patient_id').where('id', '=', conversationId).executeTakeFirstOrThrow()).patient_id;

  const sentAt = performance.now();
  await s.sim('POST', '/inbound', { wa_id: '351910000001', text: 'agent' });
  await waitFor(async () => stream.events.some((e) => e.patientId === pid && e.kind === 'message' && e.at >= sentAt), 'an inbox event in the browser stream', 5000);
  const latency = (stream.events.find((e) => e.patientId === pid && e.kind === 'message' && e.at >= sentAt)?.at ?? 0) - sentAt;
  console.log(`# webhook → browser event: ${latency.toFixed(0)} ms`);
  assert.ok(latency <= 500, `inbound message reached the browser after ${latency} ms`);
  await patientChat(s).settle('351910000001');

  const waiting = await agent.get('/api/v1/inbox/conversations?queue=waiting');
  assert.equal(waiting.status, 200);
  assert.ok(waiting.body.counts.waiting >= 1);
  const item = waiting.body.items.find((c: { id: string }) => c.id === conversationId);
  assert.ok(item, 'in the waiting queue');
  assert.equal(item.patientName, 'Marta Sousa');
  assert.equal(item.phone, '+351910000001');
  assert.equal(item.handoverReason, 'patient_request');
  assert.ok(item.waitingSince !== null);

  // Take it; the patient writes things the assistant would normally answer.
  assert.equal((await agent.post(`/api/v1/inbox/conversations/${conversationId}/assign`, {})).status, 200);
  const mine = await agent.get('/api/v1/inbox/conversations?queue=mine');
  assert.ok(mine.body.items.some((c: { id: string }) => c.id === conversationId));
  const before = (await phone('351910000001')).length;
  for (const text of ['menu', 'I want to book an appointment', 'what are your opening hours?', 'hello?']) {
    await patientChat(s).say('351910000001', { text }, { replyExpected: false });
  }
  await new Promise((r) => setTimeout(r, 500));
  const after = (await phone('351910000001')).slice(before).filter((m) => m.direction === 'outbound');
  assert.deepEqual(after, [], 'the assistant sent nothing while staff own the conversation');
  stream.close();
});

test('take over from the assistant, reply (delivered to the phone, with ticks), canned reply text, note with @mention, hand back', async () => {
  const waId = '351910000002';
  const conversationId = await consentedPatient(waId, 'João Pinto');
  const assistantQueue = await agent.get('/api/v1/inbox/conversations?queue=assistant');
  assert.ok(assistantQueue.body.items.some((c: { id: string }) => c.id === conversationId), 'the assistant owns it at first');

  const view = await agent.get(`/api/v1/inbox/conversations/${conversationId}`);
  assert.equal(view.status, 200);
  assert.equal(view.body.replyWindow.open, true);
  const consentButtons = view.body.messages.find((m: { choices: unknown[] }) => m.choices.length > 0);
  assert.ok(consentButtons, 'the buttons the patient saw are shown');
  assert.ok(view.body.messages.some((m: { choiceTaken: string | null }) => m.choiceTaken === 'I agree'), 'the tap is shown');

  // Replying to an assistant-owned conversation takes it over.
  const canned = (await agent.get('/api/v1/canned-replies')).body.find((c: { shortcut: string }) => c.shortcut === 'callback');
  const sent = await agent.post(`/api/v1/inbox/conversations/${conversationId}/messages`, { kind: 'text', text: canned.body });
  assert.equal(sent.status, 202);
  await waitFor(async () => (await phone(waId)).some((m) => m.direction === 'outbound' && m.text === canned.body), 'the reply on the phone');
  await waitFor(async () => {
    const v = await agent.get(`/api/v1/inbox/conversations/${conversationId}`);
    const mine = v.body.messages.find((m: { id: string }) => m.id === sent.body.communicationId);
    return mine?.status === 'delivered' || mine?.status === 'read';
  }, 'delivery ticks in the inbox');
  const row = await s.hale.db.selectFrom('conversations').select(['owner', 'assigned_to']).where('id', '=', conversationId).executeTakeFirstOrThrow();
  assert.equal(row.owner, 'staff');
  assert.equal(row.assigned_to, agent.userId);
  const staffMessage = (await agent.get(`/api/v1/inbox/conversations/${conversationId}`)).body.messages.find((m: { id: string }) => m.id === sent.body.communicationId);
  assert.equal(staffMessage.sender, 'staff');
  assert.equal(staffMessage.staffName, 'Rita Reception');

  const note = await agent.post(`/api/v1/inbox/conversations/${conversationId}/notes`, { body: '@Nora Nurse can you check the dosage question?' });
  assert.equal(note.status, 201);
  assert.deepEqual(note.body.mentions.map((m: { displayName: string }) => m.displayName), ['Nora Nurse']);
  const stored = await s.hale.db.selectFrom('conversation_notes').select('body_enc').where('id', '=', note.body.id).executeTakeFirstOrThrow();
  assert.ok(!stored.body_enc.includes('dosage'), 'notes are encrypted at rest');
  const seenByNurse = await nurse.get(`/api/v1/inbox/conversations/${conversationId}`);
  assert.equal(seenByNurse.body.notes[0].body, '@Nora Nurse can you check the dosage question?');
  assert.ok(!(await phone(waId)).some((m) => /dosage/.test(m.text ?? '')), 'notes never reach the patient');

  // Transfer to the nurse, then hand back to the assistant.
  assert.equal((await agent.post(`/api/v1/inbox/conversations/${conversationId}/assign`, { userId: nurse.userId })).status, 200);
  assert.ok((await nurse.get('/api/v1/inbox/conversations?queue=mine')).body.items.some((c: { id: string }) => c.id === conversationId));
  assert.equal((await nurse.post(`/api/v1/inbox/conversations/${conversationId}/release`, { to: 'bot' })).status, 200);
  await waitFor(async () => (await phone(waId)).some((m) => m.direction === 'outbound' && /assistant again/.test(m.text ?? '')), 'the hand-back message');
  const events = (await agent.get(`/api/v1/inbox/conversations/${conversationId}`)).body.events.map((e: { type: string }) => e.type);
  assert.deepEqual(events.filter((t: string) => t !== 'conversation.handed_off'), ['conversation.taken_over', 'conversation.transferred', 'conversation.handed_back']);

  const audits = await s.hale.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', conversationId).execute();
  assert.ok(audits.filter((a) => a.action === 'conversation.viewed').length >= 4, 'every staff read is audited');
  assert.ok(audits.some((a) => a.action === 'conversation.viewed' && a.actor_id === nurse.userId));
});

test('after 24 hours free text is refused in plain words and a template goes out instead', async () => {
  const waId = '351910000003';
  const conversationId = await consentedPatient(waId, 'Ana Costa');
  await agent.post(`/api/v1/inbox/conversations/${conversationId}/assign`, {});
  const pid = (await s.hale.db.selectFrom('conversations').select('patient_id').where('id', '=', conversationId).executeTakeFirstOrThrow()).patient_id;
  await s.hale.db.updateTable('patients').set({ last_inbound_at: new Date(Date.now() - 25 * 3_600_000) }).where('id', '=', pid).execute();

  const view = await agent.get(`/api/v1/inbox/conversations/${conversationId}`);
  assert.equal(view.body.replyWindow.open, false);
  const followUp = view.body.templates.find((t: { purpose: string }) => t.purpose === 'follow_up');
  assert.deepEqual(followUp, { purpose: 'follow_up', name: 'follow_up', language: 'en', params: ['Patient name'] });

  const refused = await agent.post(`/api/v1/inbox/conversations/${conversationId}/messages`, { kind: 'text', text: 'Are you still there?' });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error, 'reply_window_closed');
  assert.match(refused.body.message, /24 hours/);
  const wrongParams = await agent.post(`/api/v1/inbox/conversations/${conversationId}/messages`, { kind: 'template', purpose: 'follow_up', params: [] });
  assert.equal(wrongParams.status, 400);

  const sent = await agent.post(`/api/v1/inbox/conversations/${conversationId}/messages`, { kind: 'template', purpose: 'follow_up', params: ['Ana'] });
  assert.equal(sent.status, 202);
  await waitFor(async () => (await phone(waId)).some((m) => m.direction === 'outbound' && m.type === 'template'), 'the template on the phone');
  const shown = (await agent.get(`/api/v1/inbox/conversations/${conversationId}`)).body.messages.find((m: { id: string }) => m.id === sent.body.communicationId);
  assert.deepEqual(shown.template, { name: 'follow_up', language: 'en', params: ['Ana'] });
});

test('a message WhatsApp refuses shows the reason in plain words', async () => {
  const waId = '351910000004';
  const conversationId = await consentedPatient(waId, 'Rui Lopes');
  await agent.post(`/api/v1/inbox/conversations/${conversationId}/assign`, {});
  await s.sim('POST', '/faults', { code: 131026, count: 1, mode: 'status' });
  const sent = await agent.post(`/api/v1/inbox/conversations/${conversationId}/messages`, { kind: 'text', text: 'Your prescription is ready.' });
  assert.equal(sent.status, 202);
  await waitFor(async () => {
    const v = await agent.get(`/api/v1/inbox/conversations/${conversationId}`);
    return v.body.messages.some((m: { id: string; status: string }) => m.id === sent.body.communicationId && m.status === 'failed');
  }, 'the failure in the inbox');
  const message = (await agent.get(`/api/v1/inbox/conversations/${conversationId}`)).body.messages.find((m: { id: string }) => m.id === sent.body.communicationId);
  assert.equal(message.failure.code, 131026);
  assert.match(message.failure.reason, /could not be delivered to this number/);
});

test('taking over withdraws assistant messages still waiting to be sent', async () => {
  const waId = '351910000005';
  const conversationId = await consentedPatient(waId, 'Eva Lima');
  const pid = (await s.hale.db.selectFrom('conversations').select('patient_id').where('id', '=', conversationId).executeTakeFirstOrThrow()).patient_id;
  // An assistant reply committed a moment before staff take over, its send job not yet run.
  const queued = await s.hale.tx.run((repos) => repos.communications.insertOutbound({ patientId: pid, reply: { kind: 'text', text: 'assistant reply in flight' }, sender: 'bot', at: new Date() }));
  assert.equal((await agent.post(`/api/v1/inbox/conversations/${conversationId}/assign`, {})).status, 200);
  const row = await s.hale.db.selectFrom('communications').select(['status', 'error_title']).where('id', '=', queued.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'failed', error_title: 'withdrawn' });
  const audit = await s.hale.db.selectFrom('audit_events').select('detail').where('action', '=', 'conversation.taken_over').where('entity_id', '=', conversationId).executeTakeFirstOrThrow();
  assert.equal((audit.detail as { withdrawn: number }).withdrawn, 1);
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(!(await phone(waId)).some((m) => m.text === 'assistant reply in flight'));
});

test('a photo from the patient opens for staff (decrypted, sandboxed, audited); HTML never renders inline', async () => {
  const waId = '351910000006';
  const conversationId = await consentedPatient(waId, 'Rita Foto');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await s.sim('POST', '/inbound', { wa_id: waId, type: 'image', image: { base64: png.toString('base64'), mime_type: 'image/png', caption: 'my rash' } });
  let mediaId: string | null = null;
  await waitFor(async () => {
    const v = await agent.get(`/api/v1/inbox/conversations/${conversationId}`);
    const m = v.body.messages.find((x: { media: { state: string } | null }) => x.media?.state === 'stored');
    mediaId = m?.media.id ?? null;
    return mediaId !== null;
  }, 'the stored photo in the conversation');
  const res = await fetch(`${s.hale.url}/api/v1/media/${mediaId}`, { headers: { cookie: agent.cookie } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), png);
  assert.equal((await fetch(`${s.hale.url}/api/v1/media/${mediaId}`)).status, 401);
  const audit = await s.hale.db.selectFrom('audit_events').select('actor_id').where('action', '=', 'media.viewed').where('entity_id', '=', mediaId).execute();
  assert.deepEqual(audit.map((a) => a.actor_id), [agent.userId]);

  // A file claiming to be HTML is offered as a download, never rendered on Hale's origin.
  await s.hale.db.updateTable('media').set({ mime_type: 'text/html' }).where('id', '=', mediaId).execute();
  const html = await fetch(`${s.hale.url}/api/v1/media/${mediaId}`, { headers: { cookie: agent.cookie } });
  assert.equal(html.headers.get('content-type'), 'application/octet-stream');
  assert.equal(html.headers.get('content-disposition'), 'attachment');
});
