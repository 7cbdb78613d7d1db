import { setTimeout as sleep } from 'node:timers/promises';

export interface ReminderLoopOptions {
  /** Concurrent dispatch rounds per process: while one records its batch, another sends. */
  pipelines: number;
  /** Pause when nothing was due. */
  pollMs: number;
  housekeepingMs: number;
  dispatch: (pipeline: number) => Promise<number>;
  housekeeping: () => Promise<unknown>;
  onError: (error: unknown, where: 'dispatch' | 'housekeeping') => void;
}

export interface ReminderLoops {
  /** Lets the running rounds finish, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs reminder dispatch in every worker process (claims are SKIP LOCKED, so processes share
 * the work without a coordinator) and periodic housekeeping. Not a pg-boss job: a claim has its
 * own lease (seconds), so a killed process's reminders are taken over quickly, and dispatch
 * batches many sends per round.
 */
export function startReminderLoops(options: ReminderLoopOptions): ReminderLoops {
  let stopped = false;
  const wake = new AbortController();
  const pause = (ms: number) => sleep(ms, undefined, { signal: wake.signal }).catch(() => undefined);
  const pipelines = Array.from({ length: options.pipelines }, async (_, index) => {
    await pause(index * Math.min(options.pollMs, 50));
    while (!stopped) {
      try {
        const claimed = await options.dispatch(index);
        if (claimed === 0) await pause(options.pollMs);
      } catch (error) {
        options.onError(error, 'dispatch');
        await pause(1000);
      }
    }
  });
  const housekeeping = (async () => {
    while (!stopped) {
      try {
        await options.housekeeping();
      } catch (error) {
        options.onError(error, 'housekeeping');
      }
      await pause(options.housekeepingMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake.abort();
      await Promise.all([...pipelines, housekeeping]);
    },
  };
}
