/**
 * How the benchmark talks to a server under test running in a child process: the child prints
 * one JSON line `{"url": "..."}` on stdout when it listens, then answers questions over the
 * Node IPC channel (present when the parent spawned it with an 'ipc' stdio slot). SIGTERM stops it.
 */
import { performance } from 'node:perf_hooks';

export type ServerQuestionBody = { type: 'stats' } | { type: 'check'; keys: string[] } | { type: 'call'; name: string; args: unknown };
export type ServerQuestion = ServerQuestionBody & { id: number };

export interface ServerStats {
  /** Rows stored (inbound_events for Hale, bare_events for the bare handler). */
  stored: number;
  /** Events Hale's workers have not processed yet (always 0 for the bare handler). */
  pending: number;
  /** Events Hale's workers processed (always 0 for the bare handler). */
  processed: number;
  /** Events whose processing failed or was given up (always 0 for the bare handler). */
  failed: number;
  /** Unfinished (created, retry, active) pg-boss jobs by queue (empty for the bare handler). */
  queues: Record<string, number>;
  /** process.cpuUsage() user + system, microseconds since start. */
  cpuMicros: number;
  /** Event loop busy time and total time since start (performance.eventLoopUtilization()). */
  loopActiveMs: number;
  loopIdleMs: number;
}

export interface CheckResult {
  stored: number;
  /** Keys the parent saw acknowledged with a 2xx that are not stored: lost requests. */
  missing: number;
}

export type ServerAnswer =
  | { id: number; type: 'stats'; stats: ServerStats }
  | { id: number; type: 'check'; check: CheckResult }
  | { id: number; type: 'call'; value: unknown }
  | { id: number; type: 'error'; message: string };

export interface ServerHandlers {
  stats(): Promise<Omit<ServerStats, 'cpuMicros' | 'loopActiveMs' | 'loopIdleMs'>>;
  storedKeys(): Promise<Set<string>>;
  /** Benchmark-specific questions (`ServerProcess.call(name, args)`); the value must survive JSON. */
  calls?: Record<string, (args: unknown) => Promise<unknown>>;
}

/** Announces the URL on stdout and answers the parent's questions until the process ends. */
export function serveQuestions(url: string, handlers: ServerHandlers): void {
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  if (process.send === undefined) return;
  process.on('message', (message: ServerQuestion) => {
    answer(message, handlers).then(
      (reply) => process.send?.(reply),
      (error: unknown) => process.send?.({ id: message.id, type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies ServerAnswer),
    );
  });
}

async function answer(question: ServerQuestion, handlers: ServerHandlers): Promise<ServerAnswer> {
  if (question.type === 'stats') {
    const counts = await handlers.stats();
    const cpu = process.cpuUsage();
    const loop = performance.eventLoopUtilization();
    return {
      id: question.id,
      type: 'stats',
      stats: { ...counts, cpuMicros: cpu.user + cpu.system, loopActiveMs: loop.active, loopIdleMs: loop.idle },
    };
  }
  if (question.type === 'call') {
    const handler = handlers.calls?.[question.name];
    if (handler === undefined) throw new Error(`no call named ${question.name}`);
    return { id: question.id, type: 'call', value: await handler(question.args) };
  }
  const stored = await handlers.storedKeys();
  let missing = 0;
  for (const key of question.keys) if (!stored.has(key)) missing += 1;
  return { id: question.id, type: 'check', check: { stored: stored.size, missing } };
}

/** Stops the server on SIGTERM/SIGINT (or when the parent disappears), then exits. */
export function stopOnSignal(close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
}
