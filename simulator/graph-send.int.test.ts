import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openWindow, startTestSimulator } from './start-test-simulator.ts';
import type { TestSimulator } from './start-test-simulator.ts';

const WA = '16505551234';
let t: TestSimulator;

before(async () => {
  t = await startTestSimulator();
  await openWindow(t, WA);
});
after(() => t.close());

async function statusesFor(id: string, wanted: string[]) {
  for (const status of wanted) {
    await t.stub.waitFor((r) => r.body.entry[0]?.changes[0]?.value.statuses?.some((s) => s.id === id && s.status === status) ?? false);
  }
  return t.stub.statuses().filter((s) => s.id === id);
}

function assertAccepted(res: Awaited<ReturnType<TestSimulator['send']>>, input: string) {
  assert.equal(res.status, 200, JSON.stringify(res.json));
  assert.equal(res.json.messaging_product, 'whatsapp');
  assert.deepEqual(res.json.contacts, [{ input, wa_id: WA }]);
  const id = res.json.messages?.[0]?.id ?? '';
  assert.match(id, /^wamid\.[A-Za-z0-9+/=]+$/);
  assert.equal(Buffer.from(id.slice(6), 'base64').toString('latin1').includes(WA), true, 'wamid encodes the number like Meta');
  return id;
}

