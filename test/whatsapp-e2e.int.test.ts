/**
 * Hale and the WhatsApp simulator over real HTTP in both directions: a conversation with a
 * list and reply buttons, an image in and out, delivery statuses with duplicates and
 * reordering, the 24-hour window, and retryable versus final send errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OutboundReply } from '../src/core/messages.ts';
import { loadSendMessageValidator } from './support/openapi.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';
import { waitFor } from './support/start-test-hale.ts';

type SimMessage = { direction: 'inbound' | 'outbound'; id: string; type: string; text?: string; status?: string; error?: { code: number } };
type Conversation = { messages: SimMessage[] };

let s: TestStack;
before(async () => {
  s = await startTestStack();
});
after(async () => {
  await s?.close();
});

const conversation = (waId: string) => s.sim<Conversation>('GET', `/conversations/${waId}`);

async function patientId(waId: string): Promise<string> {
  let id: string | undefined;
  await waitFor(async () => {
    const row = await s.hale.db.selectFrom('patients').select('id').where('wa_id_hash', '=', s.hale.cipher.blindIndex('wa_id', waId)).executeTakeFirst();
    id = row?.id;
    return id !== undefined;
  }, `patient ${waId}`);
  return id as string;
}

/** Waits until the assistant has answered everything the patient wrote and every reply left the outbox. */
async function quiet(pid: string) {
  await waitFor(async () => {
    const busy = await s.hale.db
      .selectFrom('communications')
      .select('id')
      .where('patient_id', '=', pid)
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'inbound'), eb('handled_at', 'is', null)]), eb.and([eb('direction', '=', 'outbound'), eb('status', '=', 'queued')])]))
      .execute();
    const unprocessed = await s.hale.db.selectFrom('inbound_events').select('id').where('state', '=', 'pending').where('kind', '=', 'message').execute();
    return busy.length === 0 && unprocessed.length === 0;
  }, 'the assistant to finish replying');
}

async function outbound(communicationId: string) {
  return s.hale.db.selectFrom('communications').selectAll().where('id', '=', communicationId).executeTakeFirstOrThrow();
}

async function waitForStatus(communicationId: string, statuses: string[], timeoutMs = 20_000) {
  await waitFor(async () => statuses.includes((await outbound(communicationId)).status), `message ${communicationId} → ${statuses.join('|')}`, timeoutMs);
  return outbound(communicationId);
}

async function inboundContents(pid: string) {
  const rows = await s.hale.db.selectFrom('communications').select(['content_enc', 'provider_message_id']).where('patient_id', '=', pid).where('direction', '=', 'inbound').orderBy('created_at').execute();
  return rows.map((r) => JSON.parse(s.hale.cipher.decrypt(r.content_enc)) as { kind: string; [k: string]: unknown });
}

async function send(pid: string, reply: OutboundReply) {
  return (await s.hale.queueReply({ patientId: pid, reply, sender: 'bot' })).communicationId;
}

describe('a conversation', () => {
  test('text in; a list out, a row tapped; reply buttons out, a button tapped', async () => {
    const waId = '34611000001';
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Lucía Prueba', text: 'Hola, quiero una cita' });
    const pid = await patientId(waId);

    const listId = await send(pid, {
      kind: 'choices',
      text: 'Which department?',
      buttonLabel: 'Departments',
      choices: [
        { id: 'dept:gp', title: 'General practice', description: 'Check-ups, prescriptions' },
        { id: 'dept:derm', title: 'Dermatology', description: 'Skin, hair and nails' },
        { id: 'dept:lab', title: 'Laboratory', description: 'Blood tests' },
        { id: 'dept:peds', title: 'Paediatrics' },
      ],
    });
    const list = await waitForStatus(listId, ['delivered', 'read']);
    assert.ok(list.provider_message_id?.startsWith('wamid.'));
    const shown = (await conversation(waId)).messages.find((m) => m.id === list.provider_message_id);
    assert.equal(shown?.type, 'interactive');

    await s.sim('POST', '/inbound', { wa_id: waId, type: 'interactive', list_reply: { id: 'dept:derm', title: 'Dermatology' } });
    await waitFor(async () => (await inboundContents(pid)).some((c) => c.kind === 'choice' && c['choiceId'] === 'dept:derm'), 'list reply recorded');

    const buttonsId = await send(pid, {
      kind: 'choices',
      text: 'Tuesday 10:30 with Dr. Weber. Book it?',
      choices: [
        { id: 'confirm', title: 'Yes, book it' },
        { id: 'other', title: 'Another time' },
      ],
    });
    await waitForStatus(buttonsId, ['delivered', 'read']);
    await s.sim('POST', '/inbound', { wa_id: waId, type: 'interactive', button_reply: { id: 'confirm', title: 'Yes, book it' } });
    await waitFor(async () => (await inboundContents(pid)).some((c) => c.kind === 'choice' && c['choiceId'] === 'confirm' && c['source'] === 'button'), 'button reply recorded');

    await s.sim('POST', `/personas/${waId}/read`);
    await waitForStatus(buttonsId, ['read']);
  });
});

