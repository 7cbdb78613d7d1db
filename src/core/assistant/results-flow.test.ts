import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema, type ClinicConfig } from '../clinic/clinic-config.ts';
import type { InboundContent } from '../messages.ts';
import { buildResultNotice } from '../results/build-result-notice.ts';
import type { ResultsRequestResult } from '../results/results-requests.ts';
import { asksForResults, resultsTexts } from '../results/results-texts.ts';
import { initialState, type ConversationState } from './conversation-state.ts';
import { handleTurn, resumeTurn, type TurnOutput } from './handle-turn.ts';

const config: ClinicConfig = clinicConfigSchema.parse({
  clinic: { name: 'Clínica Sol', timeZone: 'Europe/Madrid', phone: '+34 900 000 000' },
  languages: { default: 'en', supported: ['en', 'es', 'de'] },
  departments: [{ id: 'gp', name: { en: 'GP' }, services: [{ id: 'gp-visit', name: { en: 'GP visit' }, durationMinutes: 20 }] }],
  openingHours: { tue: [{ open: '08:00', close: '19:00' }] },
  providers: [{ id: 'dr', name: 'Dr. Ana', departments: ['gp'] }],
  templates: { result_ready: { name: 'result_ready', languages: { en: 'en', es: 'es' } } },
  consent: { version: '2026-01', privacyUrl: 'https://clinic.example/privacy' },
  emergency: { number: '112' },
});

const NOW = new Date('2026-03-24T09:00:00Z');
const consented = (over: Partial<ConversationState> = {}): ConversationState => ({ ...initialState(), step: 'menu', language: 'en', consent: 'granted', lastPatientAt: NOW.getTime() - 60_000, ...over });
const text = (t: string): InboundContent => ({ kind: 'text', text: t });
const choice = (id: string): InboundContent => ({ kind: 'choice', choiceId: id, title: id, source: 'button' });
const say = (content: InboundContent, state: ConversationState, resultsWaiting = 0): TurnOutput =>
  handleTurn({ config, now: NOW, state, owner: 'bot', optedOut: false, content, understanding: content.kind === 'text' ? { faq: [] } : undefined, resultsWaiting });
const resume = (state: ConversationState, result: ResultsRequestResult): TurnOutput => resumeTurn({ config, now: NOW, state, owner: 'bot', result });
const texts = (out: TurnOutput) => out.replies.map((r) => (r.kind === 'text' || r.kind === 'choices' ? r.text : r.kind)).join('\n---\n');

test('"View result" asks the use case first; without consent, consent comes first', () => {
  const out = say(choice('res:view'), consented());
  assert.deepEqual(out.request, { type: 'results_start' });
  const noConsent = say(choice('res:view'), consented({ consent: 'unknown' }));
  assert.equal(noConsent.request, undefined);
  assert.equal(noConsent.state.step, 'consent');
  assert.match(texts(say(choice('res:later'), consented())), /Write \*results\* whenever/);
});

test('"results" in free text opens waiting results only', () => {
  assert.deepEqual(say(text('my results'), consented(), 1).request, { type: 'results_start' });
  assert.deepEqual(say(text('Befund'), consented({ language: 'de' }), 2).request, { type: 'results_start' });
  assert.equal(say(text('my results'), consented(), 0).request, undefined);
});

test('date of birth, then the code in a message of its own; wrong answers and the lockout', () => {
  const asked = resume({ ...consented(), pendingRequest: { type: 'results_start' } }, { type: 'results_start', status: 'ask_birth_date' });
  assert.equal(asked.state.step, 'results_dob');
  assert.match(texts(asked), /date of birth/);
  const unreadable = say(text('no idea'), asked.state);
  assert.equal(unreadable.request, undefined);
  assert.match(texts(unreadable), /could not read that as a date/);
  const dob = say(text('03/02/1980'), asked.state);
  assert.deepEqual(dob.request, { type: 'results_birth_date', candidates: ['1980-02-03', '1980-03-02'] });
  const wrong = resume(dob.state, { type: 'results_birth_date', status: 'wrong', attemptsLeft: 2 });
  assert.equal(wrong.state.step, 'results_dob');
  assert.match(texts(wrong), /Attempts left: 2/);
  const sent = resume(dob.state, { type: 'results_birth_date', status: 'code_sent', code: '042917', minutes: 10 });
  assert.equal(sent.replies.length, 2);
  assert.ok(!texts({ ...sent, replies: sent.replies.slice(0, 1) }).includes('042917'), 'the explanation does not carry the code');
  assert.match(texts({ ...sent, replies: sent.replies.slice(1) }), /Clínica Sol code: \*042917\*/);
  assert.equal(sent.state.step, 'results_code');
  assert.match(texts(say(text('12 34'), sent.state)), /6-digit code/);
  assert.deepEqual(say(text('042 917'), sent.state).request, { type: 'results_code', code: '042917' });
  const locked = resume({ ...sent.state, pendingRequest: { type: 'results_code', code: '000000' } }, { type: 'results_code', status: 'locked' });
  assert.equal(locked.state.step, 'menu');
  assert.match(texts(locked), /contact the clinic \(\*\+34 900 000 000\*\)/);
  const expired = resume(sent.state, { type: 'results_code', status: 'expired' });
  assert.equal(expired.state.step, 'results_dob');
});

