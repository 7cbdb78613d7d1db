import type { StatusUpdate } from '../core/messages.ts';
import type { ChannelTranslator, Clock, Metrics, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; translator: ChannelTranslator; metrics: Metrics };

/**
 * Applies many delivery-status events in one transaction (a reply brings two or three of them,
 * so they outnumber patient messages): the same monotonic rules as `processInboundEvent`, a few
 * statements per batch instead of several per status. Returns the events to hand to the job
 * queue: statuses of messages not recorded yet (the send response may still be on its way),
 * which `processInboundEvent` retries a few times.
 */
export async function processStatusEvents(deps: Deps, eventIds: readonly number[]): Promise<{ later: number[] }> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const events = await repos.events.lockPendingStatuses(eventIds);
    const valid: Array<{ eventId: number; update: StatusUpdate; reason: string | undefined }> = [];
    for (const event of events) {
      const translated = deps.translator.toStatusUpdate(event.raw);
      if (!translated.ok) {
        await repos.events.markDone(event.id, 'failed', now, translated.reason);
        continue;
      }
      const update = translated.value;
      valid.push({ eventId: event.id, update, reason: update.error === undefined ? undefined : deps.translator.describeFailure(update.error.code) });
    }
    const outcomes = await repos.communications.applyStatuses(valid);
    const done: number[] = [];
    const later: number[] = [];
    for (const [index, item] of valid.entries()) {
      const outcome = outcomes[index]!;
      if (outcome === 'unknown') {
        later.push(item.eventId);
        continue;
      }
      deps.metrics.count('statuses_total', { status: item.update.status, outcome });
      done.push(item.eventId);
    }
    await repos.events.markManyDone(done, 'processed', now);
    return { later };
  });
}
