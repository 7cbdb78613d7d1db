import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { InboundContent, InboundMessage, StatusUpdate } from '../../core/messages.ts';
import { hasShared, sharedPath } from '../../../test/support/openapi.ts';
import { splitWebhook } from './split-webhook.ts';
import { toInboundMessage, toStatusUpdate } from './to-inbound-message.ts';

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
const contact = { profile: { name: 'Sheena Nelson', username: 'sheena' }, wa_id: '16505551234', user_id: 'US.134' };

/** `withContact: null` leaves the contact out (system messages have none). */
function raw(message: Record<string, unknown>, withContact: unknown = contact): unknown {
  return { field: 'messages', metadata, ...(withContact === null ? {} : { contact: withContact }), message };
}

function base(type: string, extra: Record<string, unknown>): Record<string, unknown> {
  return { from: '16505551234', id: 'wamid.IN', timestamp: '1749416383', type, ...extra };
}

function ok(rawItem: unknown): InboundMessage {
  const result = toInboundMessage(rawItem);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.message;
}

function content(type: string, extra: Record<string, unknown>): InboundContent {
  return ok(raw(base(type, extra))).content;
}

test('a text message maps sender, business number, time and body', () => {
  assert.deepEqual(ok(raw(base('text', { text: { body: 'Does it come in another color?' } }))), {
    channel: 'whatsapp',
    providerMessageId: 'wamid.IN',
    channelAccountId: '106540352242922',
    from: { waId: '16505551234', userId: 'US.134', profileName: 'Sheena Nelson', username: 'sheena' },
    sentAt: 1_749_416_383_000,
    content: { kind: 'text', text: 'Does it come in another color?' },
  });
});

test('2026 username users: from may be absent, from_user_id identifies the sender', () => {
  const message = { id: 'wamid.U', from_user_id: 'US.999', timestamp: '1', type: 'text', text: { body: 'hi' } };
  assert.deepEqual(ok(raw(message, { user_id: 'US.999', profile: { name: 'X', username: 'xuser' } })).from, {
    userId: 'US.999',
    profileName: 'X',
    username: 'xuser',
  });
  assert.deepEqual(ok(raw(message, null)).from, { userId: 'US.999' });
  const fromContactOnly = { id: 'wamid.C', timestamp: '1', type: 'text', text: { body: 'hi' } };
  assert.deepEqual(ok(raw(fromContactOnly, { wa_id: '555' })).from, { waId: '555' });
});

test('refuses items that cannot become a message at all', () => {
  const noSender = toInboundMessage(raw({ id: 'wamid.N', timestamp: '1', type: 'text', text: { body: 'x' } }, null));
  assert.deepEqual(noSender, { ok: false, reason: 'message has no sender (no from, from_user_id or contact id)' });
  assert.deepEqual(toInboundMessage({ metadata: {}, message: base('text', {}) }), { ok: false, reason: 'missing metadata.phone_number_id' });
  assert.equal(toInboundMessage(raw({ ...base('text', {}), timestamp: 'yesterday' })).ok, false);
  for (const garbage of [null, 'x', [], {}, { message: null }]) assert.equal(toInboundMessage(garbage).ok, false);
});

test('media types keep id, mime type, hash, caption, filename, voice and animated flags', () => {
  const sha256 = 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=';
  assert.deepEqual(content('image', { image: { caption: 'Rash', mime_type: 'image/jpeg', sha256, id: '1003', url: 'https://lookaside.fbsbx.com/x' } }), {
    kind: 'media', mediaType: 'image', providerMediaId: '1003', mimeType: 'image/jpeg', sha256, caption: 'Rash',
  });
  assert.deepEqual(content('document', { document: { filename: 'lab.pdf', mime_type: 'application/pdf', sha256, id: '7' } }), {
    kind: 'media', mediaType: 'document', providerMediaId: '7', mimeType: 'application/pdf', sha256, filename: 'lab.pdf',
  });
  assert.deepEqual(content('audio', { audio: { mime_type: 'audio/ogg; codecs=opus', sha256, id: '8', voice: true } }), {
    kind: 'media', mediaType: 'audio', providerMediaId: '8', mimeType: 'audio/ogg; codecs=opus', sha256, voice: true,
  });
  assert.deepEqual(content('sticker', { sticker: { mime_type: 'image/webp', sha256, id: '9', animated: true } }), {
    kind: 'media', mediaType: 'sticker', providerMediaId: '9', mimeType: 'image/webp', sha256, animated: true,
  });
  assert.deepEqual(content('video', { video: { mime_type: 'video/mp4', id: '10' } }), {
    kind: 'media', mediaType: 'video', providerMediaId: '10', mimeType: 'video/mp4',
  });
  assert.deepEqual(content('image', { image: { mime_type: 'image/png' } }), {
    kind: 'unsupported', providerType: 'image', reason: 'image payload is invalid: missing id',
  });
});

