import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { translate } from '../core/locales/translate.ts';
import type { AuditEntry, Clock, Transactor } from './ports.ts';

/**
 * Staff hand a conversation back to the assistant (or close it). The patient is told in their
 * language; the event and an audit row record who did it.
 */
export async function handBackConversation(
  deps: { tx: Transactor; clock: Clock; clinic: ClinicConfig },
  input: { conversationId: string; to: 'bot' | 'closed'; actor: { type: AuditEntry['actorType']; id?: string } },
): Promise<void> {
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    const conversation = await repos.conversations.find(input.conversationId);
    if (conversation === undefined) throw new DomainError('not_found', 'conversation not found', { conversationId: input.conversationId });
    const patient = await repos.patients.get(conversation.patientId);
    await repos.conversations.setOwner(conversation.id, input.to, now);
    const type = input.to === 'bot' ? 'conversation.handed_back' : 'conversation.closed';
    await repos.conversations.addEvent(conversation.id, { type, actorType: input.actor.type, ...(input.actor.id === undefined ? {} : { actorId: input.actor.id }) }, now);
    await repos.audit.append(
      { actorType: input.actor.type, ...(input.actor.id === undefined ? {} : { actorId: input.actor.id }), action: type, entityType: 'Conversation', entityId: conversation.id, patientId: patient.id, outcome: 'success' },
      now,
    );
    if (input.to === 'bot') {
      const language = conversation.state?.language ?? patient.language ?? deps.clinic.languages.default;
      const row = await repos.communications.insertOutbound({
        patientId: patient.id,
        reply: { kind: 'text', text: translate(language, 'handBack') },
        sender: 'system',
        idempotencyKey: `handback:${conversation.id}:${conversation.version}:${now.getTime()}`,
        at: now,
      });
      if (row.created) await repos.jobs.enqueue('outbound.send', { communicationId: row.id });
    }
  });
}
