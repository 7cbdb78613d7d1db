/**
 * Test helper: a plain node:http webhook receiver standing in for Hale. Verifies
 * X-Hub-Signature-256 over the raw bytes, records every envelope, answers with a configurable
 * status, and can react to envelopes (e.g. reply through the Graph API).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  raw: string;
  signature: string;
  signatureValid: boolean;
  body: StubEnvelope;
  answeredWith: number;
}

/** The parts of Meta's envelope tests look at. */
export interface StubEnvelope {
  object: string;
  entry: Array<{
    id: string;
    changes: Array<{
      field: string;
      value: {
        messaging_product: string;
        metadata: { display_phone_number: string; phone_number_id: string };
        contacts?: Array<{ profile?: { name: string }; wa_id: string; user_id?: string }>;
        messages?: Array<Record<string, unknown> & { id: string; from: string; type: string; timestamp: string }>;
        statuses?: Array<Record<string, unknown> & { id: string; status: string; recipient_id: string; timestamp: string }>;
      };
    }>;
  }>;
}

export interface StubWebhook {
  url: string;
  received: ReceivedWebhook[];
  /** Status to answer with next; a function is asked for every request. */
  respondWith: (status: number | ((n: number) => number)) => void;
  waitFor: (predicate: (r: ReceivedWebhook) => boolean, timeoutMs?: number) => Promise<ReceivedWebhook>;
  messages: () => Array<Record<string, unknown> & { id: string; type: string }>;
  statuses: () => Array<Record<string, unknown> & { id: string; status: string }>;
  close: () => Promise<void>;
}

export async function startStubWebhook(
  appSecret: string,
  onEnvelope?: (body: StubEnvelope) => void | Promise<void>,
): Promise<StubWebhook> {
  const received: ReceivedWebhook[] = [];
  let respond: number | ((n: number) => number) = 200;
  const waiters = new Set<() => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBytes = Buffer.concat(chunks);
      const signature = String(req.headers['x-hub-signature-256'] ?? '');
      const expected = `sha256=${createHmac('sha256', appSecret).update(rawBytes).digest('hex')}`;
      const signatureValid = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      let body: StubEnvelope;
      try {
        body = JSON.parse(rawBytes.toString('utf8')) as StubEnvelope;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const status = signatureValid ? (typeof respond === 'function' ? respond(received.length) : respond) : 401;
      received.push({ raw: rawBytes.toString('utf8'), signature, signatureValid, body, answeredWith: status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'EVENT_RECEIVED' : 'nope');
      for (const wake of waiters) wake();
      if (status === 200 && onEnvelope) void Promise.resolve(onEnvelope(body)).catch(() => undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const values = () => received.filter((r) => r.answeredWith === 200).flatMap((r) => r.body.entry.flatMap((e) => e.changes.map((c) => c.value)));

  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    respondWith: (status) => {
      respond = status;
    },
    waitFor: (predicate, timeoutMs = 3000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = received.find(predicate);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`webhook not received within ${timeoutMs} ms (got ${received.length})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    messages: () => values().flatMap((v) => v.messages ?? []),
    statuses: () => values().flatMap((v) => v.statuses ?? []),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** First message or status of a received envelope. */
export function firstValue(r: ReceivedWebhook) {
  const value = r.body.entry[0]?.changes[0]?.value;
  if (value === undefined) throw new Error('empty envelope');
  return value;
}
