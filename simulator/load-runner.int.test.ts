import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestSimulator } from './start-test-simulator.ts';
import type { TestSimulator } from './start-test-simulator.ts';

let t: TestSimulator;
before(async () => {
  t = await startTestSimulator();
});
after(() => t.close());

test('load mode: bounded run, in order per persona, reports counts and latencies', async () => {
  const tooBig = await t.api('POST', '/load', { personas: 2_001, messagesPerPersona: 1, ratePerSecond: 10 });
  assert.equal(tooBig.status, 400);
  const started = await t.api('POST', '/load', { personas: 3, messagesPerPersona: 10, ratePerSecond: 300 });
  assert.equal(started.status, 202);
  assert.equal(started.json.state, 'running');
  assert.equal((await t.api('POST', '/load', { personas: 1, messagesPerPersona: 1, ratePerSecond: 1 })).status, 409);
  await t.sim.load.finished();
  const report = await t.api('GET', '/load');
  assert.equal(report.json.state, 'done');
  assert.equal(report.json.sent, 30);
  assert.equal(report.json.answered, 30);
  assert.deepEqual(report.json.byStatus, { '200': 30 });
  const latency = report.json.latencyMs as { p50: number; p99: number; max: number };
  assert.ok(latency.p50 > 0 && latency.p50 <= latency.p99 && latency.p99 <= latency.max);
  for (const waId of ['15559000001', '15559000002', '15559000003']) {
    const texts = t.stub.messages().filter((m) => m.from === waId).map((m) => (m.text as { body: string }).body);
    assert.deepEqual(texts, Array.from({ length: 10 }, (_, i) => `load message ${i + 1}`));
  }
});
