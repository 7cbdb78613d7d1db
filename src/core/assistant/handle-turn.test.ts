import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema, type ClinicConfig } from '../clinic/clinic-config.ts';
import type { InboundContent } from '../messages.ts';
import { initialState, type ConversationState, type Owner } from './conversation-state.ts';
import { handleTurn, type TurnOutput } from './handle-turn.ts';
import type { Understanding } from './understanding.ts';

const config: ClinicConfig = clinicConfigSchema.parse({
  clinic: { name: 'Clínica Sol', timeZone: 'Europe/Madrid', address: 'Calle Mayor 1, Madrid' },
  languages: { default: 'en', supported: ['en', 'es', 'de'] },
  openingHours: { mon: [{ open: '08:00', close: '19:00' }], tue: [{ open: '08:00', close: '19:00' }], wed: [{ open: '08:00', close: '19:00' }], thu: [{ open: '08:00', close: '19:00' }], fri: [{ open: '08:00', close: '19:00' }] },
  faq: [
    { id: 'parking', questions: { en: ['where can I park'], es: ['dónde aparco'] }, answer: { en: 'Free parking behind the building.', es: 'Aparcamiento gratuito detrás del edificio.' }, label: { en: 'Parking', es: 'Aparcar' } },
    { id: 'fasting', questions: { en: ['do I need to fast'] }, answer: { en: 'Fast 8 hours before a blood test.' }, label: { en: 'Fasting' } },
  ],
  consent: { version: '2026-01', privacyUrl: 'https://clinic.example/privacy' },
  emergency: { number: '112' },
});

// Tuesday 2026-03-24 10:00 in Madrid (open); Tuesday 22:00 (closed).
const OPEN = new Date('2026-03-24T09:00:00Z');
const CLOSED = new Date('2026-03-24T21:00:00Z');
const none: Understanding = { faq: [] };
const text = (t: string): InboundContent => ({ kind: 'text', text: t });
const choice = (id: string): InboundContent => ({ kind: 'choice', choiceId: id, title: id, source: 'button' });

function run(content: InboundContent, opts: { state?: ConversationState; owner?: Owner; understanding?: Understanding; now?: Date; optedOut?: boolean } = {}): TurnOutput {
  return handleTurn({
    config,
    now: opts.now ?? OPEN,
    state: opts.state ?? initialState(),
    owner: opts.owner ?? 'bot',
    optedOut: opts.optedOut ?? false,
    content,
    understanding: opts.understanding ?? (content.kind === 'text' ? none : undefined),
  });
}

function texts(out: TurnOutput): string {
  return out.replies.map((r) => (r.kind === 'text' || r.kind === 'choices' ? r.text : r.kind)).join('\n---\n');
}

test('first contact: welcome and consent in the detected language, nothing recorded yet', () => {
  const out = run(text('Hola, buenos días'), { understanding: { faq: [], language: { value: 'es', score: 0.9 } } });
  assert.equal(out.state.language, 'es');
  assert.equal(out.state.step, 'consent');
  assert.equal(out.replies.length, 2);
  assert.match(texts(out), /Clínica Sol/);
  assert.match(texts(out), /112/);
  const consent = out.replies[1];
  assert.equal(consent?.kind, 'choices');
  assert.deepEqual(consent?.kind === 'choices' ? consent.choices.map((c) => c.id) : [], ['consent:agree', 'consent:decline', 'consent:language']);
  assert.deepEqual(out.effects, []);
});

test('consent agreed: a Consent effect with the policy version, then the menu as a list of ≤10 rows', () => {
  const first = run(text('hello'));
  const out = run(choice('consent:agree'), { state: first.state });
  assert.deepEqual(out.effects, [{ type: 'consent.recorded', decision: 'granted', version: '2026-01' }, { type: 'language.set', language: 'en' }]);
  assert.equal(out.state.consent, 'granted');
  const menu = out.replies.at(-1);
  assert.equal(menu?.kind, 'choices');
  if (menu?.kind === 'choices') {
    assert.ok(menu.choices.length <= 10);
    assert.ok(menu.choices.some((c) => c.id === 'menu:book'));
    assert.ok(menu.choices.some((c) => c.id === 'menu:privacy'));
  }
});

