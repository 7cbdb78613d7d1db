import { handleTurn, resumeTurn, type TurnOutput } from '../core/assistant/handle-turn.ts';
import { initialState, type ConversationState, type Owner } from '../core/assistant/conversation-state.ts';
import type { AssistantRequest, Effect, RequestResult } from '../core/assistant/effects.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import type { InboundContent } from '../core/messages.ts';
import type { Clock, ConversationRecord, Logger, Nlu, Repositories, Transactor } from './ports.ts';
import { RetryLaterError } from './retry-later-error.ts';
import { assessVital } from '../core/vitals/assess-vital.ts';
import { toObservation } from '../core/vitals/to-observation.ts';
import { applyReminderAnswer } from './answer-reminder.ts';
import { applyCareEffect } from './apply-care-effect.ts';
import { asksForResults } from '../core/results/results-texts.ts';

/** Messages handled per transaction; a longer backlog continues in the next round. */
const BATCH = 20;
/** Rounds per job (a round ends at a request the booking flow makes, or at BATCH messages). */
const MAX_ROUNDS = 20;

type Deps = {
  tx: Transactor;
  clock: Clock;
  nlu: Nlu;
  clinic: ClinicConfig;
  log: Logger;
  /** Answers the booking flow's requests (availability, hold, book, list, cancel). */
  perform: (patientId: string, request: AssistantRequest) => Promise<RequestResult>;
};

type Round = { kind: 'idle' } | { kind: 'more' } | { kind: 'request'; request: AssistantRequest; version: number } | { kind: 'conflict' };

/** What a run committed: replies to send now, in order, and the patient message to mark read. */
export interface AssistantRun {
  replies: string[];
  markRead?: string;
}

/**
 * Runs the assistant over a patient's unhandled messages, strictly in arrival order, under a
 * lock on the conversation. State, replies (outbox rows + send jobs), effects, the handled mark
 * and audit rows commit together: a retried or duplicated job never answers twice. When the
 * engine needs data or an action (booking), the request is saved with the state, answered
 * outside the lock, and the turn resumes in a second transaction before any later message.
 */
export async function runAssistant(deps: Deps, patientId: string): Promise<AssistantRun> {
  const run: { replies: string[]; markRead?: string } = { replies: [] };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const outcome = await deps.tx.run((repos) => handleRound(deps, repos, patientId, run));
    if (outcome.kind === 'conflict') throw new RetryLaterError('conversation changed meanwhile (version conflict)');
    if (outcome.kind === 'idle') return run;
    if (outcome.kind === 'request') {
      const result = await deps.perform(patientId, outcome.request);
      await deps.tx.run((repos) => resumeRound(deps, repos, patientId, outcome, result, run));
    }
  }
  await deps.tx.run((repos) => repos.jobs.enqueue('conversation.turn', { patientId }));
  return run;
}

