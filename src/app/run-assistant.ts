import { handleTurn } from '../core/assistant/handle-turn.ts';
import { initialState, type ConversationState, type Owner } from '../core/assistant/conversation-state.ts';
import type { Effect } from '../core/assistant/effects.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import type { InboundContent } from '../core/messages.ts';
import type { Clock, Logger, Nlu, Repositories, Transactor } from './ports.ts';
import { RetryLaterError } from './retry-later-error.ts';

/** Messages handled per job; a longer backlog continues in a follow-up job. */
const BATCH = 20;

type Deps = { tx: Transactor; clock: Clock; nlu: Nlu; clinic: ClinicConfig; log: Logger };

/**
 * Runs the assistant over a patient's unhandled messages, strictly in arrival order, under a
 * lock on the conversation. State, replies (outbox rows + send jobs), effects, the handled mark
 * and audit rows commit together: a retried or duplicated job never answers twice.
 */
export async function runAssistant(deps: Deps, patientId: string): Promise<void> {
  const outcome = await deps.tx.run(async (repos) => {
    const now = deps.clock.now();
    const conversation = await repos.conversations.lockForPatient(patientId, now);
    const pending = await repos.communications.unhandledInbound(patientId, BATCH);
    if (pending.length === 0) return { more: false, saved: true };
    const patient = await repos.patients.get(patientId);
    let state: ConversationState = conversation.state ?? { ...initialState(), language: patient.language };
    let owner: Owner = conversation.owner;
    let optedOut = patient.optedOut;
    let replies = 0;
    for (const message of pending) {
      const text = textOf(message.content);
      const understanding = text === undefined ? undefined : await deps.nlu.understand(text, { language: state.language });
      const result = handleTurn({ config: deps.clinic, now, state, owner, optedOut, content: message.content, understanding });
      for (const effect of result.effects) {
        await applyEffect(repos, effect, { patientId, conversationId: conversation.id, communicationId: message.id, at: now });
        if (effect.type === 'patient.opted_out') optedOut = true;
        if (effect.type === 'patient.opted_in') optedOut = false;
      }
      for (const [index, reply] of result.replies.entries()) {
        const row = await repos.communications.insertOutbound({ patientId, reply, sender: 'bot', idempotencyKey: `turn:${message.id}:${index}`, at: now });
        if (row.created) await repos.jobs.enqueue('outbound.send', { communicationId: row.id });
        replies += 1;
      }
      await repos.communications.markHandled(message.id, now);
      state = result.state;
      owner = result.owner;
    }
    // The assistant read them: blue ticks for the patient (staff-owned conversations get them when staff read).
    const lastRead = pending.at(-1)?.providerMessageId;
    if (owner === 'bot' && lastRead !== undefined) await repos.jobs.enqueue('outbound.mark_read', { providerMessageId: lastRead });
    const saved = await repos.conversations.save(conversation.id, { owner, state, expectedVersion: conversation.version, at: now, patientWrote: true });
    deps.log.info({ patientId, conversationId: conversation.id, handled: pending.length, replies, owner, step: state.step }, 'assistant.turn');
    return { more: pending.length === BATCH, saved };
  });
  if (!outcome.saved) throw new RetryLaterError('conversation changed meanwhile (version conflict)');
  if (outcome.more) await deps.tx.run((repos) => repos.jobs.enqueue('conversation.turn', { patientId }));
}

function textOf(content: InboundContent): string | undefined {
  if (content.kind === 'text') return content.text;
  if (content.kind === 'media') return content.caption;
  if (content.kind === 'edit') return textOf(content.content);
  return undefined;
}

async function applyEffect(
  repos: Repositories,
  effect: Effect,
  ids: { patientId: string; conversationId: string; communicationId: string; at: Date },
): Promise<void> {
  const { patientId, conversationId, communicationId, at } = ids;
  switch (effect.type) {
    case 'consent.recorded':
      await repos.consents.record({ patientId, decision: effect.decision, policyVersion: effect.version, at, sourceCommunicationId: communicationId });
      if (effect.decision !== 'granted') await repos.patients.forgetProfileName(patientId);
      await repos.audit.append({ actorType: 'patient', action: `consent.${effect.decision}`, entityType: 'Consent', patientId, outcome: 'success', detail: { policyVersion: effect.version } }, at);
      return;
    case 'language.set':
      await repos.patients.setLanguage(patientId, effect.language);
      return;
    case 'patient.opted_out':
    case 'patient.opted_in':
      await repos.patients.setOptedOut(patientId, effect.type === 'patient.opted_out', at);
      await repos.audit.append({ actorType: 'patient', action: effect.type, entityType: 'Patient', entityId: patientId, patientId, outcome: 'success' }, at);
      return;
    case 'conversation.handed_off':
      await repos.conversations.handOver(conversationId, { reason: effect.reason, summary: effect.summary, urgent: effect.urgent, at });
      await repos.conversations.addEvent(conversationId, { type: 'conversation.handed_off', reason: effect.reason, actorType: 'system' }, at);
      return;
    case 'conversation.flagged_urgent':
      await repos.conversations.flagUrgent(conversationId, `Red flags: ${effect.redFlags.join(', ')}`, at);
      await repos.conversations.addEvent(conversationId, { type: 'conversation.flagged_urgent', reason: 'red_flag', actorType: 'system' }, at);
      await repos.audit.append({ actorType: 'system', action: 'conversation.flagged_urgent', entityType: 'Conversation', entityId: conversationId, patientId, outcome: 'success', detail: { flags: effect.redFlags.length } }, at);
      return;
  }
}
