/**
 * The assistant's conversation engine: one patient message in, the next state, the replies and
 * the effects out. Pure (no I/O, no clock): the use case passes time, configuration and the
 * NLU's reading of the text, and commits the result once.
 */
import type { ClinicConfig, Language } from '../clinic/clinic-config.ts';
import { isKeyword, locales, normalizeForMatch } from '../locales/translate.ts';
import type { InboundContent, OutboundReply } from '../messages.ts';
import { buildEmergencyAdvice } from '../safety/build-emergency-advice.ts';
import { screenRedFlags } from '../safety/screen-red-flags.ts';
import { assessVital } from '../vitals/assess-vital.ts';
import { parseVitals } from '../vitals/parse-vitals.ts';
import { describeReadings, vitalsText } from '../vitals/vitals-texts.ts';
import type { ConversationState, Owner } from './conversation-state.ts';
import { describeOpeningHours } from './describe-opening-hours.ts';
import { handleAppointmentChoice, handleBookingChoice, handleDetailsText, handleIntakeAnswer, resumeBooking, startBooking } from './booking-flow.ts';
import type { AssistantRequest, Effect, HandoverReason, RequestResult } from './effects.ts';
import { faqTitle, showFaqList, showLanguages, showMenu } from './menus.ts';
import { handleReminderChoice, reminderChoicePattern } from './reminder-replies.ts';
import { describeMoment, openingStatus } from './opening-status.ts';
import { languageOf, replyChoices, replyText, say, type Turn } from './turn.ts';
import type { Understanding } from './understanding.ts';
import { careChoicePattern, handleCareChoice, handleDocument, handleFeedbackComment, handleRefillDescription, recordRatingSilently, resumeRefill, startRefill } from './care-flows.ts';
import { classifyDocument, isRefillRequest } from '../care/care-texts.ts';
import { handleResultsChoice, handleResultsText, resumeResults, startResults } from './results-flow.ts';
import { asksForResults } from '../results/results-texts.ts';
import { closeTriageOnRedFlag, describesSymptoms, handleTriageChoice, handleTriageText, offerCallbackInstead, startTriage } from './triage-flow.ts';

/** How many recent texts are screened together, and how far back they may reach. */
const RECENT_TEXTS = 3;
const RECENT_TEXT_WINDOW_MS = 15 * 60_000;

/** FAQ scores closer than this are too close to call: the patient chooses. */
const AMBIGUITY_MARGIN = 0.1;

export interface TurnInput {
  config: ClinicConfig;
  now: Date;
  state: ConversationState;
  owner: Owner;
  optedOut: boolean;
  content: InboundContent;
  /** The NLU's reading of the text, when the message has text. */
  understanding: Understanding | undefined;
  /** The clinic has the patient's full name and date of birth (default: no). */
  patientHasDetails?: boolean;
  /** Results waiting for the patient (default: none). */
  resultsWaiting?: number;
}

export interface TurnOutput {
  state: ConversationState;
  owner: Owner;
  replies: OutboundReply[];
  effects: Effect[];
  /** Set when the turn needs data or an action first (also kept in `state.pendingRequest`). */
  request?: AssistantRequest;
}

/** Continues a turn once the use case answered its request (see booking-flow.ts). */
export function resumeTurn(input: { config: ClinicConfig; now: Date; state: ConversationState; owner: Owner; result: RequestResult; patientHasDetails?: boolean }): TurnOutput {
  const turn: Turn = { config: input.config, now: input.now, state: structuredClone(input.state), owner: input.owner, replies: [], effects: [], patientHasDetails: input.patientHasDetails === true };
  const request = turn.state.pendingRequest;
  delete turn.state.pendingRequest;
  if (request?.type === 'availability' && request.sameDay === true && input.result.type === 'availability' && input.result.slots.length === 0) offerCallbackInstead(turn);
  else if (input.result.type === 'refill_options') resumeRefill(turn, input.result);
  else if (input.result.type === 'results_start' || input.result.type === 'results_birth_date' || input.result.type === 'results_code') resumeResults(turn, input.result);
  else if (request !== undefined) resumeBooking(turn, request, input.result);
  return done(turn);
}

