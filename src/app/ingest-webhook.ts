import type { Clock, IncomingEvent, Metrics, Transactor } from './ports.ts';

export interface IngestResult {
  stored: number;
  duplicates: number;
  quarantined: number;
  ignored: number;
}

/**
 * Stores every item of a verified webhook in one short transaction (duplicates dropped by the
 * unique dedupe key) and enqueues one processing job per new message or status.
 */
export async function ingestWebhook(
  deps: { tx: Transactor; clock: Clock; metrics: Metrics },
  events: IncomingEvent[],
): Promise<IngestResult> {
  if (events.length === 0) return { stored: 0, duplicates: 0, quarantined: 0, ignored: 0 };
  const inserted = await deps.tx.run(async (repos) => {
    const rows = await repos.events.insertNew(events, deps.clock.now());
    const work = rows.filter((row) => row.kind === 'message' || row.kind === 'status');
    if (work.length > 0) await repos.jobs.enqueueMany('inbound.process', work.map((row) => ({ eventId: row.id })));
    return rows;
  });
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
