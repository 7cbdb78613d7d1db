import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasShared, sharedPath } from '../../../test/support/openapi.ts';
import { canonicalJson, splitWebhook, type WebhookItem } from './split-webhook.ts';

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };

function textMessage(id: string, from = '16505551234'): Record<string, unknown> {
  return { from, id, timestamp: '1749416383', type: 'text', text: { body: `hello ${id}` } };
}

function envelope(...entries: unknown[]): unknown {
  return { object: 'whatsapp_business_account', entry: entries };
}

function messagesChange(value: Record<string, unknown>): unknown {
  return { field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...value } };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

test('a single text message becomes one message item with its contact', () => {
  const contact = { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' };
  const items = splitWebhook(
    envelope({ id: 'WABA', changes: [messagesChange({ contacts: [contact], messages: [textMessage('wamid.A')] })] }),
  );
  assert.deepEqual(items, [
    {
      kind: 'message',
      dedupeKey: 'msg:wamid.A',
      phoneNumberId: '106540352242922',
      senderKey: `${textMessage('wamid.A').from}|`,
      field: 'messages',
      raw: { field: 'messages', metadata, contact, message: textMessage('wamid.A') },
    },
  ]);
});

test('every entry and every change of a batch is visited (2 entries × 2 changes)', () => {
  const status = { id: 'wamid.OUT', status: 'delivered', timestamp: '1750030080', recipient_id: '16505551234' };
  const body = envelope(
    { id: 'W1', changes: [messagesChange({ messages: [textMessage('wamid.1'), textMessage('wamid.2')] }), messagesChange({ statuses: [status] })] },
    {
      id: 'W2',
      changes: [
        { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 1 } },
        messagesChange({ messages: [textMessage('wamid.3')], statuses: [{ ...status, status: 'read' }] }),
      ],
    },
  );
  const items = splitWebhook(body);
  assert.deepEqual(
    items.map((item) => item.dedupeKey.replace(/[0-9a-f]{64}$/, '<hash>')),
    ['msg:wamid.1', 'msg:wamid.2', 'status:wamid.OUT:delivered', 'other:<hash>', 'msg:wamid.3', 'status:wamid.OUT:read'],
  );
  const template = items[3] as WebhookItem;
  assert.equal(template.field, 'message_template_status_update');
  assert.equal(template.phoneNumberId, undefined);
  assert.deepEqual(template.raw, { event: 'APPROVED', message_template_id: 1 });
  assert.equal(template.dedupeKey, `other:${sha256('{"event":"APPROVED","message_template_id":1}')}`);
  assert.deepEqual((items[2] as WebhookItem).raw, { field: 'messages', metadata, status });
});

test('a malformed message is quarantined while the good ones of the batch are kept', () => {
  const noId = { from: '16505551234', timestamp: '1', type: 'text', text: { body: 'x' } };
  const noType = { from: '16505551234', id: 'wamid.NOTYPE', timestamp: '1' };
  const badStatus = { id: 'wamid.S', timestamp: '1' };
  const body = envelope(
    { id: 'W', changes: [{ field: 'messages', value: { metadata } }, messagesChange({ messages: [textMessage('wamid.OK1'), noId, noType, 'junk', textMessage('wamid.OK2')], statuses: [badStatus] })] },
  );
  const items = splitWebhook(body);
  assert.deepEqual(
    items.filter((item) => item.kind === 'message').map((item) => item.dedupeKey),
    ['msg:wamid.OK1', 'msg:wamid.OK2'],
  );
  const quarantined = items.filter((item) => item.kind === 'quarantined');
  assert.deepEqual(
    quarantined.map((item) => item.quarantineReason),
    [
      'entry[0].changes[1].value.messages[1]: missing id',
      'entry[0].changes[1].value.messages[2]: missing type',
      'entry[0].changes[1].value.messages[3]: expected an object, got a string',
      'entry[0].changes[1].value.statuses[0]: missing status',
    ],
  );
  assert.deepEqual(quarantined[0]?.raw, noId, 'the bad fragment is kept for inspection');
  assert.equal(quarantined[0]?.dedupeKey, `quarantined:${sha256(canonicalJson(noId))}`);
  assert.equal(quarantined[0]?.phoneNumberId, '106540352242922');
  // The first change (metadata only, nothing in it) is kept whole instead of dropped.
  assert.equal(items[0]?.kind, 'other');
  for (const item of items) assert.equal(item.quarantineReason !== undefined, item.kind === 'quarantined');
});

