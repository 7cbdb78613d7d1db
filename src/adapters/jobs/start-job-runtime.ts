import type { PGlite } from '@electric-sql/pglite';
import { fromPglite, PgBoss, type Job, type JobResult, type QueueOptions } from 'pg-boss';
import type { JobQueue, QueueName } from '../../app/ports.ts';

/** Retry policy per queue. Send retries are counted by Hale too (communications.attempts). */
const queues: Record<QueueName, QueueOptions> = {
  'inbound.process': { retryLimit: 12, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 120 },
  'conversation.turn': { retryLimit: 12, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 120 },
  'outbound.send': { retryLimit: 12, retryDelay: 2, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 120 },
  'outbound.mark_read': { retryLimit: 3, retryDelay: 5, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60 },
  'media.fetch': { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 300 },
  'waitlist.offer_next': { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 60 },
};

export const queueNames = Object.keys(queues) as QueueName[];

export type JobDatabase = { kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; url: string; poolSize: number };

export interface JobRuntime {
  boss: PgBoss;
  /** A queue that enqueues through `db` (e.g. fromKysely(trx)) or, without it, pg-boss's own connection. */
  queue(db?: Parameters<PgBoss['insert']>[2] extends infer O ? (O extends { db?: infer D } ? D : never) : never): JobQueue;
  work(name: QueueName, concurrency: number, handler: (data: Record<string, unknown>, job: Job) => Promise<void>): Promise<void>;
  depth(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss on the same database (PGlite shares Hale's single connection), creates every
 * queue at boot (transactional enqueue on PGlite hangs on a queue first seen inside a
 * transaction) and uses LISTEN/NOTIFY so a job is picked up in milliseconds.
 */
export async function startJobRuntime(database: JobDatabase, onError: (error: Error) => void): Promise<JobRuntime> {
  const common = { useListenNotify: true, schedule: false, supervise: true } as const;
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: database.url, max: Math.max(2, Math.ceil(database.poolSize / 2)) });
  boss.on('error', onError);
  await boss.start();
  for (const [name, options] of Object.entries(queues)) {
    const existing = await boss.getQueue(name);
    if (existing === null) await boss.createQueue(name, { ...options, notify: true });
    else await boss.updateQueue(name, { ...options, notify: true });
  }
  // Use each queue once outside a transaction (see STACK-NOTES: PGlite transactional enqueue).
  for (const name of queueNames) await boss.getQueueStats(name);

  return {
    boss,
    queue(db) {
      const options = db === undefined ? {} : { db };
      return {
        async enqueue(name, data, opts) {
          await boss.send(name, data, { ...options, ...(opts?.startAfterSeconds === undefined ? {} : { startAfter: opts.startAfterSeconds }) });
        },
        async enqueueMany(name, items) {
          if (items.length === 0) return;
          await boss.insert(
            name,
            items.map((item) => ({
              data: item.data,
              ...(item.id === undefined ? {} : { id: item.id }),
              ...(item.startAfterSeconds === undefined ? {} : { startAfter: item.startAfterSeconds }),
            })),
            options,
          );
        },
      };
    },
    async work(name, concurrency, handler) {
      // Batches of up to 20 with a result per job: one failing job is retried alone.
      await boss.work<Record<string, unknown>>(
        name,
        { batchSize: 20, burstWhenBatchFull: true, perJobResults: true, localConcurrency: concurrency, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 1 },
        async (jobs) => {
          const results: JobResult[] = [];
          for (const job of jobs) {
            try {
              await handler(job.data, job);
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              onError(error instanceof Error ? error : new Error(String(error)));
              results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
            }
          }
          return results;
        },
      );
    },
    async depth() {
      const result: Record<string, number> = {};
      for (const name of queueNames) {
        const [stats] = await boss.getQueueStats(name);
        result[name] = stats === undefined ? 0 : stats.queuedCount + stats.activeCount;
      }
      return result;
    },
    async stop() {
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    },
  };
}
