/**
 * On a machine shared with other work, waits before a measured run until the 1-minute load
 * average is below a threshold (polling every 10 s, for a bounded time), and says what the
 * load was when the run started, so a result measured on a busy machine is labelled as such.
 */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Calm {
  /** Load averages (1, 5, 15 min) when the wait ended. */
  load: [number, number, number];
  /** Seconds waited. */
  waitedSeconds: number;
  /** False when the load stayed above the threshold for the whole wait (the run went ahead anyway). */
  calm: boolean;
}

const POLL_MS = 10_000;

/** Waits until the 1-minute load average is below `below` (undefined: does not wait), at most `maxWaitMs`. */
export async function waitForCalm(below: number | undefined, maxWaitMs: number, log: (message: string) => void): Promise<Calm> {
  const startedAt = performance.now();
  const read = () => os.loadavg() as [number, number, number];
  let load = read();
  if (below === undefined) return { load, waitedSeconds: 0, calm: true };
  if (load[0] >= below) log(`load average ${load[0].toFixed(2)} ≥ ${below}: waiting (up to ${Math.round(maxWaitMs / 60_000)} min)`);
  while (load[0] >= below && performance.now() - startedAt < maxWaitMs) {
    await sleep(POLL_MS);
    load = read();
  }
  const waitedSeconds = (performance.now() - startedAt) / 1000;
  const calm = load[0] < below;
  if (waitedSeconds >= 1) log(calm ? `load average ${load[0].toFixed(2)} after ${waitedSeconds.toFixed(0)} s` : `load average still ${load[0].toFixed(2)} after ${waitedSeconds.toFixed(0)} s: running anyway`);
  return { load, waitedSeconds, calm };
}

export const formatLoad = (load: readonly number[]) => load.map((n) => n.toFixed(2)).join(', ');
