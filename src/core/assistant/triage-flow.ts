/**
 * Symptom triage by chat. The patient describes the problem (from the menu, or in free text);
 * the engine (src/core/triage) asks only the follow-up questions whose answer can change the
 * level (reply buttons, the patient's language, at most MAX_QUESTIONS); then the advice in plain
 * words with the next step:
 *
 * - emergency: the emergency advice (buildEmergencyAdvice, the clinic's emergency number), the
 *   conversation flagged urgent and handed to staff;
 * - urgent: same-day slots (the booking flow, today only) or a call-back request (handed to staff
 *   as urgent); the conversation is flagged urgent for staff with the summary at once;
 * - routine: into booking; self_care: the approved self-care text, what would change the advice,
 *   and "book anyway".
 *
 * Mental-health presentations name the clinic's counselling service. The answers are stored as a
 * QuestionnaireResponse (effect `triage.completed`). A one-line "not a diagnosis" disclaimer is
 * shown once per conversation. Pure, like every flow.
 */
import { DateTime } from 'luxon';
import type { Language } from '../clinic/clinic-config.ts';
import type { Choice } from '../messages.ts';
import { buildEmergencyAdvice } from '../safety/build-emergency-advice.ts';
import { assessTriage, type TriageAssessment } from '../triage/assess-triage.ts';
import { buildQuestionnaireResponse } from '../triage/build-questionnaire-response.ts';
import type { TriageTextKey } from '../triage/locales/en.ts';
import { isTriageTextKey, triageText } from '../triage/triage-texts.ts';
import { presentations, questions, rules } from '../triage/triage-rules.ts';
import { handleBookingChoice, startBooking } from './booking-flow.ts';
import type { TriageProgress } from './conversation-state.ts';
import type { AssistantRequest } from './effects.ts';
import { showMenu, truncate } from './menus.ts';
import { describeMoment, openingStatus } from './opening-status.ts';
import { languageOf, replyChoices, replyText, say, type Turn } from './turn.ts';

/** Enough to separate the levels; more questions lose patients. */
const MAX_QUESTIONS = 4;
const MAX_ROWS = 10;
const MAX_DESCRIPTION = 1500;

/** Triage rules whose emergency advice line is the red-flag rule's (first aid for that situation). */
const adviceLineOf: Readonly<Record<string, string>> = {
  chest_cardiac: 'cardiac_chest_pain',
  breathing_severe: 'breathing_difficulty',
  allergy_breathing: 'anaphylaxis',
  airway_swelling: 'anaphylaxis',
  self_harm_answer: 'suicidal_self_harm',
  harm_to_others: 'suicidal_self_harm',
  meningitis_signs: 'meningitis_sepsis',
  serious_illness_answer: 'meningitis_sepsis',
  non_blanching_rash: 'meningitis_sepsis',
  fever_under_3_months: 'infant_fever',
  pregnancy_emergency: 'pregnancy_bleeding_pain',
};

function t(turn: Turn, key: TriageTextKey, params: Record<string, string> = {}): string {
  return triageText(languageOf(turn), key, { number: turn.config.emergency.number, ...params });
}

/** Whether free text describes symptoms the triage knows (used to start triage from free text). */
export function describesSymptoms(turn: Turn, text: string): boolean {
  if (!turn.config.triage.enabled) return false;
  return assessTriage({ text, lang: languageOf(turn) }).presentations.length > 0;
}

/** From the menu (no text: asks for a description) or from a free-text description. */
export function startTriage(turn: Turn, text?: string): AssistantRequest | undefined {
  turn.state.triage = { text: (text ?? '').slice(0, MAX_DESCRIPTION), answers: {}, asked: 0 };
  if (turn.state.triageDisclaimerShown !== true) {
    replyText(turn, t(turn, 'disclaimer'));
    turn.state.triageDisclaimerShown = true;
  }
  if (text === undefined || text.trim() === '') {
    replyText(turn, t(turn, 'describe'));
    turn.state.step = 'triage_describe';
    return undefined;
  }
  return continueTriage(turn);
}

