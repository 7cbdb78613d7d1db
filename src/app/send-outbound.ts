import { DomainError } from '../core/domain-error.ts';
import { isReplyWindowOpen, needsReplyWindow } from '../core/is-reply-window-open.ts';
import type { ChannelSender, Clock, Logger, Metrics, OutboundRecord, PatientRecord, RateLimiter, Transactor } from './ports.ts';
import { RetryLaterError } from './retry-later-error.ts';

export interface SendPolicy {
  /** Account id of the sending number: the throughput bucket is per number. */
  senderId: string;
  messagesPerSecond: number;
  /** Meta's pair limit: 1 message per 6 s to one patient, bursts up to 45. */
  pairRatePerSecond: number;
  pairBurst: number;
  replyWindowHours: number;
  maxAttempts: number;
  /** Waits up to this long for a rate-limit token before handing the job back to the queue. */
  maxInlineWaitMs: number;
}

export const defaultSendPolicy = (senderId: string, messagesPerSecond: number): SendPolicy => ({
  senderId,
  messagesPerSecond,
  pairRatePerSecond: 1 / 6,
  pairBurst: 45,
  replyWindowHours: 24,
  maxAttempts: 8,
  maxInlineWaitMs: 2000,
});

/**
 * `skipped`: the message is not waiting any more (sent or failed before); `claimed`: another
 * sender is sending it right now (a job should look again later).
 */
export type SendOutcome = 'accepted' | 'failed' | 'skipped' | 'claimed' | { deferredSeconds: number };

/** How long a claim lasts: longer than the slowest send (inline waits plus the HTTP timeout). */
const CLAIM_SECONDS = 120;

type Deps = {
  tx: Transactor;
  clock: Clock;
  channel: ChannelSender;
  limiter: RateLimiter;
  metrics: Metrics;
  log: Logger;
  sleep: (ms: number) => Promise<void>;
};

const WINDOW_CLOSED_REASON =
  'More than 24 hours have passed since the patient last wrote; WhatsApp only allows an approved template now.';

/**
 * The one path to the provider. Checks the 24-hour window and the channel's limits, waits for
 * the per-number and per-patient rate limits (shared by all Hale processes through the
 * database), sends, and records the provider's id or a failure with a readable reason.
 * Retryable failures throw RetryLaterError so the job queue backs off and tries again.
 */
export async function sendOutbound(deps: Deps, policy: SendPolicy, communicationId: string): Promise<SendOutcome> {
  const now = deps.clock.now();
  const loaded = await deps.tx.direct(async (repos) => {
    const claim = await repos.communications.claimOutbound(communicationId, now, new Date(now.getTime() + CLAIM_SECONDS * 1000));
    if (claim.message === undefined) return claim.reason;
    return { message: claim.message, earlierQueued: claim.earlierQueued, patient: await repos.patients.get(claim.message.patientId) };
  });
  if (loaded === 'not_queued') return 'skipped';
  if (loaded === 'claimed') return 'claimed';
  try {
    return await sendClaimed(deps, policy, communicationId, loaded);
  } catch (error) {
    await deps.tx.direct((repos) => repos.communications.releaseClaim(communicationId)).catch(() => undefined);
    throw error;
  }
}

