/**
 * Cross-checks the simulator's request validation against Meta's OpenAPI spec (when the shared
 * reference folder is present): every example the simulator accepts must be valid per the spec,
 * and the limit violations it rejects with 131009 must be invalid per the spec too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hasShared, loadSendMessageValidator } from '../test/support/openapi.ts';
import { openWindow, startTestSimulator } from './start-test-simulator.ts';
import type { TestSimulator } from './start-test-simulator.ts';

const WA = '16505551234';
const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${WA}` };

const accepted: Record<string, Record<string, unknown>> = {
  text: { ...base, type: 'text', text: { body: 'Your appointment is confirmed.', preview_url: false } },
  reply: { ...base, type: 'text', text: { body: 'Thanks!' }, context: { message_id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRB' } },
  imageById: { ...base, type: 'image', image: { id: 'MEDIA_ID_PLACEHOLDER', caption: 'Referral letter' } },
  imageByLink: { ...base, type: 'image', image: { link: 'https://example.org/map.png' } },
  documentByLink: { ...base, type: 'document', document: { link: 'https://example.org/summary.pdf', caption: 'Visit summary', filename: 'summary.pdf' } },
  location: { ...base, type: 'location', location: { latitude: '52.5200', longitude: '13.4050', name: 'Hale Clinic', address: 'Unter den Linden 1, Berlin' } },
  list: {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'list',
      header: { type: 'text', text: 'Book an appointment' },
      body: { text: 'Which department?' },
      footer: { text: 'Hale Clinic' },
      action: {
        button: 'Departments',
        sections: [
          { title: 'General', rows: [{ id: 'gp', title: 'General practice', description: 'Check-ups and referrals' }] },
          { title: 'Specialists', rows: [{ id: 'derm', title: 'Dermatology' }] },
        ],
      },
    },
  },
  buttons: {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: 'Keep your appointment?' },
      footer: { text: 'Hale Clinic' },
      action: { buttons: [{ type: 'reply', reply: { id: 'keep', title: 'Keep it' } }, { type: 'reply', reply: { id: 'cancel', title: 'Cancel it' } }] },
    },
  },
  template: {
    ...base,
    type: 'template',
    template: {
      name: 'appointment_reminder',
      language: { code: 'en' },
      components: [
        { type: 'body', parameters: ['Ana', 'Dr. Ruiz', 'June 3', '10:30'].map((text) => ({ type: 'text', text })) },
        { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'CONFIRM_42' }] },
      ],
    },
  },
  helloWorld: { ...base, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
};

const rejected: Record<string, Record<string, unknown>> = {
  elevenRows: {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: 'Pick' },
      action: { button: 'Slots', sections: [{ title: 'Mon', rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })) }] },
    },
  },
  longButtonTitle: {
    ...base,
    type: 'interactive',
    interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] } },
  },
  fourButtons: {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: 'Pick' },
      action: { buttons: ['A', 'B', 'C', 'D'].map((title) => ({ type: 'reply', reply: { id: title, title } })) },
    },
  },
  longRowDescription: {
    ...base,
    type: 'interactive',
    interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Open', sections: [{ rows: [{ id: 'a', title: 'A', description: 'd'.repeat(73) }] }] } },
  },
};

describe('simulator validation agrees with Meta OpenAPI', { skip: hasShared() ? false : 'shared/whatsapp/openapi is absent: skipping the OpenAPI cross-check' }, () => {
  let t: TestSimulator;
  let validate: (body: unknown) => string[];

  before(async () => {
    const loaded = await loadSendMessageValidator();
    assert.ok(loaded, 'validator loads when shared/ exists');
    validate = loaded;
    t = await startTestSimulator();
    await openWindow(t, WA);
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('file', new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' }), 'x.png');
    const res = await fetch(`${t.base}/v23.0/106540352242922/media`, { method: 'POST', headers: { authorization: 'Bearer test-access-token' }, body: form });
    const { id } = (await res.json()) as { id: string };
    (accepted.imageById as { image: { id: string } }).image.id = id;
  });
  after(() => t?.close());

  for (const [name, body] of Object.entries(accepted)) {
    test(`accepted by the simulator and valid per OpenAPI: ${name}`, async () => {
      const res = await t.graph('POST', '/v23.0/106540352242922/messages', body);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.deepEqual(validate(body), []);
    });
  }

  for (const [name, body] of Object.entries(rejected)) {
    test(`rejected with 131009 and invalid per OpenAPI: ${name}`, async () => {
      const res = await t.graph('POST', '/v23.0/106540352242922/messages', body);
      assert.equal(res.json.error?.code, 131009, JSON.stringify(res.json));
      assert.notDeepEqual(validate(body), []);
    });
  }
});
