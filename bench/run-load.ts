/**
 * One autocannon run against `POST /webhooks/whatsapp`: every request is a freshly built,
 * signed body with a unique wamid (built in `setupRequest`, right before it is written).
 * Latencies are taken from autocannon's per-response timings (sub-millisecond, 2xx only)
 * rather than its 1 ms histogram.
 */
import { createRequire } from 'node:module';
import type { SignedWebhook } from './signed-webhook.ts';

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  setupRequest?(request: AutocannonRequest, context: Record<string, unknown>): AutocannonRequest;
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  timeout?: number;
  requests: AutocannonRequest[];
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTimeMs: number) => void): this;
  stop(): void;
}

// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => AutocannonInstance;

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; unset = as fast as the server answers. */
  overallRate?: number;
  next(): SignedWebhook;
}

export interface LoadRun {
  connections: number;
  durationSeconds: number;
  overallRate: number | undefined;
  /** Requests written (bodies built). */
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx responses per second of the run. */
  rate: number;
  p50: number;
  p99: number;
  max: number;
  /** Dedupe keys of the requests answered with a 2xx. */
  acked: string[];
  /** Load generator (this process) CPU during the run, in % of one core. */
  clientCpuPercent: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const acked: string[] = [];
  const latencies: number[] = [];
  let sent = 0;
  let non2xx = 0;
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const instance = autocannon({
    url: `${options.baseUrl}/webhooks/whatsapp`,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/webhooks/whatsapp',
        setupRequest(request, context) {
          const webhook = options.next();
          sent += 1;
          context['key'] = webhook.dedupeKey;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': webhook.signature },
            body: webhook.body,
          };
        },
        onResponse(status, _body, context) {
          if (status >= 200 && status < 300) acked.push(String(context['key']));
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
    else non2xx += 1;
  });
  const result = await instance;
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = Float64Array.from(latencies).sort();
  return {
    connections: options.connections,
    durationSeconds: result.duration,
    overallRate: options.overallRate,
    sent,
    ok: latencies.length,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rate: latencies.length / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
    acked,
    clientCpuPercent: ((cpu.user + cpu.system) / 1000 / (elapsedSeconds * 1000)) * 100,
  };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