export function handleTurn(input: TurnInput): TurnOutput {
  const turn: Turn = {
    config: input.config,
    now: input.now,
    state: structuredClone(input.state),
    owner: input.owner,
    replies: [],
    effects: [],
    patientHasDetails: input.patientHasDetails === true,
    resultsWaiting: input.resultsWaiting ?? 0,
  };
  const text = patientText(input.content);
  const firstContact = turn.state.step === 'new';
  if (firstContact && turn.state.language === undefined) turn.state.language = pickLanguage(input.config, input.understanding);

  // 1. Safety first: in any state, before consent, whoever owns the conversation. The message is
  // screened alone and together with the patient's texts of the last few minutes.
  if (text !== undefined) {
    const recent = (turn.state.recentTexts ?? []).filter((t) => input.now.getTime() - t.at <= RECENT_TEXT_WINDOW_MS).slice(-(RECENT_TEXTS - 1));
    const alone = screenRedFlags(text, turn.state.language);
    const screen = alone.level === 'emergency' || recent.length === 0 ? alone : screenRedFlags([...recent.map((t) => t.text), text].join('\n'), turn.state.language);
    turn.state.recentTexts = [...recent, { at: input.now.getTime(), text: text.slice(0, 500) }];
    if (screen.level === 'emergency') {
      delete turn.state.recentTexts;
      closeTriageOnRedFlag(turn, screen.redFlags);
      replyText(turn, buildEmergencyAdvice(screen.redFlags, languageOf(turn), input.config.emergency.number));
      turn.effects.push({ type: 'conversation.flagged_urgent', redFlags: screen.redFlags });
      if (turn.owner !== 'staff') handOver(turn, 'red_flag', `Red flags: ${screen.redFlags.join(', ')}`, { urgent: true, silent: true });
      turn.state.lastPatientAt = input.now.getTime();
      return done(turn);
    }
  }

  // 1b. Home measurements that can mean danger (e.g. "bp 190/120", "sugar 45"): emergency advice
  // at once, in any state, like a red flag; stored only with consent.
  if (text !== undefined) {
    const readings = parseVitals(text).readings;
    const danger = readings.filter((r) => assessVital(r).level === 'danger');
    if (danger.length > 0) {
      replyText(turn, vitalsText(languageOf(turn), 'danger', { readings: describeReadings(danger, languageOf(turn)), number: input.config.emergency.number }));
      if (turn.state.consent === 'granted') turn.effects.push({ type: 'vitals.recorded', readings });
      turn.effects.push({ type: 'conversation.flagged_urgent', redFlags: ['vital_sign_danger'] });
      if (turn.owner !== 'staff') handOver(turn, 'red_flag', `Home measurement in the danger range (${danger.map((r) => r.kind).join(', ')})`, { urgent: true, silent: true });
      turn.state.lastPatientAt = input.now.getTime();
      return done(turn);
    }
  }

  // 2. Keywords that work in every state and language.
  if (text !== undefined) {
    if (isKeyword(text, 'keywordStop')) {
      if (!input.optedOut) turn.effects.push({ type: 'patient.opted_out' });
      replyText(turn, say(turn, 'optedOut'));
      return done(turn);
    }
    if (isKeyword(text, 'keywordStart')) {
      if (input.optedOut) turn.effects.push({ type: 'patient.opted_in' });
      replyText(turn, say(turn, 'optedIn'));
      return done(turn);
    }
  }

  // 2b. Photos and PDFs become documents of the record, with consent, whoever owns the conversation (care-flows.ts).
  if (input.content.kind === 'media' && (input.content.mediaType === 'image' || input.content.mediaType === 'document')) {
    if (turn.owner === 'closed') turn.owner = 'bot';
    turn.state.lastPatientAt = input.now.getTime();
    if (firstContact) replyText(turn, say(turn, 'welcome'));
    handleDocument(turn, classifyDocument(input.content.caption));
    if (turn.state.consent !== 'granted' && turn.owner === 'bot') askConsent(turn);
    return done(turn);
  }

  // 2c. A survey rating tapped while staff own the conversation is still recorded (silently).
  if (turn.owner === 'staff' && input.content.kind === 'choice' && input.content.choiceId.startsWith('fb:rate:')) {
    recordRatingSilently(turn, input.content.choiceId);
    return done(turn);
  }

  // 3. The bot stays silent while staff own the conversation.
  if (turn.owner === 'staff') return done(turn);
  if (turn.owner === 'closed') {
    turn.owner = 'bot';
    if (turn.state.step !== 'new') turn.state.step = 'menu';
  }

  // 4. A long pause starts a new session at the menu.
  const idleMs = input.config.assistant.sessionIdleHours * 3_600_000;
  const resumed = turn.state.lastPatientAt !== undefined && input.now.getTime() - turn.state.lastPatientAt > idleMs && !firstContact;
  turn.state.lastPatientAt = input.now.getTime();
  if (resumed) {
    turn.state.misunderstandings = 0;
    if (turn.state.step !== 'consent') turn.state.step = 'menu';
  }

  // 5. Messages the assistant cannot read go to a person.
  const content = input.content;
  if (content.kind === 'media') {
    // Photos and PDFs were filed as documents above (2b); voice notes, videos, stickers go to a person.
    handOver(turn, 'unsupported_message', `Patient sent a ${content.voice === true ? 'voice note' : content.mediaType}`, { line: 'handoverUnsupported' });
    return done(turn);
  }
  if (content.kind === 'unsupported') {
    handOver(turn, 'unsupported_message', `Unsupported message (${content.providerType ?? 'unknown type'})`, { line: 'handoverUnsupported' });
    return done(turn);
  }
  if (content.kind === 'reaction' || content.kind === 'system' || content.kind === 'revoke' || content.kind === 'edit') return done(turn);

  // 6. First contact: welcome, then consent in the detected language.
  if (firstContact) {
    replyText(turn, say(turn, 'welcome'));
    if (text !== undefined && (isKeyword(text, 'keywordAgent') || input.understanding?.intent?.value === 'talk_to_staff')) {
      turn.state.step = 'menu';
      handOver(turn, 'patient_request', 'Patient asked for a person in their first message');
      return done(turn);
    }
    askConsent(turn);
    return done(turn);
  }

  const choiceId = content.kind === 'choice' ? content.choiceId : undefined;

  // 7. Global words: a person, the menu, help, language, withdraw consent.
  if (text !== undefined) {
    if (isKeyword(text, 'keywordAgent')) return done(handOver(turn, 'patient_request', 'Patient asked for a person'));
    if (isKeyword(text, 'keywordMenu')) return done(backToMenu(turn));
    if (isKeyword(text, 'keywordHelp')) {
      replyText(turn, say(turn, 'help'));
      return done(turn);
    }
    if (isKeyword(text, 'keywordLanguage')) {
      showLanguages(turn, turn.state.step === 'consent' ? 'consent' : 'menu');
      return done(turn);
    }
    if (isKeyword(text, 'keywordWithdraw')) return done(withdrawConsent(turn));
  }

  // 8. The current step.
  switch (turn.state.step) {
    case 'consent':
      return done(handleConsentStep(turn, choiceId, text, input.understanding));
    case 'language':
      return done(handleLanguageStep(turn, choiceId, text, input.understanding));
    case 'book_name':
    case 'book_dob':
      if (text !== undefined && choiceId === undefined) {
        handleDetailsText(turn, text);
        return done(turn);
      }
      return done(handleRequest(turn, choiceId, text, input.understanding));
    case 'triage_describe':
    case 'triage_choose':
    case 'triage_question':
      if (text !== undefined && choiceId === undefined) return done(ask(turn, handleTriageText(turn, text, isKeyword(text, 'yesWords'), isKeyword(text, 'noWords'))));
    case 'intake':
      // Free text answers the question; a menu word or a tap elsewhere leaves the questionnaire.
      if (text !== undefined && choiceId === undefined) {
        handleIntakeAnswer(turn, { text });
        return done(turn);
      }
      return done(handleRequest(turn, choiceId, text, input.understanding));
    case 'refill_choose':
    case 'refill_describe':
      // The medicine's name written instead of picked from the list counts as its description.
      if (text !== undefined && choiceId === undefined && !(turn.state.step === 'refill_choose' && isRefillRequest(text))) {
        handleRefillDescription(turn, text);
        return done(turn);
      }
      return done(handleRequest(turn, choiceId, text, input.understanding));
    case 'feedback_comment':
      if (text !== undefined && choiceId === undefined) {
        handleFeedbackComment(turn, text, input.understanding);
        return done(turn);
      }
      return done(handleRequest(turn, choiceId, text, input.understanding));
    case 'results_dob':
    case 'results_code':
      // The answer to the identity check; a tap (or a menu word, handled above) leaves it.
      if (text !== undefined && choiceId === undefined) return done(ask(turn, handleResultsText(turn, text)));
      return done(handleRequest(turn, choiceId, text, input.understanding));
    case 'withdraw_confirm':
      if (choiceId === 'consent:withdraw' || (text !== undefined && isKeyword(text, 'yesWords'))) return done(withdrawConsent(turn));
      if (choiceId === 'consent:keep' || (text !== undefined && isKeyword(text, 'noWords'))) return done(backToMenu(turn));
      return done(handleRequest(turn, choiceId, text, input.understanding));
    default:
      return done(handleRequest(turn, choiceId, text, input.understanding));
  }
}

