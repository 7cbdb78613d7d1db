/**
 * Hale for the reminder dispatch benchmark (bench/reminders-dispatch.ts), in its own process:
 * configured from the environment like `npm start`, reminder loops tuned by BENCH_PIPELINES and
 * BENCH_BATCH; prints `{"url": ...}` when it listens and answers `stats` over IPC.
 */
import { parseConfig } from '../src/config.ts';
import { createLogger, startHale } from '../src/main.ts';
import { serveQuestions, stopOnSignal } from './server-protocol.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const hale = await startHale(parsed.config, {
  logger: createLogger(parsed.config.logLevel, process.stderr),
  reminders: {
    pollMs: 20,
    housekeepingMs: 600_000,
    pipelines: Number(process.env['BENCH_PIPELINES'] ?? '4'),
    policy: { batchSize: Number(process.env['BENCH_BATCH'] ?? '200') },
  },
});
serveQuestions(hale.url, {
  async stats() {
    return { stored: 0, pending: 0, processed: 0, failed: 0, queues: {} };
  },
  async storedKeys() {
    return new Set<string>();
  },
});
stopOnSignal(() => hale.close());