async function handleRound(deps: Deps, repos: Repositories, patientId: string, run: { replies: string[]; markRead?: string }): Promise<Round> {
  const now = deps.clock.now();
  const conversation = await repos.conversations.lockForPatient(patientId, now);
  const pendingRequest = conversation.state?.pendingRequest;
  if (pendingRequest !== undefined) return { kind: 'request', request: pendingRequest, version: conversation.version };
  const pending = await repos.communications.unhandledInbound(patientId, BATCH);
  if (pending.length === 0) return { kind: 'idle' };
  const patient = await repos.patients.get(patientId);
  let state: ConversationState = conversation.state ?? { ...initialState(), language: patient.language };
  let owner: Owner = conversation.owner;
  let optedOut = patient.optedOut;
  let hasDetails = patient.hasDetails;
  let handled = 0;
  const replies: string[] = [];
  for (const message of pending) {
    const text = textOf(message.content);
    const understanding = text === undefined ? undefined : await deps.nlu.understand(text, { language: state.language });
    // Only a message that asks for results costs the query (the hot path stays as it was).
    const resultsWaiting = text !== undefined && asksForResults(text) ? await repos.results.countWaiting(patientId) : 0;
    const result = handleTurn({ config: deps.clinic, now, state, owner, optedOut, content: message.content, understanding, patientHasDetails: hasDetails, resultsWaiting });
    if (result.effects.some((e) => e.type === 'patient.details_recorded')) hasDetails = true;
    optedOut = await commitOutput(repos, result, { patientId, conversation, replyKey: `turn:${message.id}`, communicationId: message.id, at: now }, optedOut, replies);
    await repos.communications.markHandled(message.id, now);
    state = result.state;
    owner = result.owner;
    handled += 1;
    if (result.request !== undefined) break;
  }
  // The assistant read them: blue ticks for the patient (staff-owned conversations get them when staff read).
  const lastRead = pending[handled - 1]?.providerMessageId;
  const saved = await repos.conversations.save(conversation.id, { owner, state, expectedVersion: conversation.version, at: now, patientWrote: true });
  deps.log.info({ patientId, conversationId: conversation.id, handled, owner, step: state.step }, 'assistant.turn');
  if (!saved) return { kind: 'conflict' };
  // Reported to the caller only once the transaction commits (it throws otherwise).
  run.replies.push(...replies);
  if (owner === 'bot' && lastRead !== undefined) run.markRead = lastRead;
  if (state.pendingRequest !== undefined) return { kind: 'request', request: state.pendingRequest, version: conversation.version + 1 };
  return handled < pending.length || pending.length === BATCH ? { kind: 'more' } : { kind: 'idle' };
}

async function resumeRound(
  deps: Deps,
  repos: Repositories,
  patientId: string,
  round: Extract<Round, { kind: 'request' }>,
  result: RequestResult,
  run: { replies: string[] },
): Promise<void> {
  const now = deps.clock.now();
  const conversation = await repos.conversations.lockForPatient(patientId, now);
  // Another job answered this request already: its result stands.
  if (conversation.version !== round.version || conversation.state?.pendingRequest === undefined) return;
  const patient = await repos.patients.get(patientId);
  const output = resumeTurn({ config: deps.clinic, now, state: conversation.state, owner: conversation.owner, result, patientHasDetails: patient.hasDetails });
  const replies: string[] = [];
  await commitOutput(repos, output, { patientId, conversation, replyKey: `resume:${conversation.id}:${conversation.version}`, at: now }, patient.optedOut, replies);
  run.replies.push(...replies);
  await repos.conversations.save(conversation.id, { owner: output.owner, state: output.state, expectedVersion: conversation.version, at: now, patientWrote: false });
  deps.log.info({ patientId, conversationId: conversation.id, request: round.request.type, step: output.state.step }, 'assistant.resumed');
}