function done(turn: Turn): TurnOutput {
  const request = turn.state.pendingRequest;
  return { state: turn.state, owner: turn.owner, replies: turn.replies, effects: turn.effects, ...(request === undefined ? {} : { request }) };
}

function ask(turn: Turn, request: AssistantRequest | undefined): Turn {
  if (request !== undefined) turn.state.pendingRequest = request;
  return turn;
}

function patientText(content: InboundContent): string | undefined {
  if (content.kind === 'text') return content.text;
  if (content.kind === 'media') return content.caption;
  if (content.kind === 'edit') return patientText(content.content);
  return undefined;
}

function pickLanguage(config: ClinicConfig, understanding: Understanding | undefined): Language {
  const detected = understanding?.language?.value;
  return detected !== undefined && config.languages.supported.includes(detected) ? detected : config.languages.default;
}

function askConsent(turn: Turn): void {
  const choices = [
    { id: 'consent:agree', title: say(turn, 'consentAgree') },
    { id: 'consent:decline', title: say(turn, 'consentDecline') },
  ];
  if (turn.config.languages.supported.length > 1) choices.push({ id: 'consent:language', title: say(turn, 'changeLanguage') });
  replyChoices(turn, say(turn, 'consentRequest'), choices);
  turn.state.step = 'consent';
}

