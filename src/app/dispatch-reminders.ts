import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { decideReminderSend, templatePurposeOf } from '../core/reminders/decide-reminder-send.ts';
import type { OutboundReply } from '../core/messages.ts';
import type { ChannelSender, Clock, Logger, Metrics, SendResult, Transactor } from './ports.ts';
import type { ClaimedReminder, DispatchPatient, SendTokens } from './reminder-ports.ts';

export interface ReminderDispatchPolicy {
  /** The sending number (phone_number_id): Meta's throughput and messaging limits are per number. */
  senderId: string;
  /** WHATSAPP_MPS. Reminders pace at `rateShare` of it, with a burst of `burstShare`, so that no one-second window ever holds more than the limit. */
  messagesPerSecond: number;
  rateShare: number;
  burstShare: number;
  batchSize: number;
  /** Send slots reserved per database round trip. */
  chunkSize: number;
  /** How long a claim is exclusive; after it, another process reconciles the row (ADR reminders-exactly-once). */
  leaseMs: number;
  replyWindowHours: number;
  maxAttempts: number;
  /**
   * A reminder whose earlier claim died after writing its outbox row may have been sent: it is
   * sent again only this long after that row was written, if no status webhook said it went out.
   */
  statusGraceMs: number;
  /** Overflow of the daily recipient limit is tried again after this long. */
  limitRetryMs: number;
}

export const defaultReminderDispatchPolicy = (senderId: string, messagesPerSecond: number): ReminderDispatchPolicy => ({
  senderId,
  messagesPerSecond,
  rateShare: 0.96,
  burstShare: 0.01,
  batchSize: 100,
  chunkSize: 25,
  leaseMs: 20_000,
  statusGraceMs: 60_000,
  replyWindowHours: 24,
  maxAttempts: 8,
  limitRetryMs: 3_600_000,
});

type Deps = {
  tx: Transactor;
  clock: Clock;
  channel: Pick<ChannelSender, 'send'>;
  tokens: SendTokens;
  clinic: ClinicConfig;
  metrics: Metrics;
  log: Logger;
  sleep: (ms: number) => Promise<void>;
};

type Ready = { reminder: ClaimedReminder; patient: DispatchPatient; reply: OutboundReply; sentAs: 'template' | 'session' };

/** A send more than this late for its reserved slot waits for a new slot instead. */
const LATE_SLOT_MS = 20;

/** Callback data on each reminder send: the status webhook brings it back (see adoptProviderId). */
export const callbackDataOf = (communicationId: string): string => `c:${communicationId}`;

/**
 * One round of reminder dispatch: claims due reminders (SKIP LOCKED, with a lease), decides for
 * each (consent, STOP, still relevant, quiet hours, template or session message), admits
 * recipients under the daily unique-recipient limit, writes the outbox rows, then sends at the
 * shared per-number pace and records the outcome (with one audit row per reminder). A row whose
 * earlier claim died mid-send is reconciled first: if its message reached Meta (provider id on
 * the Communication, also set from a status webhook carrying the callback data) it is marked
 * sent, never sent again. Returns how many reminders were claimed.
 */
export async function dispatchDueReminders(deps: Deps, policy: ReminderDispatchPolicy, workerId: string): Promise<number> {
  const now = deps.clock.now();
  const claimed = await deps.tx.direct((repos) =>
    repos.reminders.claimDue({ now, reclaimBefore: new Date(now.getTime() - policy.leaseMs), limit: policy.batchSize, leaseUntil: new Date(now.getTime() + policy.leaseMs), workerId }),
  );
  if (claimed.length === 0) return 0;
  const lease = holdLease(deps, policy, workerId, claimed.map((r) => r.id), now);
  try {
    return await dispatchClaimed(deps, policy, workerId, claimed, now, lease);
  } finally {
    await lease.stop();
  }
}

interface Lease {
  /** Whether this round may still start a send for the reminder (its claim is held with time to spare). */
  holds(reminderId: string): boolean;
  /** Stops renewing (before the round records its outcome: renewal and recording never lock the same rows at once). */
  stop(): Promise<void>;
}

