/** What the simulator's routes and operations share. */
import type { BusinessIdentity } from './build-webhook-envelope.ts';
import type { SimulatorConfig } from './simulator-config.ts';
import type { SimulatorStore } from './simulator-store.ts';
import type { TemplateRegistry } from './template-registry.ts';
import type { TokenBucket } from './token-bucket.ts';
import type { WebhookSender } from './webhook-sender.ts';

export interface SimulatorContext {
  config: SimulatorConfig;
  business: BusinessIdentity;
  store: SimulatorStore;
  templates: TemplateRegistry;
  sender: WebhookSender;
  limits: { mps: TokenBucket; pairs: Map<string, TokenBucket> };
  /** Pending status/typing timers, cleared on close. */
  timers: Set<NodeJS.Timeout>;
}

/** Runs `fn` after `ms`, unless the simulator closes first. */
export function later(ctx: SimulatorContext, ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    ctx.timers.delete(timer);
    fn();
  }, ms);
  ctx.timers.add(timer);
}

export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/** Digits of a phone number as WhatsApp ids carry them (`+1 (650) 555-1234` → `16505551234`). */
export function toWaId(input: string): string | undefined {
  if (!/^[+\d\s().-]+$/.test(input)) return undefined;
  const digits = input.replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 15 ? digits : undefined;
}