test('location, shared contacts, order and reactions', () => {
  assert.deepEqual(content('location', { location: { latitude: 37.46, longitude: -122.21, name: 'Clinic', address: '1 Main St' } }), {
    kind: 'location', latitude: 37.46, longitude: -122.21, name: 'Clinic', address: '1 Main St',
  });
  assert.deepEqual(content('location', { location: { latitude: '12.5', longitude: '-3' } }), { kind: 'location', latitude: 12.5, longitude: -3 });
  assert.deepEqual(
    content('contacts', {
      contacts: [
        { name: { formatted_name: 'Chandler Bing' }, phones: [{ phone: '+1 555', wa_id: '1555', type: 'CELL' }, { wa_id: '1666' }] },
        { name: { first_name: 'Rachel', last_name: 'Green' } },
      ],
    }),
    { kind: 'contacts', contacts: [{ name: 'Chandler Bing', phones: ['+1 555', '1666'] }, { name: 'Rachel Green', phones: [] }] },
  );
  assert.deepEqual(
    content('order', { order: { catalog_id: 'C1', text: 'asap', product_items: [{ product_retailer_id: 'P', quantity: 2, item_price: 9.5, currency: 'EUR' }] } }),
    { kind: 'order', catalogId: 'C1', text: 'asap', items: [{ productId: 'P', quantity: 2, itemPrice: 9.5, currency: 'EUR' }] },
  );
  assert.deepEqual(content('reaction', { reaction: { message_id: 'wamid.T', emoji: '👍' } }), { kind: 'reaction', targetProviderMessageId: 'wamid.T', emoji: '👍' });
  assert.deepEqual(content('reaction', { reaction: { message_id: 'wamid.T', emoji: '' } }), { kind: 'reaction', targetProviderMessageId: 'wamid.T', emoji: null });
  assert.deepEqual(content('reaction', { reaction: { message_id: 'wamid.T' } }), { kind: 'reaction', targetProviderMessageId: 'wamid.T', emoji: null });
});

test('interactive replies and template quick replies become choices; flows become form replies', () => {
  assert.deepEqual(content('interactive', { interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } }), {
    kind: 'choice', choiceId: 'yes', title: 'Yes', source: 'button',
  });
  assert.deepEqual(
    content('interactive', { interactive: { type: 'list_reply', list_reply: { id: 'slot-9', title: 'Mon 9:00', description: 'Dr Ruiz' } } }),
    { kind: 'choice', choiceId: 'slot-9', title: 'Mon 9:00', description: 'Dr Ruiz', source: 'list' },
  );
  assert.deepEqual(content('button', { button: { payload: 'CONFIRM_42', text: 'Confirm' }, context: { from: '1555', id: 'wamid.TPL' } }), {
    kind: 'choice', choiceId: 'CONFIRM_42', title: 'Confirm', source: 'template_button',
  });
  assert.deepEqual(content('interactive', { interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{"a":1}', body: 'Sent', name: 'flow' } } }), {
    kind: 'form_reply', name: 'flow', body: 'Sent', responseJson: '{"a":1}',
  });
  assert.deepEqual(content('interactive', {}), { kind: 'unsupported', providerType: 'interactive', reason: 'interactive message has no interactive object' });
  assert.deepEqual(content('interactive', { interactive: { type: 'call_permission_reply', call_permission_reply: {} } }), {
    kind: 'unsupported', providerType: 'interactive.call_permission_reply', reason: 'interactive reply type "call_permission_reply" is not handled by Hale',
  });
  assert.equal(content('interactive', { interactive: { type: 'button_reply', button_reply: { id: 'x' } } }).kind, 'unsupported');
});

test('system messages: number change and identity change', () => {
  const changed = ok(raw({ from: '111', id: 'wamid.S', timestamp: '1', type: 'system', system: { body: 'User A changed from 111 to 222', wa_id: '222', type: 'user_changed_number' } }, null));
  assert.deepEqual(changed.content, { kind: 'system', event: 'number_changed', body: 'User A changed from 111 to 222', newWaId: '222' });
  assert.deepEqual(changed.from, { waId: '111' });
  assert.deepEqual(content('system', { system: { body: 'User identity changed', type: 'customer_identity_changed' } }), {
    kind: 'system', event: 'identity_changed', body: 'User identity changed',
  });
  assert.deepEqual(content('system', { system: { type: 'something_new' } }), { kind: 'system', event: 'other' });
});

