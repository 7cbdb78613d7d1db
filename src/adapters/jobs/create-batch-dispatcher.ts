import type { JobQueue, QueueName } from '../../app/ports.ts';

export interface BatchDispatcher {
  /** Queues jobs for these ids; they are inserted within `maxDelayMs`, many per statement. */
  dispatch(ids: number[]): void;
  /** Inserts whatever is waiting now. */
  flush(): Promise<void>;
}

/**
 * Collects job requests from many concurrent webhook requests and inserts them in one pg-boss
 * statement: the request path does one INSERT of its own instead of a transaction with a job
 * insert and a NOTIFY each. Ids map to deterministic job ids, so a re-dispatch is harmless.
 */
export function createBatchDispatcher(
  queue: () => JobQueue,
  name: QueueName,
  toJob: (id: number) => { id: string; data: Record<string, string | number> },
  options: { maxBatch: number; maxDelayMs: number; onError: (error: Error) => void },
): BatchDispatcher {
  let waiting: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return inFlight;
    const insert = inFlight.then(() =>
      queue()
        .enqueueMany(name, batch.map(toJob))
        .catch((error: unknown) => options.onError(error instanceof Error ? error : new Error(String(error)))),
    );
    inFlight = insert;
    return insert;
  }

  return {
    dispatch(ids) {
      waiting.push(...ids);
      if (waiting.length >= options.maxBatch) void flush();
      else timer ??= setTimeout(() => void flush(), options.maxDelayMs);
    },
    flush,
  };
}
