import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { createInboundPipeline, sendInOrder, type EventSteps } from './inbound-pipeline.ts';
import type { SendOutcome } from './send-outbound.ts';

const log = pino({ level: 'silent' });

function fakeSteps(overrides: Partial<EventSteps> = {}) {
  const calls: string[] = [];
  const later: Array<{ ids: string[]; seconds: number }> = [];
  let active = 0;
  let maxActive = 0;
  const steps: EventSteps = {
    async processEvent(eventId) {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 2));
      active -= 1;
      calls.push(`process ${eventId}`);
      return eventId < 0 ? undefined : { patientId: `p${eventId}` };
    },
    async processStatuses(eventIds) {
      calls.push(`statuses ${eventIds.join(',')}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { later: eventIds.filter((id) => id >= 900) };
    },
    async runAssistant(patientId) {
      calls.push(`assistant ${patientId}`);
      return { replies: [`${patientId}-r1`, `${patientId}-r2`], markRead: `wamid.${patientId}` };
    },
    async send(id) {
      calls.push(`send ${id}`);
      return 'accepted';
    },
    async sendLater(ids, seconds) {
      later.push({ ids, seconds });
    },
    async markRead(id) {
      calls.push(`read ${id}`);
    },
    log,
    ...overrides,
  };
  return { steps, calls, later, maxActive: () => maxActive };
}

test('each event is recorded, answered, its replies sent in order, then marked read; concurrency is bounded', async () => {
  const fake = fakeSteps();
  const overflow: number[] = [];
  const pipeline = createInboundPipeline(fake.steps, { concurrency: 3, maxWaiting: 100, overflow: (ids) => overflow.push(...ids) });
  pipeline.submit([1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, kind: 'message' as const })));
  assert.equal(pipeline.size(), 7);
  await pipeline.drain();
  assert.equal(pipeline.size(), 0);
  assert.deepEqual(overflow, []);
  assert.equal(fake.maxActive(), 3);
  for (let n = 1; n <= 7; n++) {
    const order = [`process ${n}`, `assistant p${n}`, `send p${n}-r1`, `send p${n}-r2`, `read wamid.p${n}`].map((c) => fake.calls.indexOf(c));
    assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)), `event ${n}: ${order.join(',')}`);
  }
});

test('what does not fit, and what fails, goes to the durable path', async () => {
  const fake = fakeSteps({
    async runAssistant(patientId) {
      if (patientId === 'p2') throw new Error('database went away');
      return { replies: [] };
    },
  });
  const overflow: number[] = [];
  const pipeline = createInboundPipeline(fake.steps, { concurrency: 1, maxWaiting: 3, overflow: (ids) => overflow.push(...ids) });
  pipeline.submit([1, 2, 3, 4, 5].map((id) => ({ id, kind: 'message' as const }))); // one starts at once, three wait, one overflows
  await pipeline.drain();
  assert.deepEqual(overflow.sort(), [2, 5]);
});

test('a reply that cannot leave now goes to the queue with every reply after it', async () => {
  const outcomes: Record<string, SendOutcome> = { a: 'accepted', b: { deferredSeconds: 3 }, c: 'accepted' };
  const fake = fakeSteps({ send: async (id) => outcomes[id]! });
  await sendInOrder(fake.steps, ['a', 'b', 'c']);
  assert.deepEqual(fake.later, [{ ids: ['b', 'c'], seconds: 3 }]);

  const claimed = fakeSteps({ send: async (id) => (id === 'a' ? 'claimed' : 'accepted') });
  await sendInOrder(claimed.steps, ['a', 'b']);
  assert.deepEqual(claimed.later, [{ ids: ['a', 'b'], seconds: 5 }]);

  const failing = fakeSteps({
    send: async (id) => {
      if (id === 'b') throw new Error('retryable 130429');
      return 'skipped';
    },
  });
  await sendInOrder(failing.steps, ['a', 'b', 'c']);
  assert.deepEqual(failing.later, [{ ids: ['b', 'c'], seconds: 2 }]);
});

test('statuses are applied in batches of what arrived meanwhile; unknown messages go to the queue', async () => {
  const fake = fakeSteps();
  const overflow: number[] = [];
  const pipeline = createInboundPipeline(fake.steps, { concurrency: 2, maxWaiting: 100, overflow: (ids) => overflow.push(...ids) });
  pipeline.submit([{ id: 101, kind: 'status' }]);
  pipeline.submit([{ id: 102, kind: 'status' }, { id: 1, kind: 'message' }]);
  pipeline.submit([{ id: 103, kind: 'status' }, { id: 901, kind: 'status' }]);
  await pipeline.drain();
  const batches = fake.calls.filter((c) => c.startsWith('statuses '));
  assert.deepEqual(batches, ['statuses 101', 'statuses 102,103,901']);
  assert.deepEqual(overflow, [901]);
  assert.ok(fake.calls.includes('send p1-r2'));
});

test("one sender's messages are handled one at a time, in arrival order; other senders run alongside", async () => {
  const running = new Set<string>();
  const order: number[] = [];
  let overlapSameSender = false;
  const senderOf = (id: number) => (id < 100 ? 'alice' : 'bob');
  const fake = fakeSteps({
    async processEvent(eventId) {
      const sender = senderOf(eventId);
      if (running.has(sender)) overlapSameSender = true;
      running.add(sender);
      await new Promise((resolve) => setTimeout(resolve, eventId % 2 === 0 ? 8 : 1));
      running.delete(sender);
      order.push(eventId);
      return undefined;
    },
  });
  const pipeline = createInboundPipeline(fake.steps, { concurrency: 4, maxWaiting: 100, overflow: () => assert.fail('nothing overflows') });
  pipeline.submit([1, 101, 2, 102, 3, 4].map((id) => ({ id, kind: 'message' as const, sender: senderOf(id) })));
  await pipeline.drain();
  assert.equal(overlapSameSender, false);
  assert.deepEqual(order.filter((id) => id < 100), [1, 2, 3, 4]);
  assert.deepEqual(order.filter((id) => id >= 100), [101, 102]);
});