test('consent declined: no booking, but FAQ and opening hours still work', () => {
  const first = run(text('hello'));
  const declined = run(choice('consent:decline'), { state: first.state });
  assert.deepEqual(declined.effects, [{ type: 'consent.recorded', decision: 'declined', version: '2026-01' }]);
  const faq = run(text('where do I park?'), { state: declined.state, understanding: { faq: [{ value: 'parking', score: 0.93 }] } });
  assert.match(texts(faq), /Free parking/);
  const book = run(choice('menu:book'), { state: declined.state });
  assert.match(texts(book), /agreement/);
  assert.equal(book.state.step, 'consent');
  const hours = run(choice('menu:hours'), { state: declined.state });
  assert.match(texts(hours), /Opening hours/);
  assert.match(texts(hours), /Calle Mayor/);
});

test('a language change is confirmable before consent and answers in the new language', () => {
  const first = run(text('hello'));
  const list = run(choice('consent:language'), { state: first.state });
  assert.equal(list.state.step, 'language');
  const out = run({ kind: 'choice', choiceId: 'lang:de', title: 'Deutsch', source: 'list' }, { state: list.state });
  assert.deepEqual(out.effects, [{ type: 'language.set', language: 'de' }]);
  assert.equal(out.state.language, 'de');
  assert.equal(out.state.step, 'consent', 'back to the consent question');
});

const consented = (): ConversationState => ({ ...initialState(), step: 'menu', consent: 'granted', language: 'en', lastPatientAt: OPEN.getTime() - 60_000 });

test('FAQ: a confident match answers with the approved text; a near miss offers buttons and a person', () => {
  const hit = run(text('where can i leave my car'), { state: consented(), understanding: { faq: [{ value: 'parking', score: 0.88 }] } });
  assert.equal(texts(hit), 'Free parking behind the building.');
  const near = run(text('car?'), { state: consented(), understanding: { faq: [{ value: 'parking', score: 0.38 }, { value: 'fasting', score: 0.33 }] } });
  const buttons = near.replies[0];
  assert.equal(buttons?.kind, 'choices');
  assert.deepEqual(buttons?.kind === 'choices' ? buttons.choices.map((c) => c.id) : [], ['faq:parking', 'faq:fasting', 'menu:staff']);
  assert.equal(near.state.step, 'faq_near_miss');
  const tie = run(text('card'), { state: consented(), understanding: { faq: [{ value: 'parking', score: 0.66 }, { value: 'fasting', score: 0.6 }] } });
  assert.equal(tie.replies[0]?.kind, 'choices', 'two close candidates: ask, do not guess');
});

test('two misunderstandings in a row hand over to staff with a reason and summary', () => {
  const once = run(text('blorp'), { state: consented() });
  assert.equal(once.owner, 'bot');
  assert.equal(once.state.misunderstandings, 1);
  const twice = run(text('zzzz'), { state: once.state });
  assert.equal(twice.owner, 'staff');
  const handover = twice.effects.find((e) => e.type === 'conversation.handed_off');
  assert.equal(handover?.type === 'conversation.handed_off' ? handover.reason : undefined, 'not_understood');
  assert.match(texts(twice), /team/);
});

test('the bot is silent while staff own the conversation, and resumes when it is closed', () => {
  const silent = run(text('hello?'), { state: consented(), owner: 'staff' });
  assert.deepEqual(silent.replies, []);
  assert.equal(silent.owner, 'staff');
  const reopened = run(text('menu'), { state: consented(), owner: 'closed' });
  assert.equal(reopened.owner, 'bot');
  assert.ok(reopened.replies.length > 0);
});

test('STOP and START work in any state and language, even while staff own the conversation', () => {
  for (const word of ['STOP', 'baja', 'Stopp']) {
    const out = run(text(word), { state: consented(), owner: 'staff' });
    assert.deepEqual(out.effects, [{ type: 'patient.opted_out' }], word);
    assert.equal(out.replies.length, 1);
  }
  const start = run(text('start'), { state: consented(), optedOut: true });
  assert.deepEqual(start.effects, [{ type: 'patient.opted_in' }]);
  const notAKeyword = run(text('please do not stop my medication reminders'), { state: consented() });
  assert.ok(!notAKeyword.effects.some((e) => e.type === 'patient.opted_out'));
});

test('"agent" hands over; outside opening hours the patient hears when to expect an answer', () => {
  const open = run(text('agent'), { state: consented() });
  assert.equal(open.owner, 'staff');
  assert.doesNotMatch(texts(open), /away/);
  const closed = run(text('humano'), { state: consented(), now: CLOSED });
  assert.equal(closed.owner, 'staff');
  assert.match(texts(closed), /away right now; we open again tomorrow/);
});