test('edits carry the new content normalized; revokes name the deleted message', () => {
  assert.deepEqual(
    content('edit', { edit: { original_message_id: 'wamid.OLD', message: { context: { id: 'M0' }, type: 'text', text: { body: 'fixed typo' } } } }),
    { kind: 'edit', targetProviderMessageId: 'wamid.OLD', content: { kind: 'text', text: 'fixed typo' } },
  );
  assert.deepEqual(
    content('edit', { edit: { original_message_id: 'wamid.OLD', message: { type: 'edit', edit: { original_message_id: 'x', message: { type: 'text' } } } } }),
    { kind: 'edit', targetProviderMessageId: 'wamid.OLD', content: { kind: 'unsupported', providerType: 'edit', reason: 'an edit of an edit is not supported' } },
  );
  assert.deepEqual(content('revoke', { revoke: { original_message_id: 'wamid.OLD' } }), { kind: 'revoke', targetProviderMessageId: 'wamid.OLD' });
});

test('unsupported keeps the error code and type; unknown types become unsupported with a reason', () => {
  const errors = [{ code: 131051, title: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }];
  assert.deepEqual(content('unsupported', { errors, unsupported: { type: 'poll_update' } }), {
    kind: 'unsupported', providerType: 'poll_update', errorCode: 131051, reason: 'Message type is currently not supported.',
  });
  assert.deepEqual(content('unsupported', {}), { kind: 'unsupported', reason: 'WhatsApp could not show this message type' });
  assert.deepEqual(content('hologram', { hologram: {} }), { kind: 'unsupported', providerType: 'hologram', reason: 'message type "hologram" is not handled by Hale' });
});

test('context: replies, forwards; referral from a click-to-WhatsApp ad', () => {
  const reply = ok(raw(base('text', { text: { body: 'yes' }, context: { from: '1555', id: 'wamid.PREV' } })));
  assert.equal(reply.replyToProviderMessageId, 'wamid.PREV');
  assert.equal(reply.forwarded, undefined);
  assert.equal(ok(raw(base('text', { text: { body: 'f' }, context: { forwarded: true } }))).forwarded, 'once');
  assert.equal(ok(raw(base('text', { text: { body: 'f' }, context: { frequently_forwarded: true } }))).forwarded, 'many');
  const referral = { source_url: 'https://fb.me/ad', source_id: 'AD1', source_type: 'ad', headline: 'Flu shots', body: 'Book now', ctwa_clid: 'C' };
  assert.deepEqual(ok(raw(base('text', { text: { body: 'hi' }, referral }))).referral, {
    sourceType: 'ad', sourceId: 'AD1', sourceUrl: 'https://fb.me/ad', headline: 'Flu shots', body: 'Book now',
  });
});

function statusRaw(status: Record<string, unknown>): unknown {
  return { field: 'messages', metadata, status };
}

test('statuses map time, recipient, error and callback data', () => {
  const failed = toStatusUpdate(
    statusRaw({
      id: 'wamid.OUT', status: 'failed', timestamp: '1751142888', recipient_id: '16505551234', recipient_user_id: 'US.1',
      biz_opaque_callback_data: 'outbox:42',
      errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours have passed' } }],
    }),
  );
  const expected: StatusUpdate = {
    channel: 'whatsapp', providerMessageId: 'wamid.OUT', channelAccountId: '106540352242922', status: 'failed', at: 1_751_142_888_000,
    recipient: { waId: '16505551234', userId: 'US.1' },
    error: { code: 131047, title: 'Re-engagement message', detail: 'More than 24 hours have passed' },
    callbackData: 'outbox:42',
  };
  assert.deepEqual(failed, { ok: true, status: expected });
  const delivered = toStatusUpdate(statusRaw({ id: 'wamid.OUT', status: 'delivered', timestamp: '1', recipient_user_id: 'US.1' }));
  assert.deepEqual(delivered.ok && delivered.status.recipient, { userId: 'US.1' });
  const group = toStatusUpdate(statusRaw({ id: 'w', status: 'read', timestamp: '1', recipient_id: 'GROUP', recipient_type: 'group', recipient_participant_id: '555' }));
  assert.deepEqual(group.ok && group.status.recipient, { waId: '555' });
  const unknown = toStatusUpdate(statusRaw({ id: 'w', status: 'deleted', timestamp: '1' }));
  assert.equal(unknown.ok, false);
  assert.match(unknown.ok ? '' : unknown.reason, /^status\.status: /);
  assert.deepEqual(toStatusUpdate(null).ok, false);
});