/**
 * Renews the claim every third of the lease while the round runs, so a slow round (a loaded
 * machine, a slow provider) keeps its rows; a process that dies stops renewing and its rows are
 * taken over when the lease ends. A send starts only while at least a third of the lease is left.
 */
function holdLease(deps: Deps, policy: ReminderDispatchPolicy, workerId: string, ids: string[], claimedAt: Date): Lease {
  let held = new Set(ids);
  let validUntil = claimedAt.getTime() + policy.leaseMs;
  let renewing: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (renewing !== undefined) return;
    const until = new Date(deps.clock.now().getTime() + policy.leaseMs);
    renewing = deps.tx
      .direct((repos) => repos.reminders.renewLease([...held], workerId, until))
      .then(
        (stillHeld) => {
          held = stillHeld;
          validUntil = until.getTime();
        },
        (error: unknown) => deps.log.warn({ err: error, workerId }, 'reminders.lease_renewal_failed'),
      )
      .finally(() => {
        renewing = undefined;
      });
  }, Math.max(100, Math.floor(policy.leaseMs / 3)));
  timer.unref();
  return {
    holds: (id) => held.has(id) && deps.clock.now().getTime() < validUntil - policy.leaseMs / 3,
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}

async function dispatchClaimed(deps: Deps, policy: ReminderDispatchPolicy, workerId: string, claimed: ClaimedReminder[], now: Date, lease: Lease): Promise<number> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  // 1. Reconcile earlier claims that reached Meta.
  const alreadySent = claimed.filter((r) => r.communication !== undefined && (r.communication.providerMessageId !== undefined || !['queued', 'failed'].includes(r.communication.status)));
  if (alreadySent.length > 0) {
    await deps.tx.run((repos) =>
      repos.reminders.markSent(
        alreadySent.map((r) => ({ reminderId: r.id, communicationId: r.communication!.id, providerMessageId: undefined, sentAs: undefined, patientId: r.patientId, kind: r.kind })),
        now,
      ),
    );
    deps.log.info({ count: alreadySent.length, workerId }, 'reminders.reconciled_sent');
  }
  // 2. A send that may have happened (outbox row written, no provider id yet) waits for its status
  // webhook first: for the grace period, and while webhooks received within it still wait to be
  // processed (bounded: a stuck event holds a reminder back for at most ten grace periods).
  const maybeSent = claimed.filter((r) => !alreadySent.includes(r) && r.communication?.status === 'queued');
  let backlog = false;
  if (maybeSent.length > 0) {
    const latest = Math.max(...maybeSent.map((r) => r.communication!.statusAt?.getTime() ?? 0));
    const horizon = new Date(Math.min(now.getTime(), latest + policy.statusGraceMs));
    backlog = now.getTime() < latest + 10 * policy.statusGraceMs && (await deps.tx.direct((repos) => repos.events.findStalled(horizon, 1))).length > 0;
  }
  const inDoubt = maybeSent.filter((r) => backlog || (r.communication!.statusAt !== undefined && now.getTime() < r.communication!.statusAt.getTime() + policy.statusGraceMs));
  if (inDoubt.length > 0) {
    const until = new Date(Math.max(now.getTime() + 5000, ...inDoubt.map((r) => (r.communication!.statusAt?.getTime() ?? 0) + policy.statusGraceMs)));
    await deps.tx.direct((repos) => repos.reminders.defer(inDoubt.map((r) => r.id), until, 'awaiting_status', now));
    deps.log.info({ count: inDoubt.length, workerId }, 'reminders.awaiting_status');
  }
  const open = claimed.filter((r) => !alreadySent.includes(r) && !inDoubt.includes(r));
  if (open.length === 0) return claimed.length;

  // 3. Decide each reminder from its patient and subject.
  const { patients, subjects } = await deps.tx.direct(async (repos) => ({
    patients: await repos.reminders.loadPatients(open.map((r) => r.patientId)),
    subjects: await repos.reminders.loadSubjects(open),
  }));
  const ready: Ready[] = [];
  const skipped = new Map<string, string[]>();
  const deferred = new Map<number, string[]>();
  const noTemplate: ClaimedReminder[] = [];
  for (const reminder of open) {
    const patient = patients.get(reminder.patientId);
    const decision = decideReminderSend(
      { reminder, patient, subject: subjects.get(reminder.subjectId) },
      { config: deps.clinic, now, replyWindowHours: policy.replyWindowHours },
    );
    if (decision.action === 'skip') skipped.set(decision.reason, [...(skipped.get(decision.reason) ?? []), reminder.id]);
    else if (decision.action === 'defer') deferred.set(decision.until.getTime(), [...(deferred.get(decision.until.getTime()) ?? []), reminder.id]);
    else if (decision.action === 'fail') noTemplate.push(reminder);
    else if (patient !== undefined) ready.push({ reminder, patient, reply: decision.reply, sentAs: decision.as });
  }
  await deps.tx.run(async (repos) => {
    for (const [reason, ids] of skipped) await repos.reminders.finish(ids, 'skipped', reason, now);
    for (const [until, ids] of deferred) await repos.reminders.defer(ids, new Date(until), 'quiet_hours', now);
    if (noTemplate.length > 0) {
      await repos.reminders.finish(noTemplate.map((r) => r.id), 'failed', 'no_template', now);
      for (const kind of new Set(noTemplate.map((r) => r.kind))) {
        await repos.reminders.alert({ kind: 'reminder_failed', dedupeKey: `no_template:${kind}:${now.toISOString().slice(0, 10)}`, detail: { reason: 'no_template', purpose: templatePurposeOf[kind] } }, now);
      }
    }
  });
  for (const [reason, ids] of skipped) deps.log.info({ reason, count: ids.length }, 'reminders.skipped');
  if (deferred.size > 0) deps.log.info({ reason: 'quiet_hours', count: [...deferred.values()].reduce((n, ids) => n + ids.length, 0) }, 'reminders.deferred');
  if (noTemplate.length > 0) deps.log.warn({ count: noTemplate.length }, 'reminders.no_template');
  if (ready.length === 0) return claimed.length;

  // 4. The daily unique-recipient limit, then the outbox rows, in one short transaction.
  const limit = deps.clinic.reminders.dailyRecipientLimit;
  const { admitted, communications } = await deps.tx.run(async (repos) => {
    const admittedIds = await repos.reminders.admitRecipients(policy.senderId, ready.map((r) => r.patient.id), now, limit);
    const overflow = ready.filter((r) => !admittedIds.has(r.patient.id));
    if (overflow.length > 0) {
      await repos.reminders.defer(overflow.map((r) => r.reminder.id), new Date(now.getTime() + policy.limitRetryMs), 'daily_limit', now);
      const warned = await repos.reminders.alert({ kind: 'daily_limit_reached', dedupeKey: `daily_limit:${policy.senderId}:${now.toISOString().slice(0, 10)}`, detail: { limit, deferred: overflow.length } }, now);
      if (warned) deps.log.warn({ limit, deferred: overflow.length }, 'reminders.daily_limit_reached');
    }
    const admittedReady = ready.filter((r) => admittedIds.has(r.patient.id));
    const prepared = await repos.reminders.prepareCommunications(
      admittedReady.map((r) => ({ reminderId: r.reminder.id, patientId: r.patient.id, reply: r.reply })),
      now,
    );
    return { admitted: admittedReady, communications: prepared };
  });

  const preparedMs = ms();
  // 5. Send at the shared pace; every request carries the Communication id as callback data.
  const bucket = `number:${policy.senderId}`;
  const rate = policy.messagesPerSecond * policy.rateShare;
  const burst = Math.max(1, Math.floor(policy.messagesPerSecond * policy.burstShare));
  const queue = admitted.filter((r) => communications.has(r.reminder.id));
  const inflight: Array<Promise<{ item: Ready; communicationId: string; result: SendResult }>> = [];
  let released = 0;
  while (queue.length > 0) {
    // Reserve a chunk of slots on the shared timeline, then start each send at its slot.
    const chunk = queue.splice(0, Math.min(queue.length, policy.chunkSize));
    const { offsetsMs } = await deps.tokens.reserve(bucket, rate, burst, chunk.length);
    const reservedAt = performance.now();
    const late: Ready[] = [];
    for (const [index, item] of chunk.entries()) {
      const wait = reservedAt + (offsetsMs[index] ?? 0) - performance.now();
      if (wait >= 2) await deps.sleep(Math.floor(wait));
      // Never catch up on a missed slot (a stalled process would send a burst): give it up, reserve anew.
      if (reservedAt + (offsetsMs[index] ?? 0) - performance.now() < -LATE_SLOT_MS) {
        late.push(item);
        continue;
      }
      // A claim this round can no longer vouch for is left to the process that takes it over.
      if (!lease.holds(item.reminder.id)) {
        released += 1;
        continue;
      }
      const communicationId = communications.get(item.reminder.id)!.id;
      const to = { waId: item.patient.waId, userId: item.patient.userId };
      inflight.push(
        deps.channel.send(item.reply, to, { callbackData: callbackDataOf(communicationId) }).then(
          (result) => ({ item, communicationId, result }),
          (error: unknown) => ({ item, communicationId, result: { ok: false, title: 'transport', reason: String(error), retryable: true } as SendResult }),
        ),
      );
    }
    queue.unshift(...late);
  }
  const results = await Promise.all(inflight);
  const sentMs = ms();
  if (released > 0) deps.log.warn({ released, workerId }, 'reminders.lease_lost');

  // 6. Record what happened.
  await lease.stop();
  const sentAt = deps.clock.now();
  const sent = results.filter((r) => r.result.ok);
  await deps.tx.run(async (repos) => {
    if (sent.length > 0) {
      await repos.reminders.markSent(
        sent.map((r) => ({
          reminderId: r.item.reminder.id,
          communicationId: r.communicationId,
          providerMessageId: r.result.ok ? r.result.providerMessageId : undefined,
          sentAs: r.item.sentAs,
          patientId: r.item.patient.id,
          kind: r.item.reminder.kind,
        })),
        sentAt,
      );
    }
    for (const { item, communicationId, result } of results) {
      if (result.ok) continue;
      const failure = { ...(result.code === undefined ? {} : { code: result.code }), title: result.title, reason: result.reason };
      if (result.retryable && item.reminder.attempts < policy.maxAttempts) {
        // The outbox row is marked failed meanwhile (it must not hold back the patient's later messages) and queued again on retry.
        await repos.reminders.markSendFailed({ reminderId: item.reminder.id, communicationId, ...failure }, sentAt);
        const backoffMs = Math.min(30 * 60_000, 15_000 * 2 ** Math.max(0, item.reminder.attempts - 1));
        await repos.reminders.defer([item.reminder.id], new Date(sentAt.getTime() + backoffMs), 'retry', sentAt);
      } else {
        await repos.reminders.markSendFailed({ reminderId: item.reminder.id, communicationId, ...failure }, sentAt);
        await repos.reminders.alert(
          { kind: 'reminder_failed', dedupeKey: `reminder_failed:${item.reminder.id}`, patientId: item.patient.id, subjectId: item.reminder.subjectId, detail: { code: result.code ?? 0, title: result.title, kind: item.reminder.kind } },
          sentAt,
        );
      }
    }
  });
  deps.metrics.count('sends_total', { outcome: 'accepted' }, sent.length);
  if (sent.length < results.length) {
    deps.metrics.count('sends_total', { outcome: 'failed' }, results.length - sent.length);
    const titles = [...new Set(results.flatMap((r) => (r.result.ok ? [] : [r.result.title])))].slice(0, 5);
    deps.log.warn({ failed: results.length - sent.length, titles, workerId }, 'reminders.send_failed');
  }
  deps.log.info({ sent: sent.length, claimed: claimed.length, workerId, preparedMs, sentMs, recordedMs: ms() }, 'reminders.dispatched');
  return claimed.length;
}
