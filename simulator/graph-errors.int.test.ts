import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { openWindow, startTestSimulator, TEST_PHONE_ID } from './start-test-simulator.ts';
import type { GraphJson, TestSimulator } from './start-test-simulator.ts';

const WA = '34600111222';
let t: TestSimulator;

before(async () => {
  t = await startTestSimulator();
});
after(() => t.close());
beforeEach(async () => {
  await t.api('POST', '/reset');
  await t.api('POST', '/config', { mps: 80, pairLimit: { capacity: 45, refillPerSecond: 7.5 } });
  await openWindow(t, WA);
});

function assertGraphError(res: { status: number; json: GraphJson }, httpStatus: number, code: number, detailsPattern?: RegExp) {
  assert.equal(res.status, httpStatus, JSON.stringify(res.json));
  const error = res.json.error;
  assert.ok(error, 'has an error object');
  assert.equal(error.code, code);
  assert.equal(error.type, 'OAuthException');
  assert.equal(typeof error.message, 'string');
  assert.match(error.fbtrace_id, /^[A-Za-z0-9_-]{10,}$/);
  assert.equal(error.error_data?.messaging_product, 'whatsapp');
  if (detailsPattern) assert.match(error.error_data?.details ?? '', detailsPattern);
}

const text = (body = 'Hello') => ({ to: WA, type: 'text', text: { body } });
const buttons = (titles: string[]) => ({
  to: WA,
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Pick one' },
    action: { buttons: titles.map((title, i) => ({ type: 'reply', reply: { id: `b${i}`, title } })) },
  },
});
const list = (rows: number) => ({
  to: WA,
  type: 'interactive',
  interactive: {
    type: 'list',
    body: { text: 'Pick a slot' },
    action: { button: 'Slots', sections: [{ title: 'Monday', rows: Array.from({ length: rows }, (_, i) => ({ id: `slot${i}`, title: `09:${10 + i}` })) }] },
  },
});

