import { DomainError } from '../core/domain-error.ts';
import type { OutboundReply } from '../core/messages.ts';
import type { ChannelSender, Clock, Transactor } from './ports.ts';

export interface QueueReplyInput {
  patientId: string;
  reply: OutboundReply;
  sender: 'bot' | 'staff' | 'system';
  /** Same key twice → the message is queued once (e.g. `reminder:<appointment>:24h`). */
  idempotencyKey?: string;
  /** Reminders, broadcasts, results notices: refused for patients who wrote STOP. */
  businessInitiated?: boolean;
}

/**
 * Puts a reply in the outbox (a queued Communication) and enqueues its send job, in one
 * transaction. Channel limits are checked here so the caller hears about a bad reply at once.
 */
export async function queueReply(
  deps: { tx: Transactor; clock: Clock; channel: Pick<ChannelSender, 'validate'> },
  input: QueueReplyInput,
): Promise<{ communicationId: string; created: boolean }> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const patient = await repos.patients.get(input.patientId);
    if (input.businessInitiated === true && patient.optedOut) {
      throw new DomainError('opted_out', 'the patient opted out of messages from the clinic (STOP)', { patientId: patient.id });
    }
    deps.channel.validate(input.reply, { waId: patient.waId, userId: patient.userId });
    const row = await repos.communications.insertOutbound({
      patientId: input.patientId,
      reply: input.reply,
      sender: input.sender,
      ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey }),
      businessInitiated: input.businessInitiated === true,
      at: now,
    });
    if (row.created) await repos.jobs.enqueue('outbound.send', { communicationId: row.id });
    return { communicationId: row.id, created: row.created };
  });
}
