/**
 * A Hale process for the reminder crash test (test/reminders-crash.int.test.ts): configured from
 * the environment like `npm start`, with fast reminder polling and a short claim lease; prints
 * `ready <url>` when it listens.
 */
import { parseConfig } from '../../src/config.ts';
import { createLogger, startHale } from '../../src/main.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.problems.join('\n'));
  process.exit(1);
}
const hale = await startHale(parsed.config, {
  logger: createLogger('warn'),
  reminders: { pollMs: 50, housekeepingMs: 600_000, pipelines: 2, policy: { leaseMs: Number(process.env['REMINDER_TEST_LEASE_MS'] ?? 4000), statusGraceMs: 15_000, batchSize: 20 } },
});
console.log(`ready ${hale.url}`);
process.on('SIGTERM', () => {
  void hale.close().then(() => process.exit(0));
});
