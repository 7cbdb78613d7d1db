/**
 * Bounded load mode: N personas each send M text messages at a total rate, through the normal
 * inbound path (signed webhooks, in order per persona). Stops by itself when done or after
 * MAX_DURATION_MS, and reports counts and the latency of Hale's webhook answers.
 */
import { sendInboundMessage } from './send-inbound-message.ts';
import type { SimulatorContext } from './simulator-context.ts';

export const LOAD_LIMITS = { personas: 2_000, messagesPerPersona: 200, ratePerSecond: 500, total: 20_000 } as const;
const MAX_DURATION_MS = 5 * 60_000;
const TICK_MS = 10;

export interface LoadOptions {
  personas: number;
  messagesPerPersona: number;
  ratePerSecond: number;
}

export interface LoadReport {
  state: 'idle' | 'running' | 'done' | 'stopped';
  options?: LoadOptions;
  startedAt?: string;
  finishedAt?: string;
  planned: number;
  sent: number;
  answered: number;
  byStatus: Record<string, number>;
  latencyMs: { min: number; mean: number; p50: number; p90: number; p99: number; max: number } | null;
  durationMs: number;
}

export class LoadRunner {
  private readonly ctx: SimulatorContext;
  private state: LoadReport['state'] = 'idle';
  private options: LoadOptions | undefined;
  private startedAt = 0;
  private finishedAt = 0;
  private sent = 0;
  private answered = 0;
  private byStatus: Record<string, number> = {};
  private latencies: number[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private done: Promise<void> = Promise.resolve();
  private finish: () => void = () => undefined;

  constructor(ctx: SimulatorContext) {
    this.ctx = ctx;
  }

  start(options: LoadOptions): LoadReport {
    if (this.state === 'running') throw new Error('a load run is already running');
    this.options = options;
    this.state = 'running';
    this.startedAt = Date.now();
    this.sent = 0;
    this.answered = 0;
    this.byStatus = {};
    this.latencies = [];
    const planned = options.personas * options.messagesPerPersona;
    const inFlight = new Set<Promise<void>>();
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
    this.timer = setInterval(() => {
      const elapsed = Date.now() - this.startedAt;
      if (elapsed > MAX_DURATION_MS) {
        this.stop();
        return;
      }
      const due = Math.min(planned, Math.floor((elapsed / 1000) * options.ratePerSecond) + 1);
      while (this.sent < due && this.state === 'running') {
        const n = this.sent;
        this.sent += 1;
        const persona = n % options.personas;
        const seq = Math.floor(n / options.personas) + 1;
        const job = this.sendOne(persona, seq).finally(() => inFlight.delete(job));
        inFlight.add(job);
      }
      if (this.sent >= planned && this.timer !== undefined) {
        clearInterval(this.timer);
        this.timer = undefined;
        void Promise.all([...inFlight]).then(() => {
          if (this.state === 'running') {
            this.state = 'done';
            this.finishedAt = Date.now();
          }
          this.finish();
        });
      }
    }, TICK_MS);
    return this.report();
  }

  /** Resolves when the current run has finished. */
  finished(): Promise<void> {
    return this.done;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.state === 'running') {
      this.state = 'stopped';
      this.finishedAt = Date.now();
    }
    this.finish();
  }

  report(): LoadReport {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const end = this.state === 'running' ? Date.now() : this.finishedAt;
    return {
      state: this.state,
      ...(this.options ? { options: this.options } : {}),
      ...(this.startedAt ? { startedAt: new Date(this.startedAt).toISOString() } : {}),
      ...(this.finishedAt && this.state !== 'running' ? { finishedAt: new Date(this.finishedAt).toISOString() } : {}),
      planned: this.options ? this.options.personas * this.options.messagesPerPersona : 0,
      sent: this.sent,
      answered: this.answered,
      byStatus: { ...this.byStatus },
      latencyMs:
        sorted.length === 0
          ? null
          : {
              min: round(sorted[0] ?? 0),
              mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
              p50: round(pick(0.5)),
              p90: round(pick(0.9)),
              p99: round(pick(0.99)),
              max: round(sorted.at(-1) ?? 0),
            },
      durationMs: this.startedAt ? end - this.startedAt : 0,
    };
  }

  private async sendOne(persona: number, seq: number): Promise<void> {
    const waId = `1555900${String(persona + 1).padStart(4, '0')}`;
    try {
      const result = await sendInboundMessage(
        this.ctx,
        { wa_id: waId, name: `Load ${String(persona + 1).padStart(4, '0')}`, text: `load message ${seq}` },
        { waitMs: 60_000 },
      );
      const key = result.webhookStatus === null ? (result.webhookError ?? 'no answer') : String(result.webhookStatus);
      this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
      if (result.webhookStatus !== null) {
        this.answered += 1;
        this.latencies.push(result.webhookMs);
      }
    } catch (err) {
      const key = (err as Error).message;
      this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
    }
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
