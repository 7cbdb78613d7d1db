import type { Clock, IncomingEvent, Metrics, Transactor } from './ports.ts';

/** A stored event that needs processing. */
export interface StoredWork {
  id: number;
  kind: 'message' | 'status';
  /** The sender of a message (in memory only): their messages are handled one at a time, in order. */
  sender?: string;
}

export interface IngestResult {
  stored: number;
  duplicates: number;
  quarantined: number;
  ignored: number;
}

/**
 * Stores every item of a verified webhook with one INSERT (duplicates dropped by the unique
 * dedupe key; no explicit transaction: one statement commits alone) and hands the new message
 * and status events to `dispatch`, which enqueues their processing jobs in batches. A job lost
 * to a crash before that is re-created by `requeueStalledEvents` (ADR 5).
 */
export async function ingestWebhook(
  deps: { tx: Transactor; clock: Clock; metrics: Metrics; dispatch: (events: StoredWork[]) => void },
  events: IncomingEvent[],
): Promise<IngestResult> {
  if (events.length === 0) return { stored: 0, duplicates: 0, quarantined: 0, ignored: 0 };
  const inserted = await deps.tx.direct((repos) => repos.events.insertNew(events, deps.clock.now()));
  const senders = new Map(events.map((e) => [e.dedupeKey, e.senderKey]));
  // Ids ascend in arrival order; the pipeline keeps one sender's messages in that order.
  const work = inserted
    .flatMap((row): StoredWork[] => {
      if (row.kind === 'status') return [{ id: row.id, kind: 'status' }];
      if (row.kind !== 'message') return [];
      const sender = senders.get(row.dedupeKey);
      return [{ id: row.id, kind: 'message', ...(sender === undefined ? {} : { sender }) }];
    })
    .sort((a, b) => a.id - b.id);
  if (work.length > 0) deps.dispatch(work);
  const result: IngestResult = {
    stored: inserted.length,
    duplicates: events.length - inserted.length,
    quarantined: inserted.filter((row) => row.kind === 'quarantined').length,
    ignored: inserted.filter((row) => row.kind === 'other').length,
  };
  for (const row of inserted) deps.metrics.count('webhook_events_total', { kind: row.kind, outcome: 'stored' });
  if (result.duplicates > 0) deps.metrics.count('webhook_events_total', { kind: 'any', outcome: 'duplicate' }, result.duplicates);
  return result;
}

/** The job id of an event's processing job: the same event never gets two jobs at once. */
export function eventJobId(eventId: number): string {
  return `00000000-0000-4000-8000-${eventId.toString(16).padStart(12, '0')}`;
}

/** Re-creates processing jobs for events still pending after `graceSeconds` (e.g. after a crash). */
export async function requeueStalledEvents(deps: { tx: Transactor; clock: Clock }, graceSeconds = 30): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - graceSeconds * 1000);
  return deps.tx.direct(async (repos) => {
    const ids = await repos.events.findStalled(before, 500);
    await repos.jobs.enqueueMany('inbound.process', ids.map((id) => ({ id: eventJobId(id), data: { eventId: id } })));
    return ids.length;
  });
}
