/**
 * Results in the chat (ADR 0012): the patient taps "View result" (or writes "results") →
 * date of birth → a one-time code in a separate message → the documents. Staff's "please book
 * a follow-up" leads into booking: the patient is told the doctor wants to discuss it, gets the
 * document, and is offered a visit right away. The checks themselves (stored date of birth,
 * code, attempts, lockout) are done by the use case; this file only talks.
 */
import type { Language } from '../clinic/clinic-config.ts';
import { birthDateCandidates } from '../results/birth-date-candidates.ts';
import { resultChoice } from '../results/build-result-notice.ts';
import type { ResultDocument, ResultsRequest, ResultsRequestResult } from '../results/results-requests.ts';
import { resultsText } from '../results/results-texts.ts';
import { languageOf, replyChoices, replyText, type Turn } from './turn.ts';

const say = (turn: Turn, key: Parameters<typeof resultsText>[1], params: Record<string, string> = {}) =>
  resultsText(languageOf(turn), key, { clinic: turn.config.clinic.name, contact: turn.config.clinic.phone ?? turn.config.clinic.name, ...params });

/** The first step: the use case says whether there is anything to show and whether the patient may try. */
export function startResults(turn: Turn): ResultsRequest {
  turn.state.misunderstandings = 0;
  return { type: 'results_start' };
}

/** "View result" / "Later" from the notice. */
export function handleResultsChoice(turn: Turn, choiceId: string): ResultsRequest | undefined {
  if (choiceId === resultChoice.view) return startResults(turn);
  replyText(turn, say(turn, 'later'));
  turn.state.step = 'menu';
  return undefined;
}

/** Free text while the flow waits for the date of birth or the code. */
export function handleResultsText(turn: Turn, text: string): ResultsRequest | undefined {
  if (turn.state.step === 'results_code') {
    const code = text.replace(/[\s-]/g, '');
    if (!/^\d{6}$/.test(code)) {
      replyText(turn, say(turn, 'codeFormat'));
      return undefined;
    }
    return { type: 'results_code', code };
  }
  const candidates = birthDateCandidates(text, languageOf(turn), turn.now);
  if (candidates.length === 0) {
    replyText(turn, say(turn, 'birthDateFormat'));
    return undefined;
  }
  return { type: 'results_birth_date', candidates };
}

/** Continues after the use case answered. */
export function resumeResults(turn: Turn, result: ResultsRequestResult): void {
  switch (result.status) {
    case 'ask_birth_date':
      replyText(turn, say(turn, 'askBirthDate'));
      turn.state.step = 'results_dob';
      return;
    case 'code_sent':
      replyText(turn, say(turn, 'codeIntro', { minutes: String(result.minutes) }));
      // The code travels alone, in its own message.
      replyText(turn, say(turn, 'code', { code: result.code }));
      turn.state.step = 'results_code';
      return;
    case 'wrong':
      replyText(turn, say(turn, result.type === 'results_code' ? 'codeWrong' : 'birthDateWrong', { left: String(result.attemptsLeft) }));
      return;
    case 'expired':
    case 'no_code':
      replyText(turn, say(turn, 'codeExpired'));
      turn.state.step = 'results_dob';
      return;
    case 'locked':
      replyText(turn, say(turn, 'locked'));
      turn.state.step = 'menu';
      return;
    case 'none':
      replyText(turn, say(turn, 'none'));
      turn.state.step = 'menu';
      return;
    case 'no_birth_date':
      replyText(turn, say(turn, 'noBirthDate'));
      turn.state.step = 'menu';
      return;
    case 'verified':
      deliver(turn, result.documents);
      turn.state.step = 'menu';
      return;
  }
}

function deliver(turn: Turn, documents: readonly ResultDocument[]): void {
  if (documents.length === 0) {
    replyText(turn, say(turn, 'none'));
    return;
  }
  const followUp = documents.some((d) => d.followUp);
  if (followUp) replyText(turn, say(turn, 'followUp'));
  for (const document of documents) {
    const image = document.mimeType !== 'application/pdf';
    turn.replies.push({
      kind: 'media',
      mediaType: image ? 'image' : 'document',
      source: { storageKey: document.storageKey },
      mimeType: document.mimeType,
      caption: (document.note ?? say(turn, 'caption')).slice(0, 1024),
      ...(image ? {} : { filename: fileName(languageOf(turn), document) }),
    });
    turn.effects.push({ type: 'result.disclosed', resultId: document.resultId, followUp: document.followUp });
  }
  if (followUp) {
    replyChoices(turn, say(turn, 'followUpBook'), [
      { id: 'menu:book', title: say(turn, 'bookButton') },
      { id: 'menu:staff', title: say(turn, 'staffButton') },
    ]);
  } else {
    replyText(turn, say(turn, 'delivered'));
  }
}

function fileName(lang: Language, document: ResultDocument): string {
  return `${resultsText(lang, 'fileName')}-${new Date(document.createdAt).toISOString().slice(0, 10)}.pdf`;
}