describe('sending through the fake Graph API', () => {
  test('text → success shape, then sent and delivered statuses with pricing, in order', async () => {
    const res = await t.send({ to: `+${WA}`, type: 'text', text: { body: 'Hello Ana 👋', preview_url: false } });
    const id = assertAccepted(res, `+${WA}`);
    const statuses = await statusesFor(id, ['sent', 'delivered']);
    assert.deepEqual(statuses.map((s) => s.status), ['sent', 'delivered']);
    const sent = statuses[0] as Record<string, unknown>;
    assert.equal(sent.recipient_id, WA);
    assert.match(String(sent.timestamp), /^\d{10}$/);
    assert.match(String(sent.recipient_user_id), /^US\.\d{20}$/);
    assert.deepEqual(sent.pricing, { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' });
    const conv = await t.api('GET', `/conversations/${WA}`);
    const stored = (conv.json.messages as Array<Record<string, unknown>>).find((m) => m.id === id);
    assert.equal(stored?.direction, 'outbound');
    assert.equal(stored?.text, 'Hello Ana 👋');
    assert.equal(stored?.status, 'delivered');
  });

  test('interactive list → accepted and stored with its sections', async () => {
    const res = await t.send({
      to: WA,
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Book an appointment' },
        body: { text: 'Which department?' },
        footer: { text: 'Hale Clinic' },
        action: {
          button: 'Departments',
          sections: [
            { title: 'General', rows: [{ id: 'gp', title: 'General practice', description: 'Check-ups, referrals' }] },
            { title: 'Specialists', rows: [{ id: 'derm', title: 'Dermatology' }, { id: 'cardio', title: 'Cardiology' }] },
          ],
        },
      },
    });
    const id = assertAccepted(res, WA);
    await statusesFor(id, ['sent', 'delivered']);
    const conv = await t.api('GET', `/conversations/${WA}`);
    const stored = (conv.json.messages as Array<Record<string, unknown>>).find((m) => m.id === id);
    assert.equal(stored?.type, 'interactive');
    assert.equal((stored?.interactive as { action: { sections: unknown[] } }).action.sections.length, 2);
  });

  test('reply buttons → accepted', async () => {
    const res = await t.send({
      to: WA,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Do you want to keep your appointment?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'keep', title: 'Keep it' } }, { type: 'reply', reply: { id: 'cancel', title: 'Cancel it' } }] },
      },
    });
    await statusesFor(assertAccepted(res, WA), ['sent', 'delivered']);
  });

  test('template → accepted with rendered body; utility template in window is free', async () => {
    const res = await t.send({
      to: WA,
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'es' },
        components: [
          { type: 'body', parameters: ['Ana', 'la Dra. Ruiz', '3 de junio', '10:30'].map((text) => ({ type: 'text', text })) },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'CONFIRM_APPT_42' }] },
        ],
      },
    });
    const id = assertAccepted(res, WA);
    const [sent] = await statusesFor(id, ['sent', 'delivered']);
    assert.deepEqual((sent as Record<string, unknown>).pricing, { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' });
    const conv = await t.api('GET', `/conversations/${WA}`);
    const stored = (conv.json.messages as Array<Record<string, unknown>>).find((m) => m.id === id);
    const rendered = stored?.rendered as { body: string; buttons: Array<{ text: string; payload: string }> };
    assert.match(rendered.body, /^Hola Ana, le recordamos su cita con la Dra\. Ruiz el 3 de junio a las 10:30\./);
    assert.deepEqual(rendered.buttons.map((b) => [b.text, b.payload]), [
      ['Confirmar', 'CONFIRM_APPT_42'],
      ['Reprogramar', 'Reprogramar'],
      ['Cancelar', 'Cancelar'],
    ]);
  });

  test('template to a brand-new number (no window) is allowed and billed', async () => {
    const res = await t.send({ to: '+49 151 2345 6789', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
    assert.equal(res.status, 200);
    assert.equal(res.json.contacts?.[0]?.wa_id, '4915123456789');
    const id = res.json.messages?.[0]?.id ?? '';
    await t.stub.waitFor((r) => r.body.entry[0]?.changes[0]?.value.statuses?.some((s) => s.id === id && s.status === 'sent') ?? false);
    const sent = t.stub.statuses().find((s) => s.id === id);
    assert.equal((sent?.pricing as { type: string }).type, 'regular');
  });

  test('image by uploaded id and by link', async () => {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('file', new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' }), 'x.png');
    const upload = await fetch(`${t.base}/v23.0/106540352242922/media`, { method: 'POST', headers: { authorization: 'Bearer test-access-token' }, body: form });
    const { id: mediaId } = (await upload.json()) as { id: string };
    const byId = await t.send({ to: WA, type: 'image', image: { id: mediaId, caption: 'Your referral letter' } });
    await statusesFor(assertAccepted(byId, WA), ['sent', 'delivered']);
    const byLink = await t.send({ to: WA, type: 'image', image: { link: 'https://example.org/map.png' } });
    await statusesFor(assertAccepted(byLink, WA), ['sent', 'delivered']);
  });

  test('unknown media id is accepted, then fails by webhook with 131053', async () => {
    const res = await t.send({ to: WA, type: 'document', document: { id: '999999999999999', filename: 'x.pdf' } });
    const id = assertAccepted(res, WA);
    const [failed] = await statusesFor(id, ['failed']);
    assert.equal((failed?.errors as Array<{ code: number }>)[0]?.code, 131053);
  });

  test('mark as read with typing indicator → {success:true}; the persona sees blue ticks', async () => {
    const inbound = await t.api('POST', '/inbound', { wa_id: WA, text: 'Are you there?' });
    const res = await t.send({ status: 'read', message_id: inbound.json.id, typing_indicator: { type: 'text' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { success: true });
    const conv = await t.api('GET', `/conversations/${WA}`);
    const stored = (conv.json.messages as Array<Record<string, unknown>>).find((m) => m.id === inbound.json.id);
    assert.equal(stored?.status, 'read');
  });

  test('persona read API → read statuses for delivered messages', async () => {
    const res = await t.send({ to: WA, type: 'text', text: { body: 'See you tomorrow' } });
    const id = assertAccepted(res, WA);
    await statusesFor(id, ['delivered']);
    const read = await t.api('POST', `/personas/${WA}/read`);
    assert.equal(read.status, 200);
    const statuses = await statusesFor(id, ['read']);
    assert.deepEqual(statuses.map((s) => s.status), ['sent', 'delivered', 'read']);
  });

  test('request log records bodies and verdicts', async () => {
    const log = await t.api('GET', '/requests?limit=3');
    const entries = log.json.requests as Array<{ method: string; path: string; verdict: { httpStatus: number } }>;
    assert.equal(entries.length, 3);
    assert.ok(entries.every((e) => e.method === 'POST' && e.path.endsWith('/messages')));
  });
});