function backToMenu(turn: Turn): Turn {
  turn.state.misunderstandings = 0;
  if (turn.state.consent === 'unknown') askConsent(turn);
  else showMenu(turn);
  return turn;
}

function handleConsentStep(turn: Turn, choiceId: string | undefined, text: string | undefined, understanding: Understanding | undefined): Turn {
  if (choiceId === 'consent:agree' || (text !== undefined && isKeyword(text, 'yesWords'))) {
    turn.state.consent = 'granted';
    turn.state.misunderstandings = 0;
    turn.effects.push({ type: 'consent.recorded', decision: 'granted', version: turn.config.consent.version });
    // With consent the language is kept on the patient too: messages the clinic starts later use it.
    turn.effects.push({ type: 'language.set', language: languageOf(turn) });
    showMenu(turn, say(turn, 'consentThanks'));
    return turn;
  }
  if (choiceId === 'consent:decline' || (text !== undefined && isKeyword(text, 'noWords'))) {
    turn.state.consent = 'declined';
    turn.state.misunderstandings = 0;
    turn.effects.push({ type: 'consent.recorded', decision: 'declined', version: turn.config.consent.version });
    replyText(turn, say(turn, 'consentDeclined'));
    turn.state.step = 'menu';
    return turn;
  }
  if (choiceId === 'consent:language') {
    showLanguages(turn, 'consent');
    return turn;
  }
  // General questions are answered without consent; then the consent question again.
  const before = turn.replies.length;
  handleRequest(turn, choiceId, text, understanding);
  if (turn.owner === 'bot') {
    if (turn.replies.length === before) replyText(turn, say(turn, 'consentReminder'));
    askConsent(turn);
  }
  return turn;
}

