/**
 * Care flows in the chat (issue 9): refill requests, files the patient sends, and the visit
 * feedback survey. Pure, like the other flows: they change the turn's state, add replies and
 * effects, and ask the use case for data with a request (the patient's medication plans).
 *
 * - Refill: the menu row or free text ("I need more metformin") → the patient's active plans as a
 *   list plus "Another medicine" (or straight to "write its name and dose" when there are none)
 *   → a refill request for staff. Nothing here sells or promotes a medicine.
 * - Documents: with consent, each photo or PDF becomes a document of the record; its category
 *   comes from the caption, or the patient is asked with a list. Without consent the file is not
 *   kept (the media job does not download it) and the patient is told why (ADR 13).
 * - Feedback: the survey's rating list (sent by the reminder dispatcher) → the rating, then an
 *   optional comment; a low rating or a negative comment promises a call back.
 */
import { careText, documentCategories, type CareTextKey, type DocumentCategory } from '../care/care-texts.ts';
import type { Choice } from '../messages.ts';
import { startBooking } from './booking-flow.ts';
import type { AssistantRequest, RequestResult } from './effects.ts';
import { languageOf, replyChoices, replyText, type Turn } from './turn.ts';
import type { Understanding } from './understanding.ts';

export const careChoicePattern = /^(rx|doc|fb):/;

/** Plans offered (a list holds ten rows; one is "another medicine"). */
const MAX_PLANS = 9;
const MAX_DESCRIPTION = 300;
const MAX_COMMENT = 1000;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function care(turn: Turn, key: CareTextKey, params: Record<string, string> = {}): string {
  return careText(languageOf(turn), key, { clinic: turn.config.clinic.name, ...params });
}

/** Starts a refill request: the patient's active plans are asked for first. */
export function startRefill(turn: Turn): AssistantRequest {
  turn.state.step = 'refill_choose';
  delete turn.state.refillOptions;
  return { type: 'refill_options' };
}

/** The plans arrived: a list to choose from, or the question for name and dose. */
export function resumeRefill(turn: Turn, result: Extract<RequestResult, { type: 'refill_options' }>): void {
  const plans = result.plans.slice(0, MAX_PLANS);
  if (plans.length === 0) {
    askDescription(turn);
    return;
  }
  turn.state.refillOptions = plans;
  const rows: Choice[] = plans.map((p) => ({ id: `rx:plan:${p.id}`, title: truncate(p.medication, 24) }));
  rows.push({ id: 'rx:other', title: care(turn, 'refillOtherRow'), description: care(turn, 'refillOtherDescription') });
  replyChoices(turn, care(turn, 'refillChoose'), rows, care(turn, 'refillChooseButton'));
  turn.state.step = 'refill_choose';
}

function askDescription(turn: Turn): void {
  replyText(turn, care(turn, 'refillDescribe'));
  turn.state.step = 'refill_describe';
}

/** The name and dose written by the patient. */
export function handleRefillDescription(turn: Turn, text: string): void {
  const description = text.trim().slice(0, MAX_DESCRIPTION);
  turn.effects.push({ type: 'refill.requested', description });
  replyText(turn, care(turn, 'refillSent', { medication: description }));
  turn.state.step = 'menu';
  delete turn.state.refillOptions;
}

