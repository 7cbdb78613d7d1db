import type { AssistantRun } from './run-assistant.ts';
import type { SendOutcome } from './send-outbound.ts';
import type { StoredWork } from './ingest-webhook.ts';
import type { Logger } from './ports.ts';

/** The steps one inbound event goes through, each its own use case (wired in main.ts). */
export interface EventSteps {
  /** Records a stored webhook event; returns the patient whose assistant turn is due. */
  processEvent(eventId: number): Promise<{ patientId: string } | undefined>;
  /** Applies many status events at once; returns those to retry through the job queue. */
  processStatuses(eventIds: readonly number[]): Promise<{ later: number[] }>;
  runAssistant(patientId: string): Promise<AssistantRun>;
  send(communicationId: string): Promise<SendOutcome>;
  /** Hands replies that could not leave now to the job queue, due after `seconds`. */
  sendLater(communicationIds: string[], seconds: number): Promise<void>;
  markRead(providerMessageId: string): Promise<void>;
  log: Logger;
}

/**
 * One event, start to finish: record it, run the assistant, send the replies in order, mark the
 * patient's message read. Every step is idempotent, so a job may run this again for the same
 * event (after a crash, or when this attempt throws) without a second reply.
 */
export async function handleInboundEvent(steps: EventSteps, eventId: number): Promise<void> {
  const recorded = await steps.processEvent(eventId);
  if (recorded === undefined) return;
  await answerPatient(steps, recorded.patientId);
}

/** Runs the assistant for a patient and delivers what it committed. */
export async function answerPatient(steps: EventSteps, patientId: string): Promise<void> {
  const run = await steps.runAssistant(patientId);
  await sendInOrder(steps, run.replies);
  if (run.markRead !== undefined) {
    // Blue ticks are a courtesy: a failure is logged, never retried at the cost of a reply.
    steps.markRead(run.markRead).catch((error: unknown) => steps.log.warn({ err: error }, 'outbound.mark_read_failed'));
  }
}

/**
 * Sends replies one after the other, so they reach the patient in the order written. A reply
 * that cannot leave now (rate limit, another sender holds it) goes to the job queue with the
 * ones after it; one that a crash leaves queued is found by the stalled-reply sweeper (ADR 16).
 */
export async function sendInOrder(steps: Pick<EventSteps, 'send' | 'sendLater' | 'log'>, communicationIds: readonly string[]): Promise<void> {
  for (const [index, id] of communicationIds.entries()) {
    let outcome: SendOutcome;
    try {
      outcome = await steps.send(id);
    } catch (error) {
      // A retryable failure (noted on the message): the queue backs off and tries again.
      steps.log.warn({ err: error, communicationId: id }, 'outbound.send_later');
      await steps.sendLater(communicationIds.slice(index), 2);
      return;
    }
    if (outcome === 'accepted' || outcome === 'failed' || outcome === 'skipped') continue;
    await steps.sendLater(communicationIds.slice(index), outcome === 'claimed' ? 5 : outcome.deferredSeconds);
    return;
  }
}

export interface InboundPipeline {
  /** Takes events just stored by the webhook; what does not fit goes to `overflow`. */
  submit(events: readonly StoredWork[]): void;
  /** Resolves when everything submitted so far has been handled. */
  drain(): Promise<void>;
  /** Events waiting or in progress. */
  size(): number;
}

/**
 * The fast path from webhook to reply inside one Hale process (ADR 6): events the webhook just
 * stored are handled at once by a bounded set of in-process workers instead of a queue round
 * trip per step. Nothing depends on it for durability: an event stays `pending` in the
 * database until recorded, and the stalled-event sweeper gives it a job if this process dies;
 * an event that fails here, or that finds the pipeline full, gets its job at once.
 */
export function createInboundPipeline(
  steps: EventSteps,
  options: { concurrency: number; maxWaiting: number; overflow: (eventIds: number[]) => void },
): InboundPipeline {
  const waiting: Array<{ id: number; sender: string | undefined }> = [];
  // One message per sender at a time, in arrival order: a later message never overtakes an earlier one.
  const busySenders = new Set<string>();
  let active = 0;
  let idle: Array<() => void> = [];
  // Statuses go through one lane in batches: whatever arrived while the last batch ran.
  let statuses: number[] = [];
  let statusBatch = false;
  const STATUS_BATCH = 500;

  function pumpStatuses(): void {
    if (statusBatch || statuses.length === 0) return;
    statusBatch = true;
    const batch = statuses.splice(0, STATUS_BATCH);
    steps
      .processStatuses(batch)
      .then(
        ({ later }) => (later.length > 0 ? options.overflow(later) : undefined),
        (error: unknown) => {
          steps.log.warn({ err: error, events: batch.length }, 'inbound.status_batch_failed');
          options.overflow(batch);
        },
      )
      .finally(() => {
        statusBatch = false;
        pumpStatuses();
        settle();
      });
  }

  function settle(): void {
    if (active === 0 && waiting.length === 0 && !statusBatch && statuses.length === 0) {
      const resolve = idle;
      idle = [];
      for (const done of resolve) done();
    }
  }

  function pump(): void {
    for (let i = 0; i < waiting.length && active < options.concurrency; ) {
      const next = waiting[i]!;
      if (next.sender !== undefined && busySenders.has(next.sender)) {
        i += 1;
        continue;
      }
      waiting.splice(i, 1);
      active += 1;
      if (next.sender !== undefined) busySenders.add(next.sender);
      handleInboundEvent(steps, next.id)
        .catch((error: unknown) => {
          steps.log.warn({ err: error, eventId: next.id }, 'inbound.fast_path_failed');
          options.overflow([next.id]);
        })
        .finally(() => {
          active -= 1;
          if (next.sender !== undefined) busySenders.delete(next.sender);
          pump();
        });
    }
    settle();
  }

  return {
    submit(events) {
      const messages = events.filter((e) => e.kind === 'message');
      const room = Math.max(0, options.maxWaiting - waiting.length) + Math.max(0, options.concurrency - active);
      waiting.push(...messages.slice(0, room).map((e) => ({ id: e.id, sender: e.sender })));
      const overflow = messages.slice(room).map((e) => e.id);
      const newStatuses = events.filter((e) => e.kind === 'status').map((e) => e.id);
      const statusRoom = Math.max(0, options.maxWaiting * 4 - statuses.length);
      statuses.push(...newStatuses.slice(0, statusRoom));
      overflow.push(...newStatuses.slice(statusRoom));
      if (overflow.length > 0) options.overflow(overflow);
      pump();
      pumpStatuses();
    },
    drain() {
      if (active === 0 && waiting.length === 0 && !statusBatch && statuses.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    size: () => active + waiting.length + statuses.length + (statusBatch ? 1 : 0),
  };
}