function handleLanguageStep(turn: Turn, choiceId: string | undefined, text: string | undefined, understanding: Understanding | undefined): Turn {
  const fromChoice = choiceId?.startsWith('lang:') === true ? (choiceId.slice(5) as Language) : undefined;
  const fromText = text === undefined ? undefined : languageByName(turn.config, text);
  const chosen = fromChoice ?? fromText;
  if (chosen !== undefined && turn.config.languages.supported.includes(chosen)) {
    turn.state.language = chosen;
    turn.effects.push({ type: 'language.set', language: chosen });
    replyText(turn, say(turn, 'languageSet'));
    if (turn.state.returnTo === 'consent' || turn.state.consent === 'unknown') askConsent(turn);
    else showMenu(turn);
    delete turn.state.returnTo;
    return turn;
  }
  turn.state.step = turn.state.returnTo === 'consent' ? 'consent' : 'menu';
  delete turn.state.returnTo;
  return turn.state.step === 'consent' ? handleConsentStep(turn, choiceId, text, understanding) : handleRequest(turn, choiceId, text, understanding);
}

function languageByName(config: ClinicConfig, text: string): Language | undefined {
  const wanted = normalizeForMatch(text);
  return config.languages.supported.find((lang) => wanted === lang || wanted === normalizeForMatch(locales[lang].languageName));
}

/** Menu choices and free text: FAQ, opening hours, booking, a person, language, privacy. */
function handleRequest(turn: Turn, choiceId: string | undefined, text: string | undefined, understanding: Understanding | undefined): Turn {
  if (choiceId !== undefined) return handleChoice(turn, choiceId);
  if (text === undefined) return notUnderstood(turn, '(non-text message)');

  // Home measurements ("bp 140/90", "Blutzucker 7,8"): saved with consent, for the care team.
  const vitals = parseVitals(text);
  if (vitals.readings.length > 0 || vitals.implausible.length > 0) {
    if (turn.state.consent !== 'granted') {
      replyText(turn, say(turn, 'consentNeededForThis'));
      askConsent(turn);
      return turn;
    }
    turn.state.misunderstandings = 0;
    if (vitals.readings.length > 0) {
      turn.effects.push({ type: 'vitals.recorded', readings: vitals.readings });
      replyText(turn, vitalsText(languageOf(turn), 'recorded', { readings: describeReadings(vitals.readings, languageOf(turn)) }));
    }
    for (const problem of vitals.implausible) replyText(turn, vitalsText(languageOf(turn), 'implausible', { value: problem.text }));
    return turn;
  }

  // "results", "Befund": opens waiting results (with nothing waiting, the FAQ answers as usual).
  if ((turn.resultsWaiting ?? 0) > 0 && asksForResults(text)) return handleChoice(turn, 'res:view');
  // "I need more metformin": a refill request for the care team (with consent; else the FAQ answers).
  if (turn.state.consent === 'granted' && turn.config.features.includes('refills') && isRefillRequest(text)) {
    turn.state.misunderstandings = 0;
    return ask(turn, startRefill(turn));
  }

  const { faqThreshold, nearMissThreshold } = turn.config.assistant;
  const faq = understanding?.faq ?? [];
  const best = faq[0];
  const intent = understanding?.intent;
  const second = faq[1];
  const ambiguous = best !== undefined && second !== undefined && second.score >= faqThreshold && best.score - second.score < AMBIGUITY_MARGIN;
  if (best !== undefined && best.score >= faqThreshold && !ambiguous && (intent === undefined || best.score >= intent.score)) {
    return answerFaq(turn, best.value);
  }
  // Symptoms in free text: triage (after consent; a request for a person still goes to a person).
  if (turn.state.consent === 'granted' && intent?.value !== 'talk_to_staff' && describesSymptoms(turn, text)) return ask(turn, startTriage(turn, text));
  if (intent !== undefined) {
    switch (intent.value) {
      case 'talk_to_staff':
        return handOver(turn, 'patient_request', 'Patient asked for a person');
      case 'book':
      case 'my_appointments':
        return handleChoice(turn, intent.value === 'book' ? 'menu:book' : 'menu:appointments');
      case 'opening_hours':
        return handleChoice(turn, 'menu:hours');
      case 'change_language':
        showLanguages(turn, 'menu');
        return turn;
      case 'thanks':
        turn.state.misunderstandings = 0;
        replyText(turn, say(turn, 'thanksReply'));
        return turn;
      case 'greeting':
      case 'menu':
        return backToMenu(turn);
    }
  }
  // Two entries about equally likely, or only weak candidates: ask rather than guess.
  const near = faq.filter((c) => c.score >= nearMissThreshold).slice(0, 2);
  if (near.length > 0) {
    const choices = near.flatMap((c) => {
      const entry = turn.config.faq.find((e) => e.id === c.value);
      return entry === undefined ? [] : [{ id: `faq:${entry.id}`, title: truncateButton(faqTitle(turn, entry)) }];
    });
    choices.push({ id: 'menu:staff', title: truncateButton(say(turn, 'faqNoneOfThese')) });
    replyChoices(turn, say(turn, 'faqNearMiss'), choices);
    turn.state.step = 'faq_near_miss';
    return turn;
  }
  return notUnderstood(turn, text);
}

