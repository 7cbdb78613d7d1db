import { createSimulator, type Simulator } from '../../simulator/create-simulator.ts';
import type { StartOptions } from '../../src/main.ts';
import { startTestHale, TEST_ACCESS_TOKEN, TEST_APP_SECRET, TEST_PHONE_NUMBER_ID, type TestHale } from './start-test-hale.ts';

export interface TestStack extends TestHale {
  simulator: Simulator;
  simulatorUrl: string;
  /** Calls the simulator's scriptable API. */
  sim<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A real Hale and the WhatsApp simulator, talking to each other over HTTP on loopback. */
export async function startTestStack(
  env: Record<string, string> = {},
  options: Omit<StartOptions, 'logger'> = {},
  simulatorOptions: { now?: () => number } = {},
): Promise<TestStack> {
  const simulator = await createSimulator({
    webhookUrl: 'http://127.0.0.1:9/unset',
    appSecret: TEST_APP_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    phoneNumberId: TEST_PHONE_NUMBER_ID,
    apiVersion: 'v23.0',
    statusDelayMs: 20,
    businessName: 'Hale Demo Clinic',
    ...simulatorOptions,
  });
  const simulatorUrl = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
  let hale: TestHale;
  try {
    hale = await startTestHale({ WHATSAPP_API_URL: simulatorUrl, ...env }, options);
  } catch (error) {
    await simulator.close();
    throw error;
  }
  simulator.config.webhookUrl = `${hale.hale.url}/webhooks/whatsapp`;
  return {
    ...hale,
    simulator,
    simulatorUrl,
    async sim(method, path, body) {
      const res = await fetch(`${simulatorUrl}/simulator/api${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`simulator ${method} ${path} → ${res.status}: ${text}`);
      return (text === '' ? {} : JSON.parse(text)) as never;
    },
    async close() {
      await simulator.close();
      await hale.close();
    },
  };
}
