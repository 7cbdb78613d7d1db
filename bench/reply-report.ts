/**
 * What bench/serve-hale.ts reports to the assistant benchmark about every patient message and
 * reply, read from Hale's own tables (tuples keep the IPC message small; times in epoch ms).
 */
export interface ReplyReport {
  /** Inbound communications: [communication id, wamid, webhook received (inbound_events.received_at), event processed, assistant handled]. */
  inbound: Array<[id: string, wamid: string, receivedMs: number | null, processedMs: number | null, handledMs: number | null]>;
  /** Outbound communications: [idempotency key (`turn:<inbound id>:<n>` for assistant replies), provider message id, status, error title, attempts, created]. */
  outbound: Array<[idempotencyKey: string, providerMessageId: string, status: string, errorTitle: string, attempts: number, createdMs: number]>;
  /** inbound_events by kind and state. */
  events: Array<{ kind: string; state: string; count: number }>;
  /** pgboss.job by queue and state (completed, failed, created, retry, active…). */
  jobs: Array<{ name: string; state: string; count: number }>;
  /** Conversations by owner (bot, staff, closed). */
  owners: Record<string, number>;
}