describe('Graph API errors like Meta', () => {
  test('190: wrong or missing bearer token → 401', async () => {
    assertGraphError(await t.graph('POST', `/v23.0/${TEST_PHONE_ID}/messages`, text(), 'wrong-token'), 401, 190);
    assertGraphError(await t.graph('POST', `/v23.0/${TEST_PHONE_ID}/messages`, text(), null), 401, 190);
    assertGraphError(await t.graph('GET', '/v23.0/123456', undefined, null), 401, 190);
  });

  test('100: unknown phone number id (subcode 33), bad JSON, missing field, unknown type', async () => {
    const unknown = await t.graph('POST', '/v23.0/999/messages', { messaging_product: 'whatsapp', ...text() });
    assertGraphError(unknown, 400, 100);
    assert.equal(unknown.json.error?.error_subcode, 33);
    assertGraphError(await t.graph('POST', `/v23.0/${TEST_PHONE_ID}/messages`, '{"messaging_product": "whats'), 400, 100);
    assertGraphError(await t.send({ to: WA, type: 'text', text: {} }), 400, 100, /text\['body'\] is required/);
    assertGraphError(await t.send({ to: WA, type: 'carousel' }), 400, 100, /Param type/);
    assertGraphError(await t.graph('POST', `/v23.0/${TEST_PHONE_ID}/messages`, { to: WA, type: 'text', text: { body: 'x' } }), 400, 100, /messaging_product/);
    assertGraphError(await t.send({ to: WA, type: 'image', image: { id: '1', link: 'https://example.org/a.png' } }), 400, 100, /exactly one of id or link/);
  });

  test('131009: 11 list rows, 21-char button title, duplicate titles, 4 buttons, 4097-char text', async () => {
    assertGraphError(await t.send(list(11)), 400, 131009, /rows'\] must have at most 10 items/);
    assertGraphError(await t.send(buttons(['x'.repeat(21)])), 400, 131009, /\['title'\] must be at most 20 characters/);
    assertGraphError(await t.send(buttons(['Yes', 'yes'])), 400, 131009, /unique/);
    assertGraphError(await t.send(buttons(['A', 'B', 'C', 'D'])), 400, 131009, /at most 3 items/);
    assertGraphError(await t.send(text('x'.repeat(4097))), 400, 131009, /at most 4096 characters/);
    const ok = await t.send(list(10));
    assert.equal(ok.status, 200);
  });

  test('131047: free-form after the persona was silent for 25 h; a template still goes', async () => {
    const rewind = await t.api('POST', `/personas/${WA}/rewind`, { hours: 25 });
    assert.equal(rewind.status, 200);
    assertGraphError(await t.send(text()), 400, 131047, /24 hours/);
    const template = await t.send({ to: WA, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
    assert.equal(template.status, 200);
    await openWindow(t, WA);
    assert.equal((await t.send(text())).status, 200);
  });

  test('131047 by status webhook when windowErrorMode is "status"', async () => {
    await t.api('POST', `/personas/${WA}/rewind`, { hours: 30 });
    await t.api('POST', '/config', { windowErrorMode: 'status' });
    const res = await t.send(text());
    await t.api('POST', '/config', { windowErrorMode: 'sync' });
    assert.equal(res.status, 200);
    const id = res.json.messages?.[0]?.id;
    const hit = await t.stub.waitFor((r) => r.body.entry[0]?.changes[0]?.value.statuses?.some((s) => s.id === id && s.status === 'failed') ?? false);
    const failed = hit.body.entry[0]?.changes[0]?.value.statuses?.[0];
    assert.equal((failed?.errors as Array<{ code: number }>)[0]?.code, 131047);
  });

  test('132001: unknown template name or language; 132000: wrong parameter count', async () => {
    assertGraphError(await t.send({ to: WA, type: 'template', template: { name: 'no_such_template', language: { code: 'en' } } }), 400, 132001);
    assertGraphError(await t.send({ to: WA, type: 'template', template: { name: 'appointment_reminder', language: { code: 'fr' } } }), 400, 132001);
    const oneParam = { type: 'body', parameters: [{ type: 'text', text: 'Ana' }] };
    assertGraphError(
      await t.send({ to: WA, type: 'template', template: { name: 'appointment_reminder', language: { code: 'en' }, components: [oneParam] } }),
      400,
      132000,
      /localizable_params \(1\) does not match the expected number of params \(4\)/,
    );
  });

  test('130429: above the configured messages per second', async () => {
    await t.api('POST', '/config', { mps: 2 });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await t.send(text(`burst ${i}`)));
    assert.deepEqual(results.map((r) => r.status), [200, 200, 429, 429]);
    assertGraphError(results[2] as { status: number; json: GraphJson }, 429, 130429);
  });

  test('131056: above the pair rate for one recipient, other recipients unaffected', async () => {
    await t.api('POST', '/config', { pairLimit: { capacity: 3, refillPerSecond: 1 / 6 } });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await t.send(text(`pair ${i}`))).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assertGraphError(await t.send(text('again')), 429, 131056);
    await openWindow(t, '34600999888');
    assert.equal((await t.send({ to: '34600999888', type: 'text', text: { body: 'hi' } })).status, 200);
  });

  test('131026: undeliverable persona → accepted, then a failed status without contacts', async () => {
    await t.api('POST', '/personas', { wa_id: WA, undeliverable: true });
    const res = await t.send(text());
    assert.equal(res.status, 200);
    const id = res.json.messages?.[0]?.id;
    const hit = await t.stub.waitFor((r) => r.body.entry[0]?.changes[0]?.value.statuses?.some((s) => s.id === id) ?? false);
    const value = hit.body.entry[0]?.changes[0]?.value;
    assert.equal(value?.contacts, undefined);
    const failed = value?.statuses?.[0];
    assert.equal(failed?.status, 'failed');
    const error = (failed?.errors as Array<{ code: number; title: string; message: string; error_data: { details: string }; href: string }>)[0];
    assert.equal(error?.code, 131026);
    assert.equal(error?.title, 'Message undeliverable');
    assert.ok(error?.error_data.details);
    const conv = await t.api('GET', `/conversations/${WA}`);
    const stored = (conv.json.messages as Array<Record<string, unknown>>).find((m) => m.id === id);
    assert.equal(stored?.status, 'failed');
    assert.equal((stored?.error as { code: number }).code, 131026);
  });

  test('fault injection: next N sends fail with the given code, then sends succeed again', async () => {
    const created = await t.api('POST', '/faults', { code: 131000, count: 2 });
    assert.equal(created.status, 201);
    assertGraphError(await t.send(text('1')), 500, 131000);
    assertGraphError(await t.send(text('2')), 500, 131000);
    assert.equal((await t.send(text('3'))).status, 200);
    await t.api('POST', '/faults', { code: 130429, count: 1 });
    assertGraphError(await t.send(text('4')), 429, 130429, /Injected/);
    const log = await t.api('GET', '/requests?limit=4');
    const verdicts = (log.json.requests as Array<{ verdict: { httpStatus: number; code?: number } }>).map((r) => r.verdict.code ?? r.verdict.httpStatus);
    assert.deepEqual(verdicts, [131000, 131000, 200, 130429]);
  });

  test('API input errors are 400 with a message, never a crash', async () => {
    const res = await fetch(`${t.base}/simulator/api/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"wa_id": ' });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /JSON/);
    const bad = await t.api('POST', '/inbound', { wa_id: 'abc', text: 'x' });
    assert.equal(bad.status, 400);
    assert.match(String(bad.json.error), /wa_id/);
    assert.equal((await t.api('POST', '/personas/123456789/rewind', { hours: 1 })).status, 404);
    assert.equal((await t.api('POST', '/faults', { code: 'x' })).status, 400);
  });
});
