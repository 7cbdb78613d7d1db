import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphError } from './graph-error.ts';
import { formatPath, parseSendRequest } from './parse-send-request.ts';

const base = { messaging_product: 'whatsapp', to: '+16505551234' };

function errorOf(body: unknown): GraphError {
  try {
    parseSendRequest(body);
  } catch (err) {
    assert.ok(err instanceof GraphError);
    return err;
  }
  assert.fail('expected a GraphError');
}

test('type defaults to text, like Meta', () => {
  const parsed = parseSendRequest({ ...base, text: { body: 'hi' } });
  assert.equal(parsed.kind, 'send');
  assert.equal(parsed.kind === 'send' && parsed.request.type, 'text');
});

test('mark-as-read requests are told apart from sends', () => {
  assert.equal(parseSendRequest({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.x' }).kind, 'read');
  assert.equal(errorOf({ messaging_product: 'whatsapp', status: 'delivered', message_id: 'wamid.x' }).code, 100);
});

test('limits map to 131009 with Meta-style parameter names', () => {
  const list = (rows: Array<{ id: string; title: string; description?: string }>, sections = 1) => ({
    ...base,
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: 'b' },
      action: { button: 'Open', sections: Array.from({ length: sections }, (_, i) => ({ title: `S${i}`, rows: rows.map((r) => ({ ...r, id: `${r.id}${i}` })) })) },
    },
  });
  const row = { id: 'r', title: 'Row' };
  assert.equal(errorOf(list([{ ...row, title: 'x'.repeat(25) }])).details, "Param interactive['action']['sections'][0]['rows'][0]['title'] must be at most 24 characters long.");
  assert.equal(errorOf(list([{ ...row, description: 'x'.repeat(73) }])).code, 131009);
  assert.equal(errorOf(list([row, { id: 'q', title: 'Q' }], 6)).details, "Param interactive['action']['sections'] has 12 rows in total; the maximum is 10");
  assert.equal(errorOf(list([row], 11)).code, 131009);
  assert.equal(errorOf({ ...base, type: 'image', image: { id: '1', caption: 'c'.repeat(1025) } }).code, 131009);
  assert.equal(errorOf({ ...base, type: 'interactive', interactive: { type: 'button', body: { text: 'b'.repeat(1025) }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } } }).code, 131009);
});

test('structural problems map to 100', () => {
  assert.equal(errorOf(null).code, 100);
  assert.equal(errorOf({ ...base, type: 'text', text: { body: 'x', bold: true } }).code, 100);
  assert.equal(errorOf({ ...base, type: 'interactive', interactive: { type: 'list', body: { text: 'b' }, action: { button: 'x', sections: [{ rows: [{ id: 'a', title: 'A' }] }, { rows: [{ id: 'b', title: 'B' }] }] } } }).code, 100);
  assert.equal(errorOf({ ...base, recipient_type: 'group', type: 'text', text: { body: 'x' } }).code, 100);
});

test('formatPath names parameters like Graph does', () => {
  assert.equal(formatPath(['interactive', 'action', 'buttons', 0, 'reply', 'title']), "interactive['action']['buttons'][0]['reply']['title']");
});