function truncateButton(title: string): string {
  const chars = [...title];
  return chars.length <= 20 ? title : `${chars.slice(0, 19).join('')}…`;
}

function handleChoice(turn: Turn, choiceId: string): Turn {
  turn.state.misunderstandings = 0;
  if (/^(svc|prov|day|slot|book|wait):/.test(choiceId)) return ask(turn, handleBookingChoice(turn, choiceId));
  if (/^(appt|move|cancel|wl):/.test(choiceId)) return ask(turn, handleAppointmentChoice(turn, choiceId));
  if (choiceId.startsWith('triage:')) return ask(turn, handleTriageChoice(turn, choiceId));
  if (choiceId.startsWith('intake:')) {
    handleIntakeAnswer(turn, { choiceId });
    return turn;
  }
  if (careChoicePattern.test(choiceId)) {
    if (choiceId.startsWith('rx:') && turn.state.consent !== 'granted') {
      replyText(turn, say(turn, 'consentNeededForThis'));
      askConsent(turn);
      return turn;
    }
    return ask(turn, handleCareChoice(turn, choiceId));
  }
  if (reminderChoicePattern.test(choiceId)) return ask(turn, handleReminderChoice(turn, choiceId));
  if (choiceId.startsWith('res:')) {
    if (choiceId !== 'res:later' && turn.state.consent !== 'granted') {
      replyText(turn, say(turn, 'consentNeededForThis'));
      askConsent(turn);
      return turn;
    }
    return ask(turn, handleResultsChoice(turn, choiceId));
  }
  if (choiceId.startsWith('faq:')) return answerFaq(turn, choiceId.slice(4));
  if (choiceId.startsWith('faqpage:')) {
    showFaqList(turn, Number(choiceId.slice(8)) || 0);
    return turn;
  }
  if (choiceId.startsWith('lang:')) return handleLanguageStep(turn, choiceId, undefined, undefined);
  switch (choiceId) {
    case 'menu:book':
    case 'menu:appointments':
      if (turn.state.consent !== 'granted') {
        replyText(turn, say(turn, 'consentNeededForThis'));
        askConsent(turn);
        return turn;
      }
      if (turn.config.departments.length === 0) {
        return handOver(turn, 'booking_request', choiceId === 'menu:book' ? 'Patient wants to book an appointment' : 'Patient asks about their appointments', { line: 'handoverBooking' });
      }
      if (choiceId === 'menu:book') {
        startBooking(turn);
        return turn;
      }
      turn.state.step = 'appointments';
      return ask(turn, { type: 'appointments' });
    case 'menu:symptoms':
      if (turn.state.consent !== 'granted') {
        replyText(turn, say(turn, 'consentNeededForThis'));
        askConsent(turn);
        return turn;
      }
      return ask(turn, startTriage(turn));
    case 'menu:faq':
      showFaqList(turn);
      return turn;
    case 'menu:hours':
      replyText(turn, describeOpeningHours(turn));
      turn.state.step = 'menu';
      return turn;
    case 'menu:staff':
      return handOver(turn, 'patient_request', 'Patient asked for a person');
    case 'menu:language':
      showLanguages(turn, 'menu');
      return turn;
    case 'menu:privacy':
      replyChoices(turn, say(turn, 'privacyInfo'), [
        { id: 'consent:withdraw', title: say(turn, 'withdrawConsentButton') },
        { id: 'consent:keep', title: say(turn, 'keepConsentButton') },
      ]);
      turn.state.step = 'withdraw_confirm';
      return turn;
    case 'consent:agree':
    case 'consent:decline':
    case 'consent:language':
      return handleConsentStep(turn, choiceId, undefined, undefined);
    case 'consent:withdraw':
      return withdrawConsent(turn);
    case 'consent:keep':
      return backToMenu(turn);
    default:
      return backToMenu(turn);
  }
}