test('value-level errors become one "other" item each, next to the message they came with', () => {
  const error = { code: 131000, title: 'Something went wrong', error_data: { details: 'Unsupported webhook payload' } };
  const items = splitWebhook(envelope({ id: 'W', changes: [messagesChange({ messages: [{ ...textMessage('wamid.E'), type: 'interactive' }], errors: [error, 7] })] }));
  assert.deepEqual(items.map((item) => item.kind), ['message', 'other', 'quarantined']);
  assert.deepEqual(items[1]?.raw, { field: 'messages', metadata, error });
  assert.match(items[1]?.dedupeKey ?? '', /^other:[0-9a-f]{64}$/);
  assert.equal(items[2]?.quarantineReason, 'entry[0].changes[0].value.errors[1]: not an object');
});

test('a non-list messages/statuses fragment is quarantined without losing its siblings', () => {
  const status = { id: 'wamid.OUT', status: 'sent', timestamp: '1' };
  const items = splitWebhook(envelope({ id: 'W', changes: [messagesChange({ messages: { id: 'not-a-list' }, statuses: [status] })] }));
  assert.deepEqual(items.map((item) => item.kind), ['quarantined', 'status']);
  assert.equal(items[0]?.quarantineReason, 'entry[0].changes[0].value.messages: expected an array, got an object');
  assert.deepEqual(items[0]?.raw, { id: 'not-a-list' });
});

test('contacts are matched by wa_id or user_id, else the only contact is used', () => {
  const alice = { profile: { name: 'Alice' }, wa_id: '111' };
  const bob = { profile: { name: 'Bob' }, wa_id: '222', user_id: 'US.222' };
  const bsuidOnly = { id: 'wamid.U', from_user_id: 'US.222', timestamp: '1', type: 'text', text: { body: 'hi' } };
  const stranger = textMessage('wamid.X', '999');
  const items = splitWebhook(
    envelope({ id: 'W', changes: [messagesChange({ contacts: [alice, bob], messages: [textMessage('wamid.B', '222'), textMessage('wamid.A', '111'), bsuidOnly, stranger] })] }),
  );
  const contactOf = (item: WebhookItem | undefined): unknown => (item?.raw as { contact?: unknown }).contact;
  assert.deepEqual(contactOf(items[0]), bob);
  assert.deepEqual(contactOf(items[1]), alice);
  assert.deepEqual(contactOf(items[2]), bob, 'matched by from_user_id when from is absent');
  assert.equal(contactOf(items[3]), undefined, 'no match among several contacts');
  assert.ok(!('contact' in (items[3]?.raw as object)));

  const single = splitWebhook(envelope({ id: 'W', changes: [messagesChange({ contacts: [alice], messages: [stranger] })] }));
  assert.deepEqual(contactOf(single[0]), alice, 'a single contact is used even without a match');
});