describe('media', () => {
  // A real 1×1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  test('an image from the patient is downloaded and stored encrypted; an image goes back out', async () => {
    const waId = '34611000002';
    // Files are kept only with consent (ADR 13): the patient agrees first.
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Marta Foto', text: 'Hola' });
    const pid = await patientId(waId);
    await quiet(pid);
    await s.sim('POST', '/inbound', { wa_id: waId, type: 'interactive', button_reply: { id: 'consent:agree', title: 'Acepto' } });
    await waitFor(async () => (await s.hale.db.selectFrom('consents').select('decision').where('patient_id', '=', pid).executeTakeFirst())?.decision === 'granted', 'consent recorded');
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Marta Foto', type: 'image', image: { base64: png.toString('base64'), mime_type: 'image/png', caption: 'my insurance card' } });
    let media: { id: string; state: string; storage_key: string | null; byte_size: number | null } | undefined;
    await waitFor(async () => {
      media = await s.hale.db.selectFrom('media').select(['id', 'state', 'storage_key', 'byte_size']).where('patient_id', '=', pid).executeTakeFirst();
      return media?.state === 'stored';
    }, 'media stored');
    assert.equal(media?.byte_size, png.length);
    const comms = (await inboundContents(pid)).filter((c) => c.kind === 'media');
    assert.equal(comms[0]?.kind, 'media');
    assert.equal(comms[0]?.['caption'], 'my insurance card');

    const imageId = await send(pid, { kind: 'media', mediaType: 'image', source: { storageKey: media?.storage_key ?? '' }, mimeType: 'image/png', caption: 'Your card, for your records' });
    const sent = await waitForStatus(imageId, ['delivered', 'read']);
    const shown = (await conversation(waId)).messages.find((m) => m.id === sent.provider_message_id) as SimMessage & { media?: { id?: string; file_size?: number } };
    assert.equal(shown?.type, 'image');
    assert.equal(shown?.media?.file_size, png.length, 'the simulator received the same bytes Hale stored');
  });
});

