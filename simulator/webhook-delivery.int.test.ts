import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { firstValue } from './start-stub-webhook.ts';
import { startTestSimulator, TEST_PHONE_ID, TEST_SECRET, TEST_TOKEN } from './start-test-simulator.ts';
import type { TestSimulator } from './start-test-simulator.ts';

const WA = '4915112345678';
let t: TestSimulator;

before(async () => {
  t = await startTestSimulator({ wabaId: '102290129340398', displayPhoneNumber: '15550783881' });
});
after(() => t.close());
beforeEach(async () => {
  await t.api('POST', '/reset');
  t.stub.respondWith(200);
  t.stub.received.length = 0;
});

describe('webhooks to Hale', () => {
  test('inbound text: Meta envelope, signature over the exact bytes, non-ASCII escaped', async () => {
    const res = await t.api('POST', '/inbound', { wa_id: `+${WA}`, name: 'Jürgen Müller', text: 'Grüß Gott 👋' });
    assert.equal(res.status, 200);
    assert.equal(res.json.webhookStatus, 200);
    assert.match(String(res.json.id), /^wamid\./);
    const hit = t.stub.received[0];
    assert.ok(hit);
    assert.equal(hit.signatureValid, true);
    assert.equal(hit.signature, `sha256=${createHmac('sha256', TEST_SECRET).update(hit.raw).digest('hex')}`);
    assert.match(hit.raw, /^[\x00-\x7f]*$/, 'raw body is ASCII: non-ASCII is \\u-escaped like Meta');
    assert.ok(hit.raw.includes('\\ud83d\\udc4b'));
    const body = hit.body;
    assert.equal(body.object, 'whatsapp_business_account');
    assert.equal(body.entry[0]?.id, '102290129340398');
    assert.equal(body.entry[0]?.changes[0]?.field, 'messages');
    const value = firstValue(hit);
    assert.equal(value.messaging_product, 'whatsapp');
    assert.deepEqual(value.metadata, { display_phone_number: '15550783881', phone_number_id: TEST_PHONE_ID });
    assert.equal(value.contacts?.[0]?.profile?.name, 'Jürgen Müller');
    assert.equal(value.contacts?.[0]?.wa_id, WA);
    assert.match(String(value.contacts?.[0]?.user_id), /^DE\.\d{20}$/);
    const message = value.messages?.[0];
    assert.equal(message?.from, WA);
    assert.equal(message?.id, res.json.id);
    assert.match(String(message?.timestamp), /^\d{10}$/);
    assert.deepEqual(message?.text, { body: 'Grüß Gott 👋' });
    assert.equal(message?.type, 'text');
  });

  test('list_reply, button_reply and template button carry context to the business message', async () => {
    await t.api('POST', '/inbound', { wa_id: WA, text: 'hi' });
    const list = await t.send({
      to: WA,
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Open', sections: [{ rows: [{ id: 'derm', title: 'Dermatology', description: 'Skin' }] }] } },
    });
    const listId = list.json.messages?.[0]?.id;
    await t.api('POST', '/inbound', { wa_id: WA, type: 'interactive', list_reply: { id: 'derm', title: 'Dermatology', description: 'Skin' } });
    const listReply = t.stub.messages().find((m) => m.type === 'interactive');
    assert.deepEqual(listReply?.interactive, { type: 'list_reply', list_reply: { id: 'derm', title: 'Dermatology', description: 'Skin' } });
    assert.deepEqual(listReply?.context, { from: '15550783881', id: listId });

    await t.api('POST', '/inbound', { wa_id: WA, type: 'interactive', button_reply: { id: 'yes', title: 'Yes' }, context_id: listId });
    const buttonReply = t.stub.messages().filter((m) => m.type === 'interactive')[1];
    assert.deepEqual(buttonReply?.interactive, { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } });

    const tpl = await t.send({
      to: WA,
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'en' },
        components: [
          { type: 'body', parameters: ['Jürgen', 'Dr. Weber', 'June 3', '10:30'].map((text) => ({ type: 'text', text })) },
          { type: 'button', sub_type: 'quick_reply', index: '2', parameters: [{ type: 'payload', payload: 'CANCEL_7' }] },
        ],
      },
    });
    const res = await t.api('POST', '/inbound', { wa_id: WA, type: 'button', payload: 'CANCEL_7', text: 'Cancel' });
    assert.equal(res.json.webhookStatus, 200);
    const button = t.stub.messages().find((m) => m.type === 'button');
    assert.deepEqual(button?.button, { payload: 'CANCEL_7', text: 'Cancel' });
    assert.deepEqual(button?.context, { from: '15550783881', id: tpl.json.messages?.[0]?.id });
  });

  test('inbound image from base64: media metadata in the webhook, downloadable through the Graph API', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const res = await t.api('POST', '/inbound', { wa_id: WA, type: 'image', image: { base64: png.toString('base64'), mime_type: 'image/png', caption: 'my rash' } });
    assert.equal(res.json.webhookStatus, 200);
    const image = t.stub.messages().find((m) => m.type === 'image')?.image as Record<string, string>;
    assert.equal(image.mime_type, 'image/png');
    assert.equal(image.caption, 'my rash');
    assert.equal(image.sha256, createHash('sha256').update(png).digest('base64'));
    assert.match(image.id ?? '', /^\d{15,16}$/);
    const meta = await t.graph('GET', `/v23.0/${image.id}`);
    assert.equal(meta.json.mime_type, 'image/png');
    const download = await fetch(meta.json.url ?? '', { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), png);

    const doc = await t.api('POST', '/inbound', { wa_id: WA, type: 'document', document: { base64: 'JVBERi0xLjQK', mime_type: 'application/pdf', filename: 'referral.pdf' } });
    assert.equal(doc.json.webhookStatus, 200);
    const document = t.stub.messages().find((m) => m.type === 'document')?.document as Record<string, string>;
    assert.equal(document.filename, 'referral.pdf');
    const location = await t.api('POST', '/inbound', { wa_id: WA, type: 'location', location: { latitude: 52.52, longitude: 13.405, name: 'Home' } });
    assert.equal(location.json.webhookStatus, 200);
    assert.deepEqual(t.stub.messages().find((m) => m.type === 'location')?.location, { latitude: 52.52, longitude: 13.405, name: 'Home' });
  });

  test('a delivery answered 500 is retried with backoff until 200, and later ones wait behind it', async () => {
    t.stub.respondWith((n) => (n < 2 ? 500 : 200));
    const first = await t.api('POST', '/inbound', { wa_id: WA, text: 'first' });
    assert.equal(first.json.webhookStatus, 500, 'the API reports the status Hale gave on the first attempt');
    const second = t.api('POST', '/inbound', { wa_id: WA, text: 'second' });
    await t.sim.sender.idle();
    assert.equal((await second).json.webhookStatus, 200);
    const bodies = t.stub.received.map((r) => [firstValue(r).messages?.[0]?.text, r.answeredWith]);
    assert.deepEqual(bodies, [
      [{ body: 'first' }, 500],
      [{ body: 'first' }, 500],
      [{ body: 'first' }, 200],
      [{ body: 'second' }, 200],
    ]);
    assert.equal(t.stub.received[0]?.raw, t.stub.received[2]?.raw, 'a retry carries the same bytes');
    const deliveries = await t.api('GET', '/deliveries');
    const outcomes = (deliveries.json.deliveries as Array<{ outcome: string; attempt: number }>).map((d) => `${d.outcome}#${d.attempt}`);
    assert.deepEqual(outcomes, ['retrying#1', 'retrying#2', 'delivered#3', 'delivered#1']);
    const conv = await t.api('GET', `/conversations/${WA}`);
    const stored = (conv.json.messages as Array<{ status: string; webhookStatus: number }>)[0];
    assert.equal(stored?.status, 'delivered');
    assert.equal(stored?.webhookStatus, 500);
  });

  test('retries are bounded: after maxAttempts the delivery is dropped', async () => {
    t.stub.respondWith(503);
    await t.api('POST', '/inbound', { wa_id: WA, text: 'lost' });
    await t.sim.sender.idle();
    assert.equal(t.stub.received.length, 4);
    const deliveries = await t.api('GET', '/deliveries');
    assert.equal(deliveries.json.dropped, 1);
  });

  test('replay duplicate re-sends identical bytes; replay reorder sends statuses newest first', async () => {
    await t.api('POST', '/inbound', { wa_id: WA, text: 'hello' });
    const sent = await t.send({ to: WA, type: 'text', text: { body: 'Hi!' } });
    const id = sent.json.messages?.[0]?.id;
    await t.stub.waitFor((r) => firstValue(r).statuses?.[0]?.status === 'delivered');
    await t.api('POST', `/personas/${WA}/read`);
    await t.stub.waitFor((r) => firstValue(r).statuses?.[0]?.status === 'read');
    await t.sim.sender.idle();
    const before = t.stub.received.length;

    const dup = await t.api('POST', '/replay', { wa_id: WA, duplicate: true, count: 1 });
    assert.equal(dup.status, 200, JSON.stringify(dup.json));
    assert.equal(t.stub.received.length, before + 1);
    assert.equal(t.stub.received.at(-1)?.raw, t.stub.received[before - 1]?.raw);

    const reorder = await t.api('POST', '/replay', { wa_id: WA, reorder: true });
    assert.equal(reorder.status, 200, JSON.stringify(reorder.json));
    const replayed = t.stub.received.slice(before + 1).map((r) => {
      const s = firstValue(r).statuses?.[0];
      return [s?.id, s?.status];
    });
    assert.deepEqual(replayed, [
      [id, 'read'],
      [id, 'delivered'],
      [id, 'sent'],
    ]);
    assert.equal((await t.api('POST', '/replay', { wa_id: WA })).status, 400);
  });

  test('deliveries stay in order per persona while another persona is retried', async () => {
    const other = '4915199999999';
    t.stub.respondWith((n) => (n === 0 ? 500 : 200));
    const slow = t.api('POST', '/inbound', { wa_id: other, text: 'other-1' });
    const mine = [];
    for (let i = 1; i <= 5; i += 1) mine.push(t.api('POST', '/inbound', { wa_id: WA, text: `m${i}` }));
    await Promise.all([slow, ...mine]);
    await t.sim.sender.idle();
    const texts = t.stub.messages().filter((m) => m.from === WA).map((m) => (m.text as { body: string }).body);
    assert.deepEqual(texts, ['m1', 'm2', 'm3', 'm4', 'm5']);
  });
});
