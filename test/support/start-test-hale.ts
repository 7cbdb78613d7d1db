import { Writable } from 'node:stream';
import { parseConfig } from '../../src/config.ts';
import { createLogger, startHale, type Hale, type StartOptions } from '../../src/main.ts';
import { createScratchDatabase, type ScratchDatabase } from './test-database.ts';

export const TEST_APP_SECRET = 'test-app-secret';
export const TEST_VERIFY_TOKEN = 'test-verify-token';
export const TEST_ACCESS_TOKEN = 'test-access-token';
export const TEST_PHONE_NUMBER_ID = '106540352242922';

export interface TestHale {
  hale: Hale;
  scratch: ScratchDatabase;
  /** Every log line Hale wrote (JSON), to prove no PHI reaches the logs. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts a real Hale (HTTP on a free loopback port, jobs, database) for an integration test. */
export async function startTestHale(env: Record<string, string> = {}, options: Omit<StartOptions, 'logger'> = {}): Promise<TestHale> {
  const scratch = await createScratchDatabase();
  const parsed = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: scratch.url,
    DATABASE_POOL_SIZE: '4',
    WHATSAPP_API_URL: 'http://127.0.0.1:9',
    WHATSAPP_PHONE_NUMBER_ID: TEST_PHONE_NUMBER_ID,
    WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    WHATSAPP_APP_SECRET: TEST_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: TEST_VERIFY_TOKEN,
    LOG_LEVEL: 'debug',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      if (process.env['HALE_TEST_LOG'] === '1') process.stderr.write(chunk);
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const hale = await startHale(parsed.config, { ...options, logger });
  return {
    hale,
    scratch,
    logs,
    async close() {
      await hale.close();
      await scratch.drop();
    },
  };
}

/** Polls until `check` returns true, or fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