test('a red flag before consent: emergency number at once, urgent handover, normal flow paused', () => {
  const out = run(text('I have crushing chest pain and I cannot breathe'));
  assert.match(texts(out), /112/);
  assert.equal(out.owner, 'staff');
  assert.ok(out.effects.some((e) => e.type === 'conversation.flagged_urgent'));
  const handover = out.effects.find((e) => e.type === 'conversation.handed_off');
  assert.equal(handover?.type === 'conversation.handed_off' ? handover.urgent : undefined, true);
  assert.equal(out.replies.length, 1, 'no welcome or consent question in an emergency');
  const staffOwned = run(text('my baby is not breathing'), { state: consented(), owner: 'staff' });
  assert.match(texts(staffOwned), /112/, 'the safety net answers even while staff own the conversation');
});

test('voice notes and unsupported messages go to a person; photos are acknowledged', () => {
  const voice = run({ kind: 'media', mediaType: 'audio', providerMediaId: '1', mimeType: 'audio/ogg', voice: true }, { state: consented() });
  assert.equal(voice.owner, 'staff');
  assert.match(texts(voice), /voice/);
  const photo = run({ kind: 'media', mediaType: 'image', providerMediaId: '2', mimeType: 'image/jpeg' }, { state: consented() });
  assert.match(texts(photo), /received your file/);
});

test('after the idle timeout the conversation restarts at the menu', () => {
  const state = { ...consented(), step: 'faq_near_miss' as const, misunderstandings: 1, lastPatientAt: OPEN.getTime() - 13 * 3_600_000 };
  const out = run(text('qwerty'), { state });
  assert.equal(out.state.misunderstandings, 1, 'the count restarted, then this message was not understood');
  assert.equal(out.owner, 'bot');
});

test('withdraw consent works from the menu at any time', () => {
  const privacy = run(choice('menu:privacy'), { state: consented() });
  assert.equal(privacy.state.step, 'withdraw_confirm');
  const out = run(choice('consent:withdraw'), { state: privacy.state });
  assert.deepEqual(out.effects, [{ type: 'consent.recorded', decision: 'withdrawn', version: '2026-01' }]);
  assert.equal(out.state.consent, 'withdrawn');
  const keyword = run(text('withdraw consent'), { state: consented() });
  assert.equal(keyword.state.consent, 'withdrawn');
});

test('free text with a booking intent lands in booking (handled by staff for now)', () => {
  const out = run(text('I want to book'), { state: consented(), understanding: { faq: [], intent: { value: 'book', score: 0.9 } } });
  const handover = out.effects.find((e) => e.type === 'conversation.handed_off');
  assert.equal(handover?.type === 'conversation.handed_off' ? handover.reason : undefined, 'booking_request');
});

test('every reply stays within WhatsApp limits in every language', () => {
  for (const language of ['en', 'es', 'de'] as const) {
    const state = { ...consented(), language };
    for (const out of [run(text('hello')), run(choice('menu:faq'), { state }), run(choice('menu:language'), { state }), run(choice('consent:agree'), { state: { ...state, step: 'consent', consent: 'unknown' } })]) {
      for (const reply of out.replies) {
        if (reply.kind !== 'choices') continue;
        assert.ok(reply.choices.length <= 10);
        const limit = reply.choices.length <= 3 && reply.choices.every((c) => c.description === undefined) ? 20 : 24;
        for (const c of reply.choices) assert.ok([...c.title].length <= limit, `${language}: "${c.title}"`);
      }
    }
  }
});

test('an emergency told in pieces across messages is caught, once', () => {
  const first = run(text('my chest hurts a lot'), { state: consented() });
  assert.ok(!first.effects.some((e) => e.type === 'conversation.flagged_urgent'), 'chest pain alone is not a red flag');
  const second = run(text("and now I can't breathe properly"), { state: first.state, now: new Date(OPEN.getTime() + 60_000) });
  assert.match(texts(second), /112/);
  assert.ok(second.effects.some((e) => e.type === 'conversation.flagged_urgent'));
  const third = run(text('what should I do'), { state: second.state, owner: 'staff', now: new Date(OPEN.getTime() + 90_000) });
  assert.ok(!third.effects.some((e) => e.type === 'conversation.flagged_urgent'), 'no second alarm for the same pieces');
  const soon = run(text('and I am sweating a lot'), { state: first.state, now: new Date(OPEN.getTime() + 60_000) });
  assert.ok(soon.effects.some((e) => e.type === 'conversation.flagged_urgent'), 'chest pain, then sweating a minute later');
  const later = run(text('and I am sweating a lot'), { state: first.state, now: new Date(OPEN.getTime() + 20 * 60_000) });
  assert.ok(!later.effects.some((e) => e.type === 'conversation.flagged_urgent'), 'pieces older than the window are not combined');
});
