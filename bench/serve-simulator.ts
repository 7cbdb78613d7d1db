/**
 * The WhatsApp simulator (simulator/create-simulator.ts) as Hale's Graph API and webhook sender
 * for the assistant benchmark, in its own process so that it does not share a thread with Hale
 * or the benchmark. Prints `{"url": ...}` on stdout when it listens, then answers over IPC:
 *
 *   setWebhook {url}   where the simulator delivers webhooks (Hale's URL is known only later)
 *   graphLog           every Graph API request since start: the simulator's own log keeps only
 *                      the last 1,000, so this process records each entry as it is logged
 *   inbound {prefix}   every persona message (wamid, persona, text, the simulator's send time)
 *   deliveries         webhook deliveries still queued or retried, and dropped ones
 *
 *   BENCH_SIM_MPS=80   messages per second the simulated number accepts (default 80, Meta's)
 *   BENCH_SIM_STATUS_DELAY_MS   delay before the sent/delivered status webhooks (default the
 *                      simulator's); the reminder dispatch benchmark sets it past the run
 */
import { createSimulator } from '../simulator/create-simulator.ts';
import type { RequestLogEntry } from '../simulator/simulator-store.ts';
import { serveQuestions, stopOnSignal } from './server-protocol.ts';
import { BENCH_ACCESS_TOKEN, BENCH_APP_SECRET, BENCH_PHONE_NUMBER_ID } from './signed-webhook.ts';

/** One Graph API request as the benchmark needs it: [epoch ms, kind, HTTP status, Graph error code (0 = none), message id given, recipient]. */
export type GraphLogEntry = [atMs: number, kind: 'send' | 'read' | 'other', httpStatus: number, code: number, messageId: string, to: string];

/** One persona message: [wamid, persona wa_id, text, epoch ms the simulator created it]. */
export type PersonaMessage = [wamid: string, waId: string, text: string, sentMs: number];

const mps = Number(process.env['BENCH_SIM_MPS'] ?? '80');
if (!Number.isInteger(mps) || mps < 1) throw new Error('BENCH_SIM_MPS must be a positive integer');

const sim = await createSimulator({
  // Replaced by setWebhook once Hale listens; nothing is sent before that.
  webhookUrl: 'http://127.0.0.1:9/webhooks/whatsapp',
  appSecret: BENCH_APP_SECRET,
  accessToken: BENCH_ACCESS_TOKEN,
  phoneNumberId: BENCH_PHONE_NUMBER_ID,
  mps,
  ...(process.env['BENCH_SIM_STATUS_DELAY_MS'] === undefined ? {} : { statusDelayMs: Number(process.env['BENCH_SIM_STATUS_DELAY_MS']) }),
  businessName: 'Hale Bench Clinic',
});

const graphLog: GraphLogEntry[] = [];
const logRequest = sim.store.logRequest.bind(sim.store);
sim.store.logRequest = (entry: RequestLogEntry) => {
  graphLog.push(toGraphLogEntry(entry));
  logRequest(entry);
};

function toGraphLogEntry(entry: RequestLogEntry): GraphLogEntry {
  const body = (typeof entry.body === 'object' && entry.body !== null ? entry.body : {}) as { status?: unknown; to?: unknown };
  const isMessages = entry.method === 'POST' && entry.path.endsWith('/messages');
  const kind = !isMessages ? 'other' : body.status === 'read' ? 'read' : 'send';
  return [Date.parse(entry.at), kind, entry.verdict.httpStatus, entry.verdict.code ?? 0, entry.verdict.messageId ?? '', typeof body.to === 'string' ? body.to : ''];
}

const url = (await sim.app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', 'localhost');

serveQuestions(url, {
  async stats() {
    return { stored: graphLog.length, pending: sim.sender.pendingCount(), processed: 0, failed: sim.sender.dropped, queues: {} };
  },
  async storedKeys() {
    return new Set<string>();
  },
  calls: {
    async setWebhook(args) {
      const target = (args as { url?: unknown } | null)?.url;
      if (typeof target !== 'string') throw new Error('setWebhook needs {url}');
      sim.config.webhookUrl = target;
      return { webhookUrl: target };
    },
    async graphLog() {
      return graphLog;
    },
    async inbound(args) {
      const prefix = String((args as { prefix?: unknown } | null)?.prefix ?? '');
      const messages: PersonaMessage[] = [];
      for (const waId of sim.store.personas.keys()) {
        if (!waId.startsWith(prefix)) continue;
        for (const message of sim.store.conversation(waId)) {
          if (message.direction !== 'inbound') continue;
          messages.push([message.id, waId, typeof message.text === 'string' ? message.text : '', Date.parse(message.timestamp)]);
        }
      }
      return messages;
    },
    async deliveries() {
      return { pending: sim.sender.pendingCount(), dropped: sim.sender.dropped };
    },
  },
});
stopOnSignal(() => sim.close());
