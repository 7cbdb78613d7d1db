import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema, type ClinicConfig } from '../clinic/clinic-config.ts';
import type { InboundContent, OutboundReply } from '../messages.ts';
import { triageTexts } from '../triage/triage-texts.ts';
import { initialState, type ConversationState } from './conversation-state.ts';
import type { Effect } from './effects.ts';
import { handleTurn, resumeTurn, type TurnOutput } from './handle-turn.ts';

const base = {
  clinic: { name: 'Clínica Sol', timeZone: 'Europe/Madrid' },
  languages: { default: 'en', supported: ['en', 'es', 'de', 'fr', 'pt'] },
  openingHours: { tue: [{ open: '08:00', close: '19:00' }] },
  consent: { version: '2026-01', privacyUrl: 'https://clinic.example/privacy' },
  emergency: { number: '112' },
  departments: [
    { id: 'general', name: { en: 'General practice' }, services: [{ id: 'gp', name: { en: 'GP visit' }, durationMinutes: 15 }] },
    { id: 'dermatology', name: { en: 'Dermatology' }, services: [{ id: 'derm', name: { en: 'Skin check' }, durationMinutes: 20 }] },
  ],
};
const config: ClinicConfig = clinicConfigSchema.parse({
  ...base,
  triage: { counselling: { name: { en: 'Sol listening line', es: 'Línea de escucha Sol' }, phone: '+34 900 000 000' } },
});
const OPEN = new Date('2026-03-24T09:00:00Z'); // Tuesday 10:00 in Madrid

const text = (t: string): InboundContent => ({ kind: 'text', text: t });
const choice = (id: string): InboundContent => ({ kind: 'choice', choiceId: id, title: id, source: 'button' });
const consented = (language: ConversationState['language'] = 'en'): ConversationState => ({ ...initialState(), step: 'menu', consent: 'granted', language, lastPatientAt: OPEN.getTime() });

function run(content: InboundContent, state: ConversationState, cfg = config): TurnOutput {
  return handleTurn({ config: cfg, now: OPEN, state, owner: 'bot', optedOut: false, content, understanding: content.kind === 'text' ? { faq: [] } : undefined });
}
const all = (out: TurnOutput) => out.replies.map((r) => (r.kind === 'text' || r.kind === 'choices' ? r.text : '')).join('\n---\n');
const ids = (reply: OutboundReply | undefined) => (reply?.kind === 'choices' ? reply.choices.map((c) => c.id) : []);
const triaged = (out: TurnOutput) => out.effects.find((e): e is Extract<Effect, { type: 'triage.completed' }> => e.type === 'triage.completed');

test('the menu offers "Symptoms / I feel unwell" after consent; it asks for a description, with the disclaimer once', () => {
  const menu = run(text('menu'), consented());
  assert.ok(ids(menu.replies.at(-1)).includes('menu:symptoms'));
  const start = run(choice('menu:symptoms'), consented());
  assert.equal(start.state.step, 'triage_describe');
  assert.match(all(start), /not a diagnosis/);
  assert.match(all(start), /112/);
  const again = run(choice('menu:symptoms'), { ...consented(), triageDisclaimerShown: true });
  assert.doesNotMatch(all(again), /not a diagnosis/);
  const off = clinicConfigSchema.parse({ ...base, triage: { enabled: false } });
  assert.ok(!ids(run(text('menu'), consented(), off).replies.at(-1)).includes('menu:symptoms'));
});

test('chest pain: one question; "yes" is an emergency — advice with the number, urgent handover, answers stored', () => {
  const first = run(text('I have chest pain'), consented());
  assert.equal(first.state.step, 'triage_question');
  assert.deepEqual(ids(first.replies.at(-1)), ['triage:a:q_chest_features:yes', 'triage:a:q_chest_features:no']);
  const out = run(choice('triage:a:q_chest_features:yes'), first.state);
  assert.match(all(out), /Call 112 now/);
  assert.match(all(out), /sit down/i, 'the chest-pain first-aid line');
  assert.equal(out.owner, 'staff');
  assert.ok(out.effects.some((e) => e.type === 'conversation.handed_off' && e.urgent));
  const done = triaged(out);
  assert.equal(done?.level, 'emergency');
  assert.match(done?.summary ?? '', /EMERGENCY — Chest pain/);
  assert.equal(done?.response.resourceType, 'QuestionnaireResponse');
  assert.ok(done?.response.item.some((i) => i.linkId === 'q_chest_features' && JSON.stringify(i.answer).includes('"yes"')));
});

test('chest pain answered "no" stays urgent: same-day slots or a call-back; same-day asks for today only', () => {
  const first = run(text('I have chest pain'), consented());
  const out = run(choice('triage:a:q_chest_features:no'), first.state);
  assert.equal(triaged(out)?.level, 'urgent');
  assert.match(all(out), /today/);
  assert.deepEqual(ids(out.replies.at(-1)), ['triage:sameday', 'triage:callback', 'menu:main']);
  const sameDay = run(choice('triage:sameday'), out.state);
  assert.deepEqual(sameDay.request, { type: 'availability', serviceId: 'gp', day: '2026-03-24', sameDay: true });
  // Slots today: the booking flow lists the times.
  const times = resumeTurn({ config, now: OPEN, state: sameDay.state, owner: 'bot', result: { type: 'availability', slots: [{ practitionerId: 'dr', start: Date.parse('2026-03-24T14:00:00Z') }] } });
  assert.equal(times.state.step, 'book_time');
  assert.ok(ids(times.replies.at(-1)).some((id) => id.startsWith('slot:dr@')));
  // No slot left today: offer the call-back instead.
  const none = resumeTurn({ config, now: OPEN, state: sameDay.state, owner: 'bot', result: { type: 'availability', slots: [] } });
  assert.deepEqual(ids(none.replies.at(-1)), ['triage:callback', 'menu:main']);
  const callback = run(choice('triage:callback'), none.state);
  assert.equal(callback.owner, 'staff');
  assert.ok(callback.effects.some((e) => e.type === 'conversation.handed_off' && e.reason === 'triage_callback' && e.urgent && /Call-back/.test(e.summary)));
  assert.match(all(callback), /call you back/);
});

