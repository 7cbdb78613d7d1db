import type { Effect } from '../core/assistant/effects.ts';
import type { Repositories } from './ports.ts';

type CareEffect = Extract<Effect, { type: 'refill.requested' | 'document.received' | 'document.categorized' | 'feedback.rated' | 'feedback.commented' }>;

/** Uncategorized files this recent are the ones the patient's category answer refers to. */
const CATEGORY_WINDOW_MS = 60 * 60_000;

/**
 * Records what the care flows decided (care-flows.ts), in the assistant's transaction. Ids from
 * the patient's taps are checked to be theirs. Staff hear of each through a staff alert (ids and
 * codes only) and a conversation event; every record written is audited.
 */
export async function applyCareEffect(
  repos: Repositories,
  effect: CareEffect,
  ids: { patientId: string; conversationId: string; communicationId: string | undefined; at: Date },
): Promise<void> {
  const { patientId, conversationId, communicationId, at } = ids;
  switch (effect.type) {
    case 'refill.requested': {
      const request = await repos.refills.createFromChat({ patientId, ...(effect.planId === undefined ? {} : { planId: effect.planId }), ...(effect.description === undefined ? {} : { description: effect.description }), at });
      if (request === undefined || !request.created) return;
      await repos.reminders.alert({ kind: 'refill_requested', dedupeKey: `refill:${request.id}`, patientId, ...(effect.planId === undefined ? {} : { subjectId: effect.planId }), detail: { refillRequestId: request.id, source: 'chat' } }, at);
      await repos.conversations.addEvent(conversationId, { type: 'refill.requested', actorType: 'patient' }, at);
      await repos.audit.append({ actorType: 'patient', actorId: patientId, action: 'medication.refill_requested', entityType: 'MedicationRequest', entityId: request.id, patientId, outcome: 'success', detail: { source: 'chat', described: effect.planId === undefined } }, at);
      return;
    }
    case 'document.received': {
      if (communicationId === undefined) return;
      const document = await repos.patientDocuments.createFromCommunication({ patientId, communicationId, category: effect.category, at });
      if (document === undefined || !document.created) return;
      await repos.reminders.alert({ kind: 'document_received', dedupeKey: `document:${document.id}`, patientId, subjectId: document.id, detail: { category: effect.category ?? 'unknown' } }, at);
      await repos.conversations.addEvent(conversationId, { type: 'document.received', reason: effect.category ?? 'uncategorized', actorType: 'patient' }, at);
      await repos.audit.append({ actorType: 'patient', actorId: patientId, action: 'document.received', entityType: 'DocumentReference', entityId: document.id, patientId, outcome: 'success', detail: { category: effect.category ?? null } }, at);
      return;
    }
    case 'document.categorized': {
      const changed = await repos.patientDocuments.categorizeRecent(patientId, effect.category, new Date(at.getTime() - CATEGORY_WINDOW_MS), at);
      for (const id of changed) {
        await repos.audit.append({ actorType: 'patient', actorId: patientId, action: 'document.categorized', entityType: 'DocumentReference', entityId: id, patientId, outcome: 'success', detail: { category: effect.category } }, at);
      }
      return;
    }
    case 'feedback.rated': {
      const appointment = await repos.appointments.find(effect.appointmentId).catch(() => undefined);
      if (appointment?.patientId !== patientId || appointment.status !== 'fulfilled') return;
      const response = await repos.feedback.saveRating({ patientId, appointmentId: appointment.id, rating: effect.rating, at });
      if (!response.created) return;
      await repos.reminders.cancelForSubject(appointment.id, 'survey_answered', at);
      await repos.audit.append({ actorType: 'patient', actorId: patientId, action: 'questionnaire_response.created', entityType: 'QuestionnaireResponse', entityId: response.id, patientId, outcome: 'success', detail: { questionnaire: 'feedback/visit', rating: effect.rating } }, at);
      if (effect.rating <= 2) await followUp(repos, { patientId, conversationId, responseId: response.id, at, reason: 'low_rating', rating: effect.rating });
      return;
    }
    case 'feedback.commented': {
      const response = await repos.feedback.saveComment({ patientId, appointmentId: effect.appointmentId, comment: effect.comment, sentiment: effect.sentiment, at });
      if (response === undefined) return;
      await repos.audit.append({ actorType: 'patient', actorId: patientId, action: 'questionnaire_response.commented', entityType: 'QuestionnaireResponse', entityId: response.id, patientId, outcome: 'success', detail: { sentiment: effect.sentiment?.vote ?? null } }, at);
      if (effect.sentiment?.vote === 'negative' || response.rating <= 2) {
        await followUp(repos, { patientId, conversationId, responseId: response.id, at, reason: effect.sentiment?.vote === 'negative' ? 'negative_comment' : 'low_rating', rating: response.rating });
      }
      return;
    }
  }
}

/** A staff follow-up task for unhappy feedback: one per response (the alert's dedupe key). */
async function followUp(repos: Repositories, input: { patientId: string; conversationId: string; responseId: string; at: Date; reason: 'low_rating' | 'negative_comment'; rating: number }): Promise<void> {
  const created = await repos.reminders.alert({ kind: 'feedback_follow_up', dedupeKey: `feedback:${input.responseId}`, patientId: input.patientId, subjectId: input.responseId, detail: { reason: input.reason, rating: input.rating } }, input.at);
  if (!created) return;
  await repos.conversations.addEvent(input.conversationId, { type: 'feedback.follow_up', reason: input.reason, actorType: 'system' }, input.at);
}
