/** Test helper: a simulator on 127.0.0.1:0 wired to a stub webhook, plus small HTTP helpers. */
import type { AddressInfo } from 'node:net';
import { createSimulator } from './create-simulator.ts';
import type { Simulator, SimulatorOptions } from './create-simulator.ts';
import { startStubWebhook } from './start-stub-webhook.ts';
import type { StubEnvelope, StubWebhook } from './start-stub-webhook.ts';

export const TEST_SECRET = 'test_app_secret';
export const TEST_TOKEN = 'test-access-token';
export const TEST_PHONE_ID = '106540352242922';

export interface TestSimulator {
  sim: Simulator;
  stub: StubWebhook;
  base: string;
  /** POST/GET/DELETE to the Graph API with the right bearer token unless `token` says otherwise. */
  graph: (method: string, path: string, body?: unknown, token?: string | null) => Promise<{ status: number; json: GraphJson }>;
  api: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: ApiJson }>;
  send: (body: Record<string, unknown>) => Promise<{ status: number; json: GraphJson }>;
  close: () => Promise<void>;
}

export type GraphJson = {
  messaging_product?: string;
  contacts?: Array<{ input: string; wa_id: string }>;
  messages?: Array<{ id: string }>;
  error?: { message: string; type: string; code: number; error_data?: { messaging_product: string; details: string }; error_subcode?: number; fbtrace_id: string };
  success?: boolean;
  id?: string;
  url?: string;
  mime_type?: string;
  sha256?: string;
  file_size?: string;
};

// The scriptable API answers many shapes; tests read the fields they need.
export type ApiJson = Record<string, unknown> & { error?: string };

export async function startTestSimulator(
  options: Partial<SimulatorOptions> = {},
  onEnvelope?: (body: StubEnvelope, t: TestSimulator) => void | Promise<void>,
): Promise<TestSimulator> {
  let self: TestSimulator | undefined;
  const stub = await startStubWebhook(TEST_SECRET, (body) => (self && onEnvelope ? onEnvelope(body, self) : undefined));
  const sim = await createSimulator({
    webhookUrl: stub.url,
    appSecret: TEST_SECRET,
    accessToken: TEST_TOKEN,
    phoneNumberId: TEST_PHONE_ID,
    statusDelayMs: 5,
    retry: { baseMs: 20, factor: 2, maxDelayMs: 200, maxAttempts: 4 },
    ...options,
  });
  await sim.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = sim.app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const call = async (method: string, url: string, body: unknown, headers: Record<string, string>) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(url, init);
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : {}) as never };
  };

  const graph: TestSimulator['graph'] = (method, path, body, token = TEST_TOKEN) =>
    call(method, `${base}${path}`, body, token === null ? {} : { authorization: `Bearer ${token}` });
  self = {
    sim,
    stub,
    base,
    graph,
    api: (method, path, body) => call(method, `${base}/simulator/api${path}`, body, {}),
    send: (body) => graph('POST', `/v23.0/${TEST_PHONE_ID}/messages`, { messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
    close: async () => {
      await sim.close();
      await stub.close();
    },
  };
  return self;
}

/** Sends a text as the persona so the 24-hour window is open. */
export async function openWindow(t: TestSimulator, waId: string, name = 'Ana Lima'): Promise<string> {
  const { json } = await t.api('POST', '/inbound', { wa_id: waId, name, text: 'Hi' });
  return String(json.id);
}