test('sore throat: only questions that can change the level; self-care advice with what would change it and "book anyway"', () => {
  const first = run(text('I have a sore throat since yesterday'), consented());
  assert.deepEqual(ids(first.replies.at(-1)), ['triage:a:q_swallow:yes', 'triage:a:q_swallow:no'], 'duration is known: not asked');
  const out = run(choice('triage:a:q_swallow:no'), first.state);
  assert.equal(triaged(out)?.level, 'self_care');
  assert.match(all(out), /look after this at home/);
  assert.match(all(out), /salty water/);
  assert.match(all(out), /If it gets worse/);
  assert.deepEqual(ids(out.replies.at(-1)), ['triage:book', 'menu:main']);
  const book = run(choice('triage:book'), out.state);
  assert.deepEqual(book.request, { type: 'availability', serviceId: 'gp', practitionerId: 'any' });
});

test('a typed "yes" answers the question; other text adds to the description (a red flag in it is an emergency)', () => {
  const first = run(text('I have a headache'), consented());
  assert.equal(first.state.triage?.pending, 'q_headache_sudden');
  const typedNo = run(text('no'), first.state);
  assert.equal(typedNo.state.triage?.answers['q_headache_sudden'], 'no');
  const more = run(text('and my neck is stiff and I have a fever'), first.state);
  assert.equal(triaged(more)?.level, 'emergency');
  const redFlag = run(text('now my face is drooping on one side'), first.state);
  assert.equal(triaged(redFlag)?.level, 'emergency', 'the safety net closes the open triage as an emergency');
  assert.match(all(redFlag), /112/);
});

test('mental health: asks about self-harm first ("yes" → emergency help), otherwise names the counselling service', () => {
  const first = run(text('estoy muy deprimida últimamente'), consented('es'));
  assert.equal(first.state.triage?.pending, 'q_self_harm');
  assert.match(all(first), /hacerse daño/);
  const yes = run(choice('triage:a:q_self_harm:yes'), first.state);
  assert.equal(triaged(yes)?.level, 'emergency');
  assert.match(all(yes), /112/);
  const no = run(choice('triage:a:q_self_harm:no'), first.state);
  const out = no.state.triage?.pending === 'q_acute_distress' ? run(choice('triage:a:q_acute_distress:no'), no.state) : no;
  assert.equal(triaged(out)?.level, 'routine');
  assert.match(all(out), /Línea de escucha Sol/);
  assert.match(all(out), /\+34 900 000 000/);
});

test('words naming no known problem: the problems as a list (paged), in the patient language', () => {
  const start = run(choice('menu:symptoms'), { ...consented('de'), triageDisclaimerShown: true });
  const out = run(text('mir geht es irgendwie komisch'), start.state);
  assert.equal(out.state.step, 'triage_choose');
  const rows = ids(out.replies.at(-1));
  assert.equal(rows.length, 10);
  assert.equal(rows.at(-1), 'triage:page:1');
  assert.match(all(out), /Beschwerden/);
  const page = run(choice('triage:page:2'), out.state);
  assert.ok(ids(page.replies.at(-1)).includes('triage:p:other'));
  const rash = run(choice('triage:p:skin_rash'), out.state);
  assert.equal(rash.state.step, 'triage_question');
  const other = run(choice('triage:p:other'), out.state);
  assert.equal(triaged(other)?.level, 'routine', 'unknown problems are routine, never self-care');
});

test('a late tap on a question after the advice goes back to the menu; nothing is recorded twice', () => {
  const first = run(text('I have a sore throat since yesterday'), consented());
  const advice = run(choice('triage:a:q_swallow:no'), first.state);
  const late = run(choice('triage:a:q_swallow:yes'), advice.state);
  assert.equal(triaged(late), undefined);
  assert.ok(ids(late.replies.at(-1)).includes('menu:symptoms'));
});

test('free text with symptoms starts triage only after consent', () => {
  const before = run(text('I have a bad cough'), { ...initialState(), step: 'consent', language: 'en', lastPatientAt: OPEN.getTime() });
  assert.equal(before.state.triage, undefined);
  assert.equal(run(text('I have a bad cough'), consented()).state.step, 'triage_question');
});

test('every locale: same keys as English, button and row limits, placeholders kept', () => {
  const en = triageTexts.en;
  for (const [lang, texts] of Object.entries(triageTexts)) {
    assert.deepEqual(Object.keys(texts).sort(), Object.keys(en).sort(), lang);
    for (const [key, value] of Object.entries(texts) as Array<[keyof typeof en, string]>) {
      assert.ok(value.trim().length > 0, `${lang}.${key}`);
      const limit = key.startsWith('p_') || key === 'menuRow' || key === 'moreProblems' ? 24 : key.startsWith('o_') || key.endsWith('Button') || key === 'yes' || key === 'no' ? 20 : key === 'menuRowDescription' ? 72 : 1024;
      assert.ok([...value].length <= limit, `${lang}.${key} is longer than ${limit}: ${value}`);
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(placeholders(value), placeholders(en[key]), `${lang}.${key} placeholders`);
    }
  }
});