/** Choices of the care flows: `rx:` refills, `doc:` a file's category, `fb:` visit feedback. */
export function handleCareChoice(turn: Turn, choiceId: string): AssistantRequest | undefined {
  const [group, action, id, extra] = choiceId.split(':') as [string, string | undefined, string | undefined, string | undefined];
  if (group === 'rx') {
    if (action === 'other') {
      askDescription(turn);
      return undefined;
    }
    if (action === 'plan' && id !== undefined) {
      const plan = turn.state.refillOptions?.find((p) => p.id === id);
      turn.effects.push({ type: 'refill.requested', planId: id });
      replyText(turn, care(turn, 'refillSent', { medication: plan?.medication ?? '—' }));
      turn.state.step = 'menu';
      delete turn.state.refillOptions;
      return undefined;
    }
    if (action === 'book') {
      // "Please book first" from the care team: straight into booking.
      startBooking(turn);
      return undefined;
    }
    if (action === 'start') return startRefill(turn);
    return undefined;
  }
  if (group === 'doc') {
    const category = documentCategories.find((c) => c === action);
    if (category === undefined) return undefined;
    turn.effects.push({ type: 'document.categorized', category });
    replyText(turn, care(turn, 'documentCategorySaved', { category: care(turn, `category_${category}`) }));
    turn.state.step = 'menu';
    return undefined;
  }
  if (group === 'fb' && id !== undefined) {
    if (action === 'start') {
      showRatings(turn, id);
      return undefined;
    }
    if (action === 'rate') {
      const rating = Number(extra);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return undefined;
      turn.effects.push({ type: 'feedback.rated', appointmentId: id, rating });
      turn.state.feedback = { appointmentId: id, rating };
      replyChoices(turn, care(turn, 'surveyCommentAsk'), [{ id: `fb:skip:${id}`, title: care(turn, 'surveySkipButton') }]);
      turn.state.step = 'feedback_comment';
      return undefined;
    }
    if (action === 'skip') {
      const low = turn.state.feedback?.appointmentId === id && turn.state.feedback.rating <= 2;
      replyText(turn, care(turn, low ? 'surveyThanksFollowUp' : 'surveyThanks'));
      delete turn.state.feedback;
      turn.state.step = 'menu';
      return undefined;
    }
  }
  return undefined;
}

/** A survey rating tapped while staff own the conversation: recorded, without a reply or a comment step. */
export function recordRatingSilently(turn: Turn, choiceId: string): void {
  const [, action, id, extra] = choiceId.split(':');
  const rating = Number(extra);
  if (action !== 'rate' || id === undefined || id === '' || !Number.isInteger(rating) || rating < 1 || rating > 5) return;
  turn.effects.push({ type: 'feedback.rated', appointmentId: id, rating });
}

/** The 1–5 rating list (also what the survey reminder sends; see decide-reminder-send.ts). */
export function ratingChoices(lang: Parameters<typeof careText>[0], appointmentId: string): Choice[] {
  return ([1, 2, 3, 4, 5] as const).map((n) => ({ id: `fb:rate:${appointmentId}:${n}`, title: careText(lang, `rating${n}`) }));
}

function showRatings(turn: Turn, appointmentId: string): void {
  replyChoices(turn, care(turn, 'surveyQuestion', { service: '—' }), ratingChoices(languageOf(turn), appointmentId), care(turn, 'surveyButton'));
  turn.state.step = 'menu';
}

/** A comment after the rating: stored with its sentiment; a low rating or a negative comment gets a call back. */
export function handleFeedbackComment(turn: Turn, text: string, understanding: Understanding | undefined): void {
  const feedback = turn.state.feedback;
  turn.state.step = 'menu';
  delete turn.state.feedback;
  if (feedback === undefined) return;
  const sentiment = understanding?.sentiment;
  turn.effects.push({ type: 'feedback.commented', appointmentId: feedback.appointmentId, comment: text.trim().slice(0, MAX_COMMENT), ...(sentiment === undefined ? {} : { sentiment }) });
  const followUp = feedback.rating <= 2 || sentiment?.vote === 'negative';
  replyText(turn, care(turn, followUp ? 'surveyThanksFollowUp' : 'surveyThanks'));
}

/**
 * A photo or PDF from the patient. With consent: a document of their record (category from the
 * caption, else asked while the assistant owns the conversation). Without: not kept, and said so.
 * While staff own the conversation the document is recorded silently.
 */
export function handleDocument(turn: Turn, category: DocumentCategory | undefined): void {
  if (turn.state.consent !== 'granted') {
    if (turn.owner === 'staff') return;
    replyText(turn, care(turn, 'documentNoConsent'));
    return;
  }
  turn.effects.push({ type: 'document.received', ...(category === undefined ? {} : { category }) });
  if (turn.owner === 'staff') return;
  if (category !== undefined) {
    replyText(turn, `${care(turn, 'documentReceived')}\n\n${care(turn, 'documentCategorySaved', { category: care(turn, `category_${category}`) })}`);
    turn.state.step = 'menu';
    return;
  }
  if (turn.state.step === 'document_category') return; // several files at once: asked once
  const rows: Choice[] = documentCategories.map((c) => ({ id: `doc:${c}`, title: care(turn, `category_${c}`) }));
  replyText(turn, care(turn, 'documentReceived'));
  replyChoices(turn, care(turn, 'documentAskCategory'), rows, care(turn, 'documentCategoryButton'));
  turn.state.step = 'document_category';
}
