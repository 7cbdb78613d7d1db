import type { InboundMessage } from '../core/messages.ts';
import { RetryLaterError } from './retry-later-error.ts';
import type { ChannelTranslator, Clock, Logger, Metrics, Repositories, Transactor } from './ports.ts';

/** A status can arrive before the send response stored its wamid; retry a few times first. */
export const STATUS_ORPHAN_ATTEMPTS = 5;


type Deps = { tx: Transactor; clock: Clock; translator: ChannelTranslator; metrics: Metrics; log: Logger };

/**
 * Handles one stored webhook event: a patient message becomes a Communication (and the patient
 * is found or created by channel id), a status moves an outbound message's delivery state.
 * Idempotent: running it twice for the same event changes nothing the second time. Returns the
 * patient of a message event, whose assistant turn the caller runs next.
 */
export async function processInboundEvent(deps: Deps, eventId: number): Promise<{ patientId: string } | undefined> {
  const now = deps.clock.now();
  let patientId: string | undefined;
  const retry = await deps.tx.run(async (repos): Promise<string | undefined> => {
    // A sender's earlier messages still pending (their job is queued, or behind this one) are
    // recorded first, in arrival order: the assistant never answers a later message before an
    // earlier one, whichever process or job got here first (ADR 15).
    const backlog = await repos.events.lockSenderBacklog(eventId);
    if (backlog.length > 0) {
      for (const earlier of backlog) {
        const recorded = await recordMessageEvent(repos, deps, earlier.id, earlier.raw, now);
        if (earlier.id === eventId) patientId = recorded;
      }
      if (backlog.some((e) => e.id === eventId)) return undefined;
    }
    const event = await repos.events.find(eventId);
    if (event === undefined) return undefined;
    if (event.state !== 'pending') {
      // A retried job: the message is recorded; its patient's assistant turn may still be due.
      patientId = event.state === 'processed' && event.kind === 'message' ? await repos.events.findPatientOfMessageEvent(eventId) : undefined;
      return undefined;
    }
    if (event.kind === 'message') {
      patientId = await recordMessageEvent(repos, deps, eventId, event.raw, now);
      return undefined;
    }
    if (event.kind === 'status') {
      const translated = deps.translator.toStatusUpdate(event.raw);
      if (!translated.ok) {
        await repos.events.markDone(eventId, 'failed', now, translated.reason);
        return undefined;
      }
      const update = translated.value;
      const reason = update.error === undefined ? undefined : deps.translator.describeFailure(update.error.code);
      let outcome = await repos.communications.applyStatus(update, reason);
      // A reminder sent just before a crash: the status names its outbox row (callback data), so the send is recorded, not repeated.
      if (outcome === 'unknown' && update.callbackData?.startsWith('c:') === true && (await repos.reminders.adoptProviderId(update.callbackData.slice(2), update.providerMessageId, now))) {
        outcome = await repos.communications.applyStatus(update, reason);
      }
      deps.metrics.count('statuses_total', { status: translated.value.status, outcome });
      if (outcome === 'unknown') {
        const attempts = await repos.events.countAttempt(eventId);
        if (attempts < STATUS_ORPHAN_ATTEMPTS) return `status for a message not recorded yet (attempt ${attempts})`;
        await repos.events.markDone(eventId, 'ignored', now, 'status for a message Hale did not send');
        return undefined;
      }
      await repos.events.markDone(eventId, 'processed', now);
      return undefined;
    }
    await repos.events.markDone(eventId, 'ignored', now, `nothing to process for a ${event.kind} event`);
    return undefined;
  });
  // Thrown after the transaction committed, so the attempt count is kept.
  if (retry !== undefined) throw new RetryLaterError(retry);
  return patientId === undefined ? undefined : { patientId };
}

/** Records one pending message event; returns its patient (undefined when it cannot be read). */
async function recordMessageEvent(repos: Repositories, deps: Deps, eventId: number, raw: unknown, now: Date): Promise<string | undefined> {
  const translated = deps.translator.toInboundMessage(raw);
  if (!translated.ok) {
    await repos.events.markDone(eventId, 'failed', now, translated.reason);
    deps.log.warn({ eventId, reason: translated.reason }, 'inbound.untranslatable');
    return undefined;
  }
  const patientId = await recordInbound(repos, translated.value, now, deps.log);
  await repos.events.markDone(eventId, 'processed', now);
  return patientId;
}

async function recordInbound(repos: Repositories, message: InboundMessage, now: Date, log: Logger): Promise<string> {
  const ref = { waId: message.from.waId, userId: message.from.userId };
  let patient = await repos.patients.findByChannelId(ref);
  if (patient === undefined) {
    patient = await repos.patients.create({ ...ref, profileName: message.from.profileName }, now);
    await repos.audit.append(
      { actorType: 'patient', action: 'patient.created', entityType: 'Patient', entityId: patient.id, patientId: patient.id, outcome: 'success', detail: { via: message.channel } },
      now,
    );
  }
  const recorded = await repos.communications.insertInbound({ patientId: patient.id, message });
  if (recorded === undefined) return patient.id; // already recorded under another event
  // The profile name only when it changed: an unchanged one costs no write and no re-indexing.
  const profileName = message.from.profileName === patient.profileName ? undefined : message.from.profileName;
  await repos.patients.noteInbound(patient.id, new Date(message.sentAt), profileName);
  const content = message.content;
  if (content.kind === 'media') {
    const mediaId = await repos.media.insertPending({ communicationId: recorded.id, patientId: patient.id, content });
    await repos.jobs.enqueue('media.fetch', { mediaId });
  }
  if (content.kind === 'system' && content.event === 'number_changed' && content.newWaId !== undefined) {
    await repos.patients.changeWaId(patient.id, content.newWaId);
    await repos.audit.append(
      { actorType: 'patient', action: 'patient.number_changed', entityType: 'Patient', entityId: patient.id, patientId: patient.id, outcome: 'success' },
      now,
    );
  }
  log.info({ patientId: patient.id, communicationId: recorded.id, kind: content.kind }, 'inbound.recorded');
  return patient.id;
}
