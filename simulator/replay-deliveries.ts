/**
 * Replays webhook payloads Hale already acknowledged, byte for byte, as Meta does on retries:
 * `duplicate` re-sends the last N deliveries of a persona; `reorder` re-sends every status of
 * one outbound message newest first (read, delivered, sent), i.e. out of order.
 */
import type { SimulatorContext } from './simulator-context.ts';
import type { DeliveryResult } from './webhook-sender.ts';

export interface ReplayOptions {
  waId?: string;
  duplicate?: boolean;
  reorder?: boolean;
  count?: number;
  messageId?: string;
}

export interface ReplayResult {
  waId: string;
  replayed: Array<{ label: string; messageId?: string; webhookStatus: number | null }>;
}

export class ReplayError extends Error {}

export async function replayDeliveries(ctx: SimulatorContext, options: ReplayOptions): Promise<ReplayResult> {
  const waId = options.waId ?? ctx.sender.deliveries().filter((d) => d.outcome === 'delivered').at(-1)?.key;
  if (waId === undefined) throw new ReplayError('nothing has been delivered yet');
  const history = ctx.sender.history(waId).filter((h) => h.info.replay === undefined);
  if (history.length === 0) throw new ReplayError(`nothing has been delivered to Hale for ${waId} yet`);

  let picked: typeof history;
  let mode: 'duplicate' | 'reorder';
  if (options.reorder) {
    mode = 'reorder';
    const target =
      options.messageId ?? history.filter((h) => h.info.label.startsWith('status.')).at(-1)?.info.messageId;
    picked = history.filter((h) => h.info.messageId === target && h.info.label.startsWith('status.')).reverse();
    if (picked.length < 2) throw new ReplayError(`message ${target ?? '(none)'} has fewer than two statuses to reorder`);
  } else {
    mode = 'duplicate';
    picked = history.slice(-Math.max(1, options.count ?? 1));
  }
  const results: Array<Promise<DeliveryResult>> = picked.map((h) => ctx.sender.enqueue({ ...h.info, replay: mode }, h.body));
  const settled = await Promise.all(results);
  return {
    waId,
    replayed: picked.map((h, i) => ({
      label: h.info.label,
      ...(h.info.messageId === undefined ? {} : { messageId: h.info.messageId }),
      webhookStatus: settled[i]?.status ?? null,
    })),
  };
}