/** Free text while describing, choosing or answering: yes/no words answer; anything else adds to the description. */
export function handleTriageText(turn: Turn, text: string, yes: boolean, no: boolean): AssistantRequest | undefined {
  const progress = own(turn);
  if (progress === undefined) return startTriage(turn, text);
  const pending = progress.pending === undefined ? undefined : questions.find((q) => q.id === progress.pending);
  const option = yes ? 'yes' : no ? 'no' : undefined;
  if (turn.state.step === 'triage_question' && pending !== undefined && option !== undefined && pending.options.some((o) => o.id === option)) {
    return answer(turn, progress, pending.id, option);
  }
  progress.text = `${progress.text}\n${text}`.trim().slice(0, MAX_DESCRIPTION);
  return continueTriage(turn);
}

/** Buttons and list rows of the triage (`triage:…`). */
export function handleTriageChoice(turn: Turn, choiceId: string): AssistantRequest | undefined {
  const [, kind, a, b] = choiceId.split(':');
  const progress = own(turn);
  if (kind === 'start') return startTriage(turn);
  if (progress === undefined) return startTriage(turn);
  if (kind === 'a' && a !== undefined && b !== undefined) {
    // A late tap on a question after the advice was given starts nothing new: back to the menu.
    if (progress.outcome !== undefined) {
      showMenu(turn);
      return undefined;
    }
    return answer(turn, progress, a, b);
  }
  if (kind === 'p' && a !== undefined) {
    progress.presentations = a === 'other' ? [] : [...(progress.presentations ?? []), a];
    if (a === 'other') return finish(turn, progress, assess(turn, progress));
    return continueTriage(turn);
  }
  if (kind === 'page' && a !== undefined) {
    showProblems(turn, Number(a) || 0);
    return undefined;
  }
  const outcome = progress.outcome;
  if (outcome === undefined) return continueTriage(turn);
  if (kind === 'sameday') return sameDay(turn, outcome.department);
  if (kind === 'callback') return callback(turn, progress);
  if (kind === 'book') return book(turn, outcome.department);
  showMenu(turn);
  return undefined;
}

/** The same-day search found nothing: offer the call-back instead. */
export function offerCallbackInstead(turn: Turn): void {
  replyChoices(turn, t(turn, 'noSameDaySlots'), [
    { id: 'triage:callback', title: t(turn, 'callbackButton') },
    { id: 'menu:main', title: t(turn, 'menuButton') },
  ]);
  turn.state.step = 'triage_outcome';
}

/** A red flag fired (the safety net in handle-turn) while a triage was open: record it as an emergency. */
export function closeTriageOnRedFlag(turn: Turn, redFlags: readonly string[]): void {
  const progress = own(turn);
  if (progress === undefined || progress.outcome !== undefined) return;
  const assessment = { ...assess(turn, progress), level: 'emergency' as const, redFlags: [...redFlags] };
  record(turn, progress, assessment);
  progress.outcome = { level: 'emergency', department: 'emergency' };
  delete progress.pending;
}

/** The turn's own copy of the triage in progress: the input state is never changed (engines are pure). */
function own(turn: Turn): TriageProgress | undefined {
  const progress = turn.state.triage;
  if (progress === undefined) return undefined;
  const copy: TriageProgress = { ...progress, answers: { ...progress.answers }, ...(progress.presentations === undefined ? {} : { presentations: [...progress.presentations] }) };
  turn.state.triage = copy;
  return copy;
}

function assess(turn: Turn, progress: TriageProgress): TriageAssessment {
  return assessTriage({
    text: progress.text,
    lang: languageOf(turn),
    answers: progress.answers,
    departments: turn.config.departments.map((d) => d.id),
    ...(progress.presentations === undefined ? {} : { presentations: progress.presentations }),
  });
}

function answer(turn: Turn, progress: TriageProgress, questionId: string, optionId: string): AssistantRequest | undefined {
  const question = questions.find((q) => q.id === questionId);
  if (question === undefined || !question.options.some((o) => o.id === optionId)) return continueTriage(turn);
  progress.answers[questionId] = optionId;
  progress.asked += 1;
  delete progress.pending;
  return continueTriage(turn);
}