test('non-WhatsApp bodies and garbage never throw and become exactly one quarantined item', () => {
  let deep: unknown = 'bottom';
  for (let i = 0; i < 100_000; i++) deep = { x: deep };
  const cyclic: Record<string, unknown> = { object: 'whatsapp_business_account' };
  cyclic.entry = [cyclic];
  const inputs: unknown[] = [
    null,
    undefined,
    42,
    'a string',
    [],
    [{ object: 'whatsapp_business_account', entry: [] }],
    {},
    { object: 'page', entry: [] },
    { object: 'whatsapp_business_account' },
    { object: 'whatsapp_business_account', entry: 'nope' },
    deep,
    10n,
  ];
  for (const input of inputs) {
    const items = splitWebhook(input);
    assert.equal(items.length, 1, `one item for ${typeof input}`);
    assert.equal(items[0]?.kind, 'quarantined');
    assert.match(items[0]?.dedupeKey ?? '', /^quarantined:[0-9a-f]{64}$/);
    assert.ok((items[0]?.quarantineReason ?? '').length > 0);
  }
  assert.equal(splitWebhook(null)[0]?.quarantineReason, 'not a WhatsApp Business Account webhook: expected an object, got null');
  assert.equal(splitWebhook({ object: 'page', entry: [] })[0]?.quarantineReason, 'not a WhatsApp Business Account webhook: object must be "whatsapp_business_account"');
  // Garbage inside a valid envelope: entries and changes are quarantined one by one.
  const nested = splitWebhook(envelope(null, { changes: 'x' }, { changes: [5, { field: 'messages', value: [] }, { field: 'messages', value: deep }, { field: 'calls', value: deep }] }, cyclic));
  assert.deepEqual(
    nested.map((item) => item.kind),
    ['quarantined', 'quarantined', 'quarantined', 'quarantined', 'other', 'other', 'quarantined'],
  );
  assert.equal(nested[3]?.quarantineReason, 'entry[2].changes[1].value: expected an object, got an array');
  assert.deepEqual(splitWebhook(envelope()), [], 'an empty batch has no items');
});

test('a 1000-message batch is split completely and quickly', () => {
  const messages = Array.from({ length: 1000 }, (_, i) => textMessage(`wamid.${i}`));
  const started = performance.now();
  const items = splitWebhook(envelope({ id: 'W', changes: [messagesChange({ messages })] }));
  assert.ok(performance.now() - started < 1000);
  assert.equal(items.length, 1000);
  assert.equal(new Set(items.map((item) => item.dedupeKey)).size, 1000);
});

test('identical retried bodies give identical dedupe keys; key order does not matter', () => {
  const a = splitWebhook(envelope({ id: 'W', changes: [{ field: 'account_update', value: { event: 'X', info: { b: 1, a: [1, 2] } } }] }));
  const b = splitWebhook(envelope({ id: 'W', changes: [{ value: { info: { a: [1, 2], b: 1 }, event: 'X' }, field: 'account_update' }] }));
  assert.equal(a[0]?.dedupeKey, b[0]?.dedupeKey);
  assert.equal(canonicalJson({ b: [1, { d: null, c: 'é' }], a: true, u: undefined }), '{"a":true,"b":[1,{"c":"é","d":null}]}');
});

test('every pywa fixture case splits without quarantine and as expected', (t) => {
  if (!hasShared()) {
    t.skip('shared/ not present');
    return;
  }
  const dir = sharedPath('whatsapp', 'fixtures', 'pywa');
  const kinds = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const cases = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Record<string, unknown>;
    for (const [name, body] of Object.entries(cases)) {
      const items = splitWebhook(body);
      assert.ok(items.length > 0, `${file} ${name}`);
      for (const item of items) {
        assert.notEqual(item.kind, 'quarantined', `${file} ${name}: ${item.quarantineReason}`);
        assert.match(item.dedupeKey, /^(msg:.+|status:.+:[a-z]+|other:[0-9a-f]{64})$/);
      }
      kinds.set(`${file} ${name}`, items.map((item) => item.kind));
    }
  }
  assert.deepEqual(kinds.get('message.json text'), ['message']);
  assert.deepEqual(kinds.get('message.json interactive_message_with_err'), ['message', 'other']);
  assert.deepEqual(kinds.get('message_status.json failed'), ['status']);
  assert.deepEqual(kinds.get('system.json phone_number_change'), ['message']);
  assert.deepEqual(kinds.get('outgoing_message.json text'), ['other']);
  assert.deepEqual(kinds.get('user_marketing_preferences.json resume'), ['other']);
  assert.deepEqual(kinds.get('call_status.json call_status'), ['other'], 'call statuses are not message statuses');
  assert.deepEqual(kinds.get('account_update.json account_deleted'), ['other']);
  assert.ok(kinds.size >= 60);
});