test('every pywa fixture message and status maps as expected', (t) => {
  if (!hasShared()) {
    t.skip('shared/ not present');
    return;
  }
  const dir = sharedPath('whatsapp', 'fixtures', 'pywa');
  const messages = new Map<string, InboundMessage>();
  const statuses = new Map<string, StatusUpdate>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const cases = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Record<string, unknown>;
    for (const [name, body] of Object.entries(cases)) {
      for (const item of splitWebhook(body)) {
        if (item.kind === 'message') {
          const result = toInboundMessage(item.raw);
          assert.ok(result.ok, `${file} ${name}: ${result.ok ? '' : result.reason}`);
          messages.set(`${file} ${name}`, result.message);
        } else if (item.kind === 'status') {
          const result = toStatusUpdate(item.raw);
          assert.ok(result.ok, `${file} ${name}: ${result.ok ? '' : result.reason}`);
          statuses.set(`${file} ${name}`, result.status);
        }
      }
    }
  }
  const kindOf = (key: string): string | undefined => messages.get(key)?.content.kind;
  const expectedKinds: Record<string, string> = {
    'message.json text': 'text', 'message.json image': 'media', 'message.json media_with_url': 'media', 'message.json video': 'media',
    'message.json document': 'media', 'message.json audio': 'media', 'message.json voice': 'media', 'message.json static_sticker': 'media',
    'message.json animated_sticker': 'media', 'message.json reaction': 'reaction', 'message.json unreaction_empty': 'reaction',
    'message.json unreaction_no_emoji': 'reaction', 'message.json current_location': 'location', 'message.json chosen_location': 'location',
    'message.json contacts': 'contacts', 'message.json order': 'order', 'message.json unsupported': 'unsupported',
    'message.json unsupported_with_type': 'unsupported', 'message.json reply': 'text', 'message.json forwarded': 'text',
    'message.json forwarded_many_times': 'text', 'message.json interactive_message_with_err': 'unsupported', 'message.json referral': 'text',
    'callback_button.json button': 'choice', 'callback_button.json quick_reply': 'choice', 'callback_button.json quick_reply_without_context': 'choice',
    'callback_selection.json callback': 'choice', 'callback_selection.json description': 'choice', 'flow_completion.json completion': 'form_reply',
    'flow_completion.json without_flow_token': 'form_reply', 'system.json phone_number_change': 'system', 'system.json identity_change': 'system',
    'edited_message.json image': 'edit', 'deleted_message.json revoke': 'revoke', 'call_permission_update.json accept': 'unsupported',
    'call_permission_update.json reject': 'unsupported',
  };
  for (const [key, kind] of Object.entries(expectedKinds)) assert.equal(kindOf(key), kind, key);
  assert.equal(messages.size, Object.keys(expectedKinds).length, 'no fixture message left unchecked');

  assert.deepEqual(messages.get('message.json voice')?.content, {
    kind: 'media', mediaType: 'audio', providerMediaId: '1234567890987654321', mimeType: 'audio/ogg; codecs=opus',
    sha256: 'm04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=', voice: true,
  });
  assert.equal((messages.get('message.json document')?.content as { filename?: string }).filename, 'filename.pdf');
  assert.equal((messages.get('message.json animated_sticker')?.content as { animated?: boolean }).animated, true);
  assert.equal((messages.get('message.json unreaction_no_emoji')?.content as { emoji: string | null }).emoji, null);
  assert.deepEqual(messages.get('message.json unsupported_with_type')?.content, {
    kind: 'unsupported', providerType: 'pool', errorCode: 131051, reason: 'Message type is currently not supported.',
  });
  assert.deepEqual(messages.get('callback_button.json quick_reply')?.content, { kind: 'choice', choiceId: 'callback_data', title: 'title', source: 'template_button' });
  assert.deepEqual(messages.get('callback_button.json quick_reply_without_context')?.from, {
    waId: '972987654321', userId: 'US.13491208655302741918', profileName: 'Test Name',
  });
  assert.deepEqual(messages.get('system.json phone_number_change')?.content, {
    kind: 'system', event: 'number_changed', body: 'User A changed from 972987654321 to 972912345678', newWaId: '972912345678',
  });
  const edit = messages.get('edited_message.json image')?.content;
  assert.equal(edit?.kind === 'edit' && edit.content.kind, 'media');
  assert.equal(messages.get('message.json forwarded_many_times')?.forwarded, 'many');
  assert.equal(messages.get('message.json reply')?.replyToProviderMessageId, 'wamid.xyzxyz==');
  assert.equal(messages.get('message.json referral')?.referral?.sourceId, 'ADID');
  assert.equal(messages.get('message.json text')?.sentAt, 1_697_043_223_000);

  assert.deepEqual([...statuses.keys()].map((key) => statuses.get(key)?.status), ['sent', 'delivered', 'read', 'played', 'failed', 'sent', 'read']);
  assert.deepEqual(statuses.get('message_status.json failed')?.error, {
    code: 130472, title: "User's number is part of an experiment", detail: "Failed to send message because this user's phone number is part of an experiment",
  });
  assert.equal(statuses.get('message_status.json with_tracker')?.callbackData, 'some data');
});
