import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { OutboundReply } from '../../src/core/messages.ts';
import { renderOutbound } from '../../src/adapters/whatsapp/render-outbound.ts';
import { hasShared, loadSendMessageValidator, repairSpecSchemas, sharedDir, sharedPath } from './openapi.ts';

const patient = { waId: '16505551234' };
const validator = hasShared() ? await loadSendMessageValidator() : undefined;

function requireValidator(t: { skip: (message: string) => void }): ((body: unknown) => string[]) | undefined {
  if (validator === undefined) t.skip('shared/ not present');
  return validator;
}

test('shared paths resolve beside the repository', () => {
  assert.match(sharedDir, /[/\\]shared$/);
  assert.equal(sharedPath('whatsapp', 'x.json'), `${sharedDir}/whatsapp/x.json`);
  assert.equal(typeof hasShared(), 'boolean');
});

test('renderOutbound text, list, buttons and template requests are valid per the spec', (t) => {
  const validate = requireValidator(t);
  if (validate === undefined) return;
  const replies: Record<string, OutboundReply> = {
    text: { kind: 'text', text: 'Your appointment is confirmed.', previewUrl: true },
    list: {
      kind: 'choices',
      text: 'Which day suits you?',
      header: 'Book a visit',
      footer: 'Hale Clinic',
      buttonLabel: 'See days',
      choices: [
        { id: 'mon', title: 'Monday', description: '3 slots', section: 'This week' },
        { id: 'tue', title: 'Tuesday', section: 'This week' },
        { id: 'next-mon', title: 'Monday', section: 'Next week' },
      ],
    },
    buttons: { kind: 'choices', text: 'Confirm?', choices: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }, { id: 'call', title: 'Call me' }] },
    template: {
      kind: 'template',
      name: 'appointment_reminder',
      language: 'en_US',
      headerParams: ['Hale Clinic'],
      bodyParams: ['Ana', 'Monday 9:00'],
      quickReplyPayloads: ['CONFIRM:1', 'CANCEL:1'],
    },
  };
  for (const [name, reply] of Object.entries(replies)) {
    assert.deepEqual(validate(renderOutbound(reply, patient)), [], name);
  }
});

test("Meta's own examples for the message kinds Hale sends are valid (the spec repairs are right)", async (t) => {
  const validate = requireValidator(t);
  if (validate === undefined) return;
  const spec = parse(await readFile(sharedPath('whatsapp', 'openapi', 'business-messaging-api_v23.0.yaml'), 'utf8')) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }>;
  };
  const examples = spec.paths['/{Version}/{Phone-Number-ID}/messages']?.post.requestBody.content['application/json']?.examples ?? {};
  const names = [
    'Send Text Message',
    'Send Reply to Text Message',
    'Send List Message',
    'Send Reply Button',
    'Send Message Template Text',
    'Send Sample Shipping Confirmation Template',
    'Send Image Message by ID',
    'Send Document Message by ID',
    'Send Reply to Video Message by ID',
  ];
  for (const name of names) {
    const example = examples[name];
    assert.ok(example !== undefined, `example "${name}" exists`);
    assert.deepEqual(validate(example.value), [], name);
  }
});

test('broken and garbage requests are rejected with readable errors', (t) => {
  const validate = requireValidator(t);
  if (validate === undefined) return;
  const list = renderOutbound(
    { kind: 'choices', text: 'Pick', choices: [{ id: 'a', title: 'A', description: 'first' }] },
    patient,
  ) as unknown as { interactive: Record<string, unknown> };
  const { action: _action, ...withoutAction } = list.interactive;
  assert.deepEqual(validate({ ...list, interactive: withoutAction }), ["/interactive must have required property 'action'"]);

  const text = renderOutbound({ kind: 'text', text: 'Hi' }, patient);
  assert.ok(validate({ ...text, type: 'carrier_pigeon' }).some((error) => error.includes('/type')), 'unknown type');
  assert.ok(validate({ ...text, type: 'image' }).some((error) => error.includes("required property 'image'")), 'type/payload mismatch');
  assert.ok(validate({ ...text, text: { body: 42 } }).some((error) => error.startsWith('/text/body')), 'wrong field type');
  assert.ok(validate({ ...text, surprise: true }).some((error) => error.includes("'surprise'")), 'unknown top-level property');
  assert.ok(validate({ ...text, messaging_product: undefined }).length > 0, 'missing messaging_product');

  const longRow = structuredClone(list);
  const action = longRow.interactive.action as { sections: Array<{ rows: Array<{ title: string }> }> };
  (action.sections[0]?.rows[0] as { title: string }).title = 'x'.repeat(25);
  assert.ok(validate(longRow).some((error) => error.includes('must NOT have more than 24 characters')), 'row title limit');

  const buttons = renderOutbound({ kind: 'choices', text: 'Pick', choices: [{ id: 'a', title: 'A' }] }, patient) as unknown as {
    interactive: { action: { buttons: unknown[] } };
  };
  const four = structuredClone(buttons);
  four.interactive.action.buttons = [1, 2, 3, 4].map((i) => ({ type: 'reply', reply: { id: `b${i}`, title: `B${i}` } }));
  assert.ok(validate(four).length > 0, 'more than 3 buttons');

  const template = renderOutbound({ kind: 'template', name: 't', language: 'en', bodyParams: [], quickReplyPayloads: ['P'] }, patient) as unknown as {
    template: { components: Array<Record<string, unknown>> };
  };
  const noSubType = structuredClone(template);
  delete noSubType.template.components[0]?.sub_type;
  assert.ok(validate(noSubType).some((error) => error.includes("required property 'sub_type'")), 'button component checked via discriminator');

  for (const garbage of [null, 'text', 42, [], {}, { type: 'text' }, { messaging_product: 'whatsapp', to: '1', type: 'text', text: 'hi' }]) {
    assert.ok(validate(garbage).length > 0, `rejects ${JSON.stringify(garbage)}`);
  }
});

test('repairSpecSchemas: allOf branches closed with additionalProperties:false accept their siblings', () => {
  const schemas = repairSpecSchemas({
    Base: { type: 'object', properties: { to: { type: 'string' } } },
    Text: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', additionalProperties: false, properties: { text: {} } }] },
  });
  const closed = (schemas.Text as { allOf: Array<{ properties: Record<string, unknown> }> }).allOf[1];
  assert.deepEqual(Object.keys(closed?.properties ?? {}).sort(), ['text', 'to']);
});
