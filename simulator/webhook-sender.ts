/**
 * Delivers webhook POSTs to Hale like Meta: signed with X-Hub-Signature-256 over the exact bytes,
 * in order per persona (one queue per key, head-of-line), retried when the answer is not 200 —
 * immediately, then with growing gaps ("decreasing frequency"), a bounded number of times. The
 * queue lives in memory and is capped; what does not fit or runs out of attempts is dropped and
 * recorded.
 */
import { signWebhookBody } from './build-webhook-envelope.ts';
import type { RetryPolicy } from './simulator-config.ts';

export interface DeliveryResult {
  /** HTTP status Hale answered, or null when there was no answer (refused, timeout). */
  status: number | null;
  ms: number;
  error?: string;
}

export interface DeliveryInfo {
  /** Ordering key: the persona's wa_id. */
  key: string;
  /** What is delivered: `message.text`, `status.sent`, … */
  label: string;
  /** wamid the payload is about (inbound message id, or the outbound message a status is for). */
  messageId?: string;
  replay?: 'duplicate' | 'reorder';
}

export interface DeliveryRecord extends DeliveryInfo {
  seq: number;
  attempt: number;
  at: string;
  httpStatus: number | null;
  ms: number;
  error?: string;
  outcome: 'delivered' | 'retrying' | 'dropped';
}

interface Pending {
  info: DeliveryInfo;
  body: string;
  attempts: number;
  resolveFirst: (result: DeliveryResult) => void;
  onAttempt?: (result: DeliveryResult, attempt: number, final: boolean) => void;
}

export interface WebhookSenderSettings {
  webhookUrl: string;
  appSecret: string;
  retry: RetryPolicy;
  webhookTimeoutMs: number;
  maxPendingDeliveries: number;
}

const MAX_HISTORY_PER_KEY = 200;
const MAX_RECORDS = 2000;

export class WebhookSender {
  private readonly settings: WebhookSenderSettings;
  private readonly queues = new Map<string, Pending[]>();
  private readonly running = new Set<string>();
  private readonly historyByKey = new Map<string, Array<{ info: DeliveryInfo; body: string }>>();
  private readonly records: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly aborts = new Set<AbortController>();
  private readonly idleWaiters: Array<() => void> = [];
  private pending = 0;
  private seq = 0;
  private closed = false;
  dropped = 0;

  /** `settings` is read on every delivery, so changes to it apply at once. */
  constructor(settings: WebhookSenderSettings) {
    this.settings = settings;
  }

  /**
   * Queues a delivery behind earlier ones for the same key. Resolves with the result of the
   * first attempt (retries go on in the background).
   */
  enqueue(
    info: DeliveryInfo,
    body: string,
    onAttempt?: (result: DeliveryResult, attempt: number, final: boolean) => void,
  ): Promise<DeliveryResult> {
    if (this.closed || this.pending >= this.settings.maxPendingDeliveries) {
      this.dropped += 1;
      const result: DeliveryResult = { status: null, ms: 0, error: this.closed ? 'simulator closed' : 'delivery queue full' };
      this.record(info, 0, result, 'dropped');
      return Promise.resolve(result);
    }
    return new Promise((resolveFirst) => {
      let queue = this.queues.get(info.key);
      if (queue === undefined) {
        queue = [];
        this.queues.set(info.key, queue);
      }
      queue.push({ info, body, attempts: 0, resolveFirst, ...(onAttempt ? { onAttempt } : {}) });
      this.pending += 1;
      if (!this.running.has(info.key)) void this.pump(info.key);
    });
  }

  /** Payloads already delivered (200) for a key, oldest first. */
  history(key: string): Array<{ info: DeliveryInfo; body: string }> {
    return [...(this.historyByKey.get(key) ?? [])];
  }

  deliveries(): DeliveryRecord[] {
    return [...this.records];
  }

  pendingCount(): number {
    return this.pending;
  }

  /** Resolves once every queue is empty. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  clear(): void {
    for (const queue of this.queues.values()) {
      for (const item of queue) item.resolveFirst({ status: null, ms: 0, error: 'cleared' });
    }
    this.queues.clear();
    this.historyByKey.clear();
    this.records.length = 0;
    this.pending = 0;
    this.dropped = 0;
    this.wakeIdle();
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const abort of this.aborts) abort.abort();
    this.clear();
  }

  private async pump(key: string): Promise<void> {
    this.running.add(key);
    try {
      for (;;) {
        const queue = this.queues.get(key);
        const head = queue?.[0];
        if (queue === undefined || head === undefined || this.closed) break;
        head.attempts += 1;
        const result = await this.post(head.body);
        if (this.closed) break;
        if (head.attempts === 1) head.resolveFirst(result);
        const ok = result.status === 200;
        const final = ok || head.attempts >= this.settings.retry.maxAttempts;
        this.record(head.info, head.attempts, result, ok ? 'delivered' : final ? 'dropped' : 'retrying');
        head.onAttempt?.(result, head.attempts, final);
        if (final) {
          queue.shift();
          this.pending -= 1;
          if (ok) this.remember(head);
          else this.dropped += 1;
          continue;
        }
        await this.sleep(this.backoff(head.attempts));
      }
    } finally {
      this.running.delete(key);
      const queue = this.queues.get(key);
      if (queue !== undefined && queue.length === 0) this.queues.delete(key);
      this.wakeIdle();
    }
  }

  /** 0 ms before the 2nd attempt (Meta retries immediately), then base × factor^(n-2), capped. */
  private backoff(attemptsSoFar: number): number {
    const { baseMs, factor, maxDelayMs } = this.settings.retry;
    if (attemptsSoFar <= 1) return 0;
    return Math.min(maxDelayMs, baseMs * factor ** (attemptsSoFar - 2));
  }

  private async post(body: string): Promise<DeliveryResult> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), this.settings.webhookTimeoutMs);
    const started = performance.now();
    try {
      const response = await fetch(this.settings.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signWebhookBody(this.settings.appSecret, body),
          'user-agent': 'facebookexternalua',
        },
        body,
        signal: abort.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status, ms: performance.now() - started };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      const error = abort.signal.aborted ? 'timeout' : (cause ?? (err as Error).message);
      return { status: null, ms: performance.now() - started, error };
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private remember(item: Pending): void {
    let list = this.historyByKey.get(item.info.key);
    if (list === undefined) {
      list = [];
      this.historyByKey.set(item.info.key, list);
    }
    list.push({ info: item.info, body: item.body });
    if (list.length > MAX_HISTORY_PER_KEY) list.shift();
  }

  private record(info: DeliveryInfo, attempt: number, result: DeliveryResult, outcome: DeliveryRecord['outcome']): void {
    this.seq += 1;
    this.records.push({
      ...info,
      seq: this.seq,
      attempt,
      at: new Date().toISOString(),
      httpStatus: result.status,
      ms: Math.round(result.ms * 10) / 10,
      ...(result.error === undefined ? {} : { error: result.error }),
      outcome,
    });
    if (this.records.length > MAX_RECORDS) this.records.shift();
  }

  private wakeIdle(): void {
    if (this.pending !== 0) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