/** Writes a turn's effects and replies (their ids added to `replies`); returns the patient's opt-out state afterwards. */
async function commitOutput(
  repos: Repositories,
  output: TurnOutput,
  ids: { patientId: string; conversation: ConversationRecord; replyKey: string; communicationId?: string; at: Date },
  optedOut: boolean,
  replies: string[],
): Promise<boolean> {
  let result = optedOut;
  for (const effect of output.effects) {
    await applyEffect(repos, effect, { patientId: ids.patientId, conversationId: ids.conversation.id, communicationId: ids.communicationId, at: ids.at });
    if (effect.type === 'patient.opted_out') result = true;
    if (effect.type === 'patient.opted_in') result = false;
  }
  for (const [index, reply] of output.replies.entries()) {
    const row = await repos.communications.insertOutbound({ patientId: ids.patientId, reply, sender: 'bot', idempotencyKey: `${ids.replyKey}:${index}`, at: ids.at });
    if (!row.created) continue;
    // The caller sends it right after the commit; a reply a crash left behind is swept up (ADR 16).
    replies.push(row.id);
  }
  return result;
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
  ids: { patientId: string; conversationId: string; communicationId: string | undefined; at: Date },
): Promise<void> {
  const { patientId, conversationId, communicationId, at } = ids;
  switch (effect.type) {
    case 'consent.recorded':
      await repos.consents.record({ patientId, decision: effect.decision, policyVersion: effect.version, at, ...(communicationId === undefined ? {} : { sourceCommunicationId: communicationId }) });
      if (effect.decision !== 'granted') await repos.patients.forgetProfileName(patientId);
      await repos.audit.append({ actorType: 'patient', action: `consent.${effect.decision}`, entityType: 'Consent', patientId, outcome: 'success', detail: { policyVersion: effect.version } }, at);
      return;
    case 'patient.details_recorded':
      await repos.patients.setDetails(patientId, { fullName: effect.fullName, birthDate: effect.birthDate }, at);
      await repos.audit.append({ actorType: 'patient', action: 'patient.details_recorded', entityType: 'Patient', entityId: patientId, patientId, outcome: 'success' }, at);
      return;
    case 'intake.answered': {
      const response = await repos.questionnaires.insert({ patientId, appointmentId: effect.appointmentId, questionnaire: `intake/${effect.serviceId}`, items: effect.answers, source: 'patient', at });
      await repos.audit.append(
        { actorType: 'patient', action: 'questionnaire_response.created', entityType: 'QuestionnaireResponse', entityId: response.id, patientId, outcome: 'success', detail: { appointmentId: effect.appointmentId, answers: effect.answers.length } },
        at,
      );
      return;
    }
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
    case 'triage.completed': {
      const resource = { ...effect.response, subject: { reference: `Patient/${patientId}` } };
      const id = await repos.questionnaireResponses.saveTriage({ patientId, conversationId, level: effect.level, resource, questionnaire: effect.response.questionnaire, at });
      await repos.audit.append({ actorType: 'patient', action: 'triage.completed', entityType: 'QuestionnaireResponse', entityId: id, patientId, outcome: 'success', detail: { level: effect.level } }, at);
      if (effect.level === 'emergency' || effect.level === 'urgent') {
        await repos.conversations.flagUrgent(conversationId, effect.summary, at);
        await repos.conversations.addEvent(conversationId, { type: 'conversation.flagged_urgent', reason: `triage_${effect.level}`, actorType: 'system' }, at);
        await repos.audit.append({ actorType: 'system', action: 'conversation.flagged_urgent', entityType: 'Conversation', entityId: conversationId, patientId, outcome: 'success', detail: { triage: effect.level } }, at);
      }
      return;
    }
    case 'vitals.recorded': {
      const targets = (await repos.observations.targetsFor(patientId)) ?? {};
      for (const reading of effect.readings) {
        const assessment = assessVital(reading, targets);
        const resource = toObservation(reading, { patientId, effectiveAt: at, assessment, method: 'patient_message' });
        const id = await repos.observations.record({ patientId, ...(communicationId === undefined ? {} : { communicationId }), kind: reading.kind, interpretation: assessment.level, resource, effectiveAt: at, at });
        if (id === undefined) continue; // this message's reading was stored already
        await repos.audit.append({ actorType: 'patient', action: 'observation.recorded', entityType: 'Observation', entityId: id, patientId, outcome: 'success', detail: { kind: reading.kind, interpretation: assessment.level } }, at);
        if (assessment.level !== 'in_range') {
          // Ids and codes only: the value stays in the encrypted Observation.
          await repos.reminders.alert({ kind: assessment.level === 'danger' ? 'vital_danger' : 'vital_out_of_range', dedupeKey: `observation:${id}`, patientId, subjectId: id, detail: { kind: reading.kind } }, at);
          await repos.conversations.addEvent(conversationId, { type: 'vitals.out_of_range', reason: reading.kind, actorType: 'system' }, at);
        }
      }
      return;
    }
    case 'reminder.answered':
      await applyReminderAnswer(repos, effect, { patientId, at });
      return;
    case 'refill.requested':
    case 'document.received':
    case 'document.categorized':
    case 'feedback.rated':
    case 'feedback.commented':
      await applyCareEffect(repos, effect, { patientId, conversationId, communicationId, at });
      return;
    case 'result.disclosed':
      // The document is in this transaction's outbox: an automated disclosure after identity verification.
      await repos.results.markDelivered(effect.resultId, at);
      await repos.audit.append(
        { actorType: 'system', action: 'result.disclosed', entityType: 'DocumentReference', entityId: effect.resultId, patientId, outcome: 'success', detail: { channel: 'whatsapp', followUp: effect.followUp, verified: true } },
        at,
      );
      return;
  }
}