async function sendClaimed(
  deps: Deps,
  policy: SendPolicy,
  communicationId: string,
  { message, earlierQueued, patient }: { message: OutboundRecord; earlierQueued: boolean; patient: PatientRecord },
): Promise<SendOutcome> {
  const to = { waId: patient.waId, userId: patient.userId };
  const log = { communicationId, patientId: patient.id, kind: message.reply.kind };

  if (message.businessInitiated && patient.optedOut) {
    return fail(deps, communicationId, { title: 'opted_out', reason: 'The patient wrote STOP: the clinic may not send them reminders or other messages it starts.' }, log);
  }
  if (needsReplyWindow(message.reply) && !isReplyWindowOpen(patient.lastInboundAt, deps.clock.now(), policy.replyWindowHours)) {
    return fail(deps, communicationId, { title: 'reply_window_closed', reason: WINDOW_CLOSED_REASON }, log);
  }
  try {
    deps.channel.validate(message.reply, to);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_reply') {
      return fail(deps, communicationId, { title: 'invalid_reply', reason: error.message }, log);
    }
    throw error;
  }

  // Replies reach the patient in the order they were written: wait for earlier ones to leave first.
  const orderWait = earlierQueued ? await waitForEarlier(deps, patient.id, communicationId, policy.maxInlineWaitMs) : 0;
  if (orderWait > 0) return defer(deps, communicationId, 1);

  for (const [key, rate, burst] of [
    [`number:${policy.senderId}`, policy.messagesPerSecond, policy.messagesPerSecond],
    [`pair:${policy.senderId}:${patient.id}`, policy.pairRatePerSecond, policy.pairBurst],
  ] as const) {
    const waitedOut = await waitForToken(deps, key, rate, burst, policy.maxInlineWaitMs);
    if (waitedOut > 0) {
      deps.log.info({ ...log, waitMs: waitedOut }, 'outbound.deferred_by_rate_limit');
      return defer(deps, communicationId, Math.ceil(waitedOut / 1000));
    }
  }

  const started = performance.now();
  const result = await deps.channel.send(message.reply, to);
  deps.metrics.observe('send_latency_seconds', {}, (performance.now() - started) / 1000);
  const now = deps.clock.now();
  if (result.ok) {
    await deps.tx.direct((repos) =>
      repos.communications.markAccepted(communicationId, result.providerMessageId, now, {
        actorType: 'system',
        action: 'communication.sent',
        entityType: 'Communication',
        entityId: communicationId,
        patientId: patient.id,
        outcome: 'success',
        detail: { kind: message.reply.kind },
      }),
    );
    deps.metrics.count('sends_total', { outcome: 'accepted' });
    deps.log.info(log, 'outbound.accepted');
    return 'accepted';
  }
  const failure = { ...(result.code === undefined ? {} : { code: result.code }), title: result.title, reason: result.reason };
  if (result.retryable) {
    const attempts = await deps.tx.direct((repos) => repos.communications.noteAttempt(communicationId, failure));
    if (attempts < policy.maxAttempts) {
      deps.metrics.count('sends_total', { outcome: 'retry' });
      deps.log.warn({ ...log, code: result.code, attempts }, 'outbound.retry');
      throw new RetryLaterError(`send failed with retryable code ${result.code ?? 'transport'} (attempt ${attempts})`);
    }
  }
  return fail(deps, communicationId, failure, log);
}

async function defer(deps: Deps, communicationId: string, seconds: number): Promise<{ deferredSeconds: number }> {
  await deps.tx.direct((repos) => repos.communications.releaseClaim(communicationId));
  return { deferredSeconds: seconds };
}

/** Waits (with growing pauses, so a long queue costs few queries) until earlier replies have left. */
async function waitForEarlier(deps: Deps, patientId: string, communicationId: string, maxWaitMs: number): Promise<number> {
  let waited = 0;
  for (let pause = 10; ; pause *= 2) {
    const blocked = await deps.tx.direct((repos) => repos.communications.hasEarlierQueued(patientId, communicationId));
    if (!blocked) return 0;
    if (waited >= maxWaitMs) return waited;
    await deps.sleep(pause);
    waited += pause;
  }
}

async function waitForToken(deps: Deps, key: string, rate: number, burst: number, maxInlineWaitMs: number): Promise<number> {
  let waited = 0;
  for (;;) {
    const wait = await deps.limiter.take(key, rate, burst);
    if (wait === 0) return 0;
    if (waited + wait > maxInlineWaitMs) return wait;
    await deps.sleep(wait);
    waited += wait;
  }
}

async function fail(
  deps: Deps,
  communicationId: string,
  failure: { code?: number; title: string; reason: string },
  log: Record<string, unknown>,
): Promise<'failed'> {
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    await repos.communications.markFailed(communicationId, failure, now);
  });
  deps.metrics.count('sends_total', { outcome: 'failed' });
  deps.log.warn({ ...log, code: failure.code, title: failure.title }, 'outbound.failed');
  return 'failed';
}
