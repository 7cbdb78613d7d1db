import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signBody, verifySignature } from './verify-signature.ts';

// Meta's documented "inbound text" example, minified (499 bytes), and its signature with
// the app secret `test_app_secret` (vector computed independently with Python's hmac).
const exampleA =
  '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","timestamp":"1749416383","type":"text","text":{"body":"Does it come in another color?"}}]},"field":"messages"}]}]}';

test('accepts the documented test vector and rejects any change', () => {
  const body = Buffer.from(exampleA);
  assert.equal(body.length, 499);
  const header = 'sha256=ded1d1d9621cffa39832ccf2b330fa476b4dc8ec2a5d102e1e554312b3f21d42';
  assert.equal(verifySignature(body, header, 'test_app_secret'), true);
  assert.equal(verifySignature(body, header.toUpperCase().replace('SHA256', 'sha256'), 'test_app_secret'), true);
  assert.equal(verifySignature(body, header, 'another_secret'), false);
  assert.equal(verifySignature(Buffer.from(exampleA.replace('color', 'colour')), header, 'test_app_secret'), false);
});

test('rejects missing and malformed headers', () => {
  const body = Buffer.from(exampleA);
  for (const header of [undefined, '', 'sha256=', 'sha1=abc', 'ded1d1d9621cffa39832ccf2b330fa476b4dc8ec2a5d102e1e554312b3f21d42', 'sha256=zz']) {
    assert.equal(verifySignature(body, header, 'test_app_secret'), false, String(header));
  }
});

test('unicode: Meta signs the \\uXXXX-escaped form; raw UTF-8 bodies are checked that way too', () => {
  const text = "Let's pretend this body is equal to the message object and can handle unicode characters like みどりいろ and J'ai mangé des pâtes";
  const header = 'sha256=0363007aabdf1ab579f35936651a460fb5fa1aaf40df98b1264446b72cc96688';
  assert.equal(verifySignature(Buffer.from(text, 'utf8'), header, 'YOUR_APP_SECRET'), true);
  const escaped = JSON.stringify(text).slice(1, -1);
  assert.equal(verifySignature(Buffer.from(escaped), header, 'YOUR_APP_SECRET'), true);
});

test('signBody produces what verifySignature accepts', () => {
  const body = '{"object":"whatsapp_business_account","entry":[]}';
  assert.equal(verifySignature(Buffer.from(body), signBody(body, 's3cret'), 's3cret'), true);
});