function continueTriage(turn: Turn): AssistantRequest | undefined {
  const progress = turn.state.triage;
  if (progress === undefined) return undefined;
  const assessment = assess(turn, progress);
  if (assessment.level === 'emergency') return finish(turn, progress, assessment);
  if (assessment.presentations.length === 0 && progress.presentations === undefined) {
    showProblems(turn, 0);
    return undefined;
  }
  const next = assessment.questions[0];
  if (next !== undefined && progress.asked < MAX_QUESTIONS) {
    askQuestion(turn, progress, next);
    return undefined;
  }
  return finish(turn, progress, assessment);
}

function askQuestion(turn: Turn, progress: TriageProgress, questionId: string): void {
  const question = questions.find((q) => q.id === questionId);
  if (question === undefined || !isTriageTextKey(questionId)) return;
  const choices: Choice[] = question.options.map((o) => {
    const key = `o_${questionId}_${o.id}`;
    const label = isTriageTextKey(key) ? t(turn, key) : o.id === 'yes' ? t(turn, 'yes') : t(turn, 'no');
    return { id: `triage:a:${questionId}:${o.id}`, title: truncate(label, 20) };
  });
  replyChoices(turn, t(turn, questionId), choices);
  progress.pending = questionId;
  turn.state.step = 'triage_question';
}

/** The problems as a list (9 per page and "More…"), when the words named none. */
function showProblems(turn: Turn, page: number): void {
  const all = [...presentations.map((p) => p.id), 'other'];
  const perPage = MAX_ROWS - 1;
  const rows: Choice[] = all.slice(page * perPage, page * perPage + perPage).map((id) => {
    const key = `p_${id}`;
    return { id: `triage:p:${id}`, title: truncate(isTriageTextKey(key) ? t(turn, key) : id, 24) };
  });
  if (all.length > (page + 1) * perPage) rows.push({ id: `triage:page:${page + 1}`, title: t(turn, 'moreProblems') });
  replyChoices(turn, t(turn, 'chooseProblem'), rows, t(turn, 'chooseProblemButton'));
  turn.state.step = 'triage_choose';
}

/** Staff read this in the urgent queue (stored encrypted): level, problems, key findings, answers, the words. */
function summaryOf(progress: TriageProgress, a: TriageAssessment): string {
  const titles = a.presentations.map((id) => presentations.find((p) => p.id === id)?.title ?? id);
  const matched = a.rules.map((id) => rules.find((r) => r.id === id)?.title ?? id);
  const answers = Object.entries(progress.answers).map(([q, o]) => `${q}=${o}`);
  return [
    `Triage: ${a.level.toUpperCase()}${titles.length > 0 ? ` — ${titles.join(', ')}` : ''}`,
    ...(a.redFlags.length > 0 ? [`Red flags: ${a.redFlags.join(', ')}`] : []),
    ...(matched.length > 0 ? [`Why: ${matched.join('; ')}`] : []),
    ...(answers.length > 0 ? [`Answers: ${answers.join(', ')}`] : []),
    `Suggested department: ${a.department}`,
    ...(progress.text.trim() === '' ? [] : [`Patient wrote: "${progress.text.replace(/\s+/g, ' ').slice(0, 300)}"`]),
  ].join('\n');
}

function record(turn: Turn, progress: TriageProgress, assessment: TriageAssessment): void {
  turn.effects.push({
    type: 'triage.completed',
    level: assessment.level,
    summary: summaryOf(progress, assessment),
    response: buildQuestionnaireResponse({ text: progress.text, answers: progress.answers, assessment, lang: languageOf(turn), authored: turn.now }),
  });
}