function answerFaq(turn: Turn, faqId: string): Turn {
  const entry = turn.config.faq.find((e) => e.id === faqId);
  if (entry === undefined) return backToMenu(turn);
  const lang = languageOf(turn);
  const answer = entry.answer[lang] ?? entry.answer[turn.config.languages.default] ?? '';
  replyText(turn, entry.link === undefined ? answer : `${answer}\n${entry.link}`);
  turn.state.misunderstandings = 0;
  if (turn.state.step !== 'consent') turn.state.step = 'menu';
  return turn;
}

function withdrawConsent(turn: Turn): Turn {
  if (turn.state.consent === 'granted') {
    turn.effects.push({ type: 'consent.recorded', decision: 'withdrawn', version: turn.config.consent.version });
  }
  turn.state.consent = 'withdrawn';
  turn.state.step = 'menu';
  replyText(turn, say(turn, 'consentWithdrawn'));
  return turn;
}

function notUnderstood(turn: Turn, lastText: string): Turn {
  turn.state.misunderstandings += 1;
  if (turn.state.misunderstandings >= turn.config.assistant.handoverAfterMisunderstandings) {
    turn.state.misunderstandings = 0;
    return handOver(turn, 'not_understood', `Not understood ${turn.config.assistant.handoverAfterMisunderstandings} times in a row; last message: "${lastText.slice(0, 200)}"`, { line: 'handoverNotUnderstood' });
  }
  if (turn.state.step === 'consent') return turn; // the consent step re-asks
  showMenu(turn, say(turn, 'notUnderstood'));
  return turn;
}

/** Moves the conversation to the staff queue with a reason; outside opening hours, says when. */
function handOver(
  turn: Turn,
  reason: HandoverReason,
  summary: string,
  options: { urgent?: boolean; silent?: boolean; line?: 'handoverDocument' | 'handoverUnsupported' | 'handoverNotUnderstood' | 'handoverBooking' } = {},
): Turn {
  turn.effects.push({ type: 'conversation.handed_off', reason, summary, urgent: options.urgent === true });
  turn.owner = 'staff';
  if (turn.state.step !== 'new' && turn.state.step !== 'consent') turn.state.step = 'menu';
  if (options.silent === true) return turn;
  const status = openingStatus(turn.config, turn.now);
  const lines = [say(turn, options.line ?? 'handoverDone')];
  if (!status.open) {
    const lang = languageOf(turn);
    const away = turn.config.awayMessage?.[lang] ?? turn.config.awayMessage?.[turn.config.languages.default];
    const next = status.nextOpen === undefined ? '—' : describeMoment(status.nextOpen, turn.now, turn.config.clinic.timeZone, lang);
    lines.push(away ?? say(turn, 'handoverAway', { next }));
  }
  replyText(turn, lines.join('\n\n'));
  return turn;
}