describe('delivery statuses', () => {
  test('duplicated and reordered statuses leave the message read, recorded once per status', async () => {
    const waId = '34611000003';
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Pedro Estado', text: 'hello' });
    const pid = await patientId(waId);
    await quiet(pid);
    const id = await send(pid, { kind: 'text', text: 'We received your message.' });
    const delivered = await waitForStatus(id, ['delivered']);
    await s.sim('POST', `/personas/${waId}/read`);
    // Every message to this patient (the assistant's too) has heard its last status: nothing new is on its way.
    await waitFor(async () => {
      const unread = await s.hale.db.selectFrom('communications').select('id').where('patient_id', '=', pid).where('direction', '=', 'outbound').where('status', '!=', 'read').execute();
      const pending = await s.hale.db.selectFrom('inbound_events').select('id').where('state', '=', 'pending').execute();
      return unread.length === 0 && pending.length === 0;
    }, 'all statuses in');
    const before = await s.hale.db.selectFrom('inbound_events').select('id').execute();
    await s.sim('POST', '/replay', { wa_id: waId, duplicate: true, count: 3 });
    await s.sim('POST', '/replay', { wa_id: waId, reorder: true, message_id: delivered.provider_message_id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await waitFor(async () => (await s.hale.db.selectFrom('inbound_events').select('id').where('state', '=', 'pending').execute()).length === 0, 'replays processed');
    const final = await outbound(id);
    assert.equal(final.status, 'read');
    assert.ok(final.sent_at !== null && final.delivered_at !== null && final.read_at !== null);
    assert.ok(final.sent_at <= final.delivered_at && final.delivered_at <= final.read_at);
    const afterRows = await s.hale.db.selectFrom('inbound_events').select('id').execute();
    assert.equal(afterRows.length, before.length, 'replayed duplicates stored nothing new');
    const metrics = await (await fetch(`${s.hale.url}/metrics`)).text();
    assert.match(metrics, /hale_webhook_events_total\{kind="any",outcome="duplicate"\} \d+/);
  });
});

describe('the 24-hour window', () => {
  test('free text after 24 h fails cleanly without calling WhatsApp; an approved template still goes out', async () => {
    const waId = '34611000004';
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Rosa Ventana', text: 'thanks' });
    const pid = await patientId(waId);
    await quiet(pid);
    // Move the patient's last message back 25 hours on both sides.
    await s.sim('POST', `/personas/${waId}/rewind`, { hours: 25 });
    await s.hale.db.updateTable('patients').set({ last_inbound_at: new Date(Date.now() - 25 * 3_600_000) }).where('id', '=', pid).execute();
    const textId = await send(pid, { kind: 'text', text: 'Are you feeling better?' });
    const failed = await waitForStatus(textId, ['failed']);
    assert.equal(failed.error_title, 'reply_window_closed');
    assert.match(failed.error_reason ?? '', /24 hours/);
    assert.equal(failed.provider_message_id, null);
    const requests = (await s.sim<{ requests: Array<{ body: { text?: { body?: string } } }> }>('GET', '/requests?limit=1000')).requests;
    assert.equal(requests.filter((r) => r.body?.text?.body === 'Are you feeling better?').length, 0, 'nothing was sent to WhatsApp');

    const templateId = await send(pid, { kind: 'template', name: 'appointment_reminder', language: 'en', bodyParams: ['Rosa', 'Dr. Weber', 'Tuesday 3 March', '10:30'], quickReplyPayloads: ['confirm:1', 'reschedule:1', 'cancel:1'] });
    const template = await waitForStatus(templateId, ['delivered', 'read', 'failed']);
    assert.equal(template.status, 'delivered', `template: ${template.error_code ?? ''} ${template.error_reason ?? ''}`);
  });
});

describe('a crash after the commit', () => {
  test('an assistant reply left queued is sent by the stalled-reply sweeper, once', async () => {
    const { requeueStalledReplies } = await import('../src/app/requeue-stalled-replies.ts');
    const waId = '34611000006';
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Carla Caída', text: 'hi' });
    const pid = await patientId(waId);
    await quiet(pid);
    // As if the process died between the assistant's commit and its send: a bot reply queued, no job.
    const written = new Date(Date.now() - 60_000);
    const row = await s.hale.tx.direct((repos) =>
      repos.communications.insertOutbound({ patientId: pid, reply: { kind: 'text', text: 'Left behind by a crash' }, sender: 'bot', idempotencyKey: `turn:crash-test:${pid}`, at: written }),
    );
    const clock = { now: () => new Date() };
    assert.equal(await requeueStalledReplies({ tx: s.hale.tx, clock }), 1);
    await waitForStatus(row.id, ['delivered', 'read']);
    assert.equal(await requeueStalledReplies({ tx: s.hale.tx, clock }), 0, 'nothing left to sweep');
    // A fresh reply (the writer is still sending it) is not swept.
    const fresh = await s.hale.tx.direct((repos) =>
      repos.communications.insertOutbound({ patientId: pid, reply: { kind: 'text', text: 'Still being sent' }, sender: 'bot', idempotencyKey: `turn:crash-test-fresh:${pid}`, at: new Date() }),
    );
    assert.equal(await requeueStalledReplies({ tx: s.hale.tx, clock }), 0);
    await s.hale.db.updateTable('communications').set({ status: 'failed' }).where('id', '=', fresh.id).execute();
    const sent = (await s.sim<{ requests: Array<{ body: { text?: { body?: string } } }> }>('GET', '/requests?limit=1000')).requests.filter((r) => r.body?.text?.body === 'Left behind by a crash');
    assert.equal(sent.length, 1, 'sent exactly once');
  });
});

describe('send errors', () => {
  test('a rate-limit error (130429) is retried with backoff and then delivered', async () => {
    const waId = '34611000005';
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Raúl Reintento', text: 'hi' });
    const pid = await patientId(waId);
    await quiet(pid);
    await s.sim('POST', '/faults', { code: 130429, count: 1 });
    const id = await send(pid, { kind: 'text', text: 'Thanks for waiting.' });
    const row = await waitForStatus(id, ['delivered', 'read'], 30_000);
    assert.equal(row.attempts, 1, 'one failed attempt before success');
    assert.equal(row.error_code, null, 'the error is cleared once accepted');
    const verdicts = (await s.sim<{ requests: Array<{ body: { text?: { body?: string } }; verdict: { code?: number; httpStatus: number } }> }>('GET', '/requests?limit=1000')).requests.filter((r) => r.body?.text?.body === 'Thanks for waiting.');
    assert.deepEqual(verdicts.map((r) => r.verdict.code ?? r.verdict.httpStatus), [130429, 200]);
  });

  for (const code of [131026, 100, 132001] as const) {
    test(`a final error (${code}) is not retried and keeps Meta's code with a readable reason`, async () => {
      const waId = `3461100010${String(code).slice(-1)}`;
      await s.sim('POST', '/inbound', { wa_id: waId, name: 'Final Error', text: 'hi' });
      const pid = await patientId(waId);
      await quiet(pid);
      await s.sim('POST', '/faults', { code, count: 1 });
      const id = await send(pid, { kind: 'text', text: `final ${code}` });
      const row = await waitForStatus(id, ['failed']);
      assert.equal(row.error_code, code);
      assert.equal(row.attempts, 0, 'not retried');
      assert.ok((row.error_reason ?? '').length > 20);
      const sends = (await s.sim<{ requests: Array<{ body: { text?: { body?: string } } }> }>('GET', '/requests?limit=1000')).requests.filter((r) => r.body?.text?.body === `final ${code}`);
      assert.equal(sends.length, 1, 'exactly one request');
    });
  }

  test('a reply that breaks WhatsApp limits is refused before it is queued', async () => {
    const waId = '34611000006';
    await s.sim('POST', '/inbound', { wa_id: waId, name: 'Limit Test', text: 'hi' });
    const pid = await patientId(waId);
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
    await assert.rejects(() => send(pid, { kind: 'choices', text: 'Pick', choices: rows }), (error: Error & { code?: string }) => error.code === 'invalid_reply' && /10/.test(error.message));
    await assert.rejects(() => send(pid, { kind: 'choices', text: 'Pick', choices: [{ id: 'a', title: 'A title that is far too long' }] }), /20|24/);
  });
});

describe("Meta's OpenAPI contract", () => {
  test('every request Hale sent in these tests validates against the spec', async (t) => {
    const validate = await loadSendMessageValidator();
    if (validate === undefined) {
      t.skip('shared/ not present: OpenAPI validation runs in CI');
      return;
    }
    const { requests } = await s.sim<{ requests: Array<{ path: string; method: string; body: unknown }> }>('GET', '/requests?limit=1000');
    const posts = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    // Mark-as-read shares the path but has its own request shape in Meta's spec.
    const isMarkRead = (body: unknown) => (body as { status?: string }).status === 'read';
    const sends = posts.filter((r) => !isMarkRead(r.body));
    assert.ok(sends.length >= 10, `checked ${sends.length} requests`);
    for (const request of sends) assert.deepEqual(validate(request.body), [], JSON.stringify(request.body));
    const reads = posts.filter((r) => isMarkRead(r.body));
    assert.ok(reads.length >= 1, 'the assistant marked messages read');
    for (const request of reads) {
      const body = request.body as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ['message_id', 'messaging_product', 'status']);
      assert.equal(body['messaging_product'], 'whatsapp');
      assert.match(String(body['message_id']), /^wamid\./);
    }
  });
});