function finish(turn: Turn, progress: TriageProgress, a: TriageAssessment): AssistantRequest | undefined {
  record(turn, progress, a);
  progress.outcome = { level: a.level, department: a.department };
  delete progress.pending;
  turn.state.step = 'triage_outcome';
  const lang = languageOf(turn);
  const counselling = a.counselling ? counsellingLine(turn, lang) : undefined;
  switch (a.level) {
    case 'emergency': {
      const lines = [...a.redFlags, ...a.rules.flatMap((r) => (adviceLineOf[r] === undefined ? [] : [adviceLineOf[r]]))];
      replyText(turn, buildEmergencyAdvice(lines, lang, turn.config.emergency.number));
      turn.effects.push({ type: 'conversation.handed_off', reason: 'red_flag', summary: summaryOf(progress, a), urgent: true });
      turn.owner = 'staff';
      turn.state.step = 'menu';
      return undefined;
    }
    case 'urgent': {
      const buttons: Choice[] = [];
      if (serviceFor(turn, a.department) !== undefined) buttons.push({ id: 'triage:sameday', title: t(turn, 'sameDayButton') });
      buttons.push({ id: 'triage:callback', title: t(turn, 'callbackButton') }, { id: 'menu:main', title: t(turn, 'menuButton') });
      replyChoices(turn, [t(turn, 'urgent'), counselling].filter((x) => x !== undefined).join('\n\n'), buttons);
      return undefined;
    }
    case 'routine':
      replyChoices(turn, [t(turn, 'routine'), counselling].filter((x) => x !== undefined).join('\n\n'), [
        { id: 'triage:book', title: t(turn, 'bookButton') },
        { id: 'menu:main', title: t(turn, 'menuButton') },
      ]);
      return undefined;
    case 'self_care': {
      const advice = a.presentations.map((p) => `sc_${p}`).find(isTriageTextKey) ?? 'sc_general';
      replyChoices(turn, [t(turn, 'selfCare'), t(turn, advice), t(turn, 'selfCareChange'), counselling].filter((x) => x !== undefined).join('\n\n'), [
        { id: 'triage:book', title: t(turn, 'bookAnywayButton') },
        { id: 'menu:main', title: t(turn, 'menuButton') },
      ]);
      return undefined;
    }
  }
}

function counsellingLine(turn: Turn, lang: Language): string {
  const service = turn.config.triage.counselling;
  if (service === undefined) return t(turn, 'counsellingNone');
  const pick = (text: Partial<Record<Language, string>> | undefined) => text?.[lang] ?? text?.[turn.config.languages.default];
  const contact = [service.phone, service.url, pick(service.hours)].filter((x) => x !== undefined).join(' · ');
  return t(turn, 'counselling', { service: pick(service.name) ?? '', contact });
}

/** The first service of the suggested department (in person first), else of any department. */
function serviceFor(turn: Turn, department: string): string | undefined {
  const inDepartment = turn.config.departments.find((d) => d.id === department)?.services ?? [];
  const pick = (list: typeof inDepartment) => (list.find((s) => s.mode === 'in_person') ?? list[0])?.id;
  return pick(inDepartment) ?? pick(turn.config.departments.find((d) => d.id === 'general')?.services ?? []) ?? pick(turn.config.departments[0]?.services ?? []);
}

function sameDay(turn: Turn, department: string): AssistantRequest | undefined {
  const serviceId = serviceFor(turn, department);
  if (serviceId === undefined) return callback(turn, turn.state.triage);
  turn.state.booking = { serviceId };
  turn.state.step = 'book_time';
  const today = DateTime.fromJSDate(turn.now, { zone: turn.config.clinic.timeZone }).toISODate() ?? '';
  return { type: 'availability', serviceId, day: today, sameDay: true };
}

function book(turn: Turn, department: string): AssistantRequest | undefined {
  const serviceId = serviceFor(turn, department);
  if (turn.state.consent !== 'granted' || serviceId === undefined) {
    startBooking(turn);
    return undefined;
  }
  return handleBookingChoice(turn, `svc:${serviceId}`);
}

function callback(turn: Turn, progress: TriageProgress | undefined): AssistantRequest | undefined {
  const summary = progress === undefined ? 'Triage: patient asked for a call-back' : summaryOf(progress, assess(turn, progress));
  turn.effects.push({ type: 'conversation.handed_off', reason: 'triage_callback', summary: `Call-back requested.\n${summary}`, urgent: true });
  turn.owner = 'staff';
  turn.state.step = 'menu';
  const lines = [t(turn, 'callbackDone')];
  const status = openingStatus(turn.config, turn.now);
  if (!status.open) {
    const lang = languageOf(turn);
    const away = turn.config.awayMessage?.[lang] ?? turn.config.awayMessage?.[turn.config.languages.default];
    const next = status.nextOpen === undefined ? '—' : describeMoment(status.nextOpen, turn.now, turn.config.clinic.timeZone, lang);
    lines.push(away ?? say(turn, 'handoverAway', { next }));
  }
  replyText(turn, lines.join('\n\n'));
  return undefined;
}