test('verified: each document as media with the note as caption, each disclosure an effect', () => {
  const out = resume(consented({ step: 'results_code' }), {
    type: 'results_code',
    status: 'verified',
    documents: [
      { resultId: 'r1', storageKey: 'patients/p/results/r1', mimeType: 'application/pdf', note: 'All normal.', followUp: false, createdAt: NOW.getTime() },
      { resultId: 'r2', storageKey: 'patients/p/results/r2', mimeType: 'image/png', followUp: false, createdAt: NOW.getTime() },
    ],
  });
  assert.deepEqual(out.replies.slice(0, 2), [
    { kind: 'media', mediaType: 'document', source: { storageKey: 'patients/p/results/r1' }, mimeType: 'application/pdf', caption: 'All normal.', filename: 'result-2026-03-24.pdf' },
    { kind: 'media', mediaType: 'image', source: { storageKey: 'patients/p/results/r2' }, mimeType: 'image/png', caption: 'Your document from Clínica Sol' },
  ]);
  assert.deepEqual(out.effects, [
    { type: 'result.disclosed', resultId: 'r1', followUp: false },
    { type: 'result.disclosed', resultId: 'r2', followUp: false },
  ]);
  assert.equal(out.state.step, 'menu');
});

test('"please book a follow-up": the doctor wants to discuss it, the document, then booking', () => {
  const out = resume(consented({ step: 'results_code' }), {
    type: 'results_code',
    status: 'verified',
    documents: [{ resultId: 'r1', storageKey: 'k/r1', mimeType: 'application/pdf', followUp: true, createdAt: NOW.getTime() }],
  });
  assert.deepEqual(out.replies.map((r) => r.kind), ['text', 'media', 'choices']);
  assert.match(texts(out), /Your doctor would like to go through this result/);
  const offer = out.replies[2];
  assert.ok(offer?.kind === 'choices');
  assert.deepEqual(offer.choices.map((c) => c.id), ['menu:book', 'menu:staff']);
  const book = say(choice('menu:book'), out.state);
  assert.equal(book.state.step, 'book_service');
});

test('the notice: buttons inside the window, the template outside, no template → reported', () => {
  const inside = buildResultNotice(config, { language: 'es', firstName: 'Lucía' }, true);
  assert.ok(inside.ok && inside.reply.kind === 'choices');
  assert.match(inside.reply.text, /nuevo documento de Clínica Sol/);
  assert.deepEqual(inside.reply.choices.map((c) => c.id), ['res:view', 'res:later']);
  const outside = buildResultNotice(config, { language: 'de', firstName: undefined }, false);
  assert.deepEqual(outside, { ok: true, as: 'template', reply: { kind: 'template', name: 'result_ready', language: 'en', bodyParams: ['there', 'Clínica Sol'], quickReplyPayloads: ['res:view', 'res:later'] } });
  const noTemplates = buildResultNotice({ ...config, templates: {} }, { language: 'en', firstName: 'Ann' }, false);
  assert.deepEqual(noTemplates, { ok: false, reason: 'no_template' });
});

test('texts: every language complete, buttons within WhatsApp’s 20 characters, placeholders as in English', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [lang, texts] of Object.entries(resultsTexts)) {
    for (const [key, value] of Object.entries(texts)) {
      assert.ok(value.trim().length > 0, `${lang}.${key}`);
      assert.deepEqual(placeholders(value), placeholders(resultsTexts.en[key as keyof typeof texts]), `${lang}.${key} placeholders`);
    }
    for (const key of ['viewButton', 'laterButton', 'bookButton', 'staffButton'] as const) assert.ok([...texts[key]].length <= 20, `${lang}.${key} ≤ 20`);
  }
});

test('what counts as asking for results', () => {
  for (const t of ['results', 'My lab results?', 'Befund', 'mis resultados', 'résultats', 'os meus resultados']) assert.ok(asksForResults(t), t);
  for (const t of ['How long do results take for a blood test?', 'hello', 'book an appointment', 'where is the lab', 'send a report']) assert.ok(!asksForResults(t), t);
});

test('during the identity check, safety first and "menu" leaves it', () => {
  const waiting = consented({ step: 'results_dob' });
  const emergency = say(text('I have crushing chest pain and cannot breathe'), waiting);
  assert.match(texts(emergency), /112/);
  assert.equal(emergency.request, undefined);
  const menu = say(text('menu'), waiting);
  assert.equal(menu.state.step, 'menu');
  assert.equal(menu.request, undefined);
});
