import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMessageEnvelope, buildStatusEnvelope, escapeNonAscii, signWebhookBody, toMetaJson } from './build-webhook-envelope.ts';

const business = { wabaId: '102290129340398', displayPhoneNumber: '15550783881', phoneNumberId: '106540352242922' };

test('signature matches the documented vector for Meta example A (minified, 499 bytes)', () => {
  const body = toMetaJson(
    buildMessageEnvelope(business, { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }, {
      from: '16505551234',
      id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      timestamp: '1749416383',
      type: 'text',
      text: { body: 'Does it come in another color?' },
    }),
  );
  assert.equal(Buffer.byteLength(body), 499);
  assert.equal(signWebhookBody('test_app_secret', body), 'sha256=ded1d1d9621cffa39832ccf2b330fa476b4dc8ec2a5d102e1e554312b3f21d42');
});

test('non-ASCII is hashed in its escaped form (documented unicode vector)', () => {
  const text = "Let's pretend this body is equal to the message object and can handle unicode characters like みどりいろ and J'ai mangé des pâtes";
  assert.equal(signWebhookBody('YOUR_APP_SECRET', escapeNonAscii(text)), 'sha256=0363007aabdf1ab579f35936651a460fb5fa1aaf40df98b1264446b72cc96688');
  assert.equal(toMetaJson({ e: '😮' }), '{"e":"\\ud83d\\ude2e"}');
});

test('failed statuses carry no contacts block; others do', () => {
  const base = { id: 'wamid.x', timestamp: '1750030080', recipient_id: '16505551234' };
  const delivered = buildStatusEnvelope(business, { ...base, status: 'delivered' }, { wa_id: '16505551234', user_id: 'US.1' });
  assert.deepEqual(delivered.entry[0]?.changes[0]?.value.contacts, [{ wa_id: '16505551234', user_id: 'US.1' }]);
  const failed = buildStatusEnvelope(business, { ...base, status: 'failed' }, { wa_id: '16505551234' });
  assert.equal(failed.entry[0]?.changes[0]?.value.contacts, undefined);
  assert.equal(failed.entry[0]?.changes[0]?.field, 'messages');
});
