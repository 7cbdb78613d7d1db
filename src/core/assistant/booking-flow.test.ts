import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema, supportedLanguages, type ClinicConfig } from '../clinic/clinic-config.ts';
import type { OutboundReply } from '../messages.ts';
import { initialState, type ConversationState } from './conversation-state.ts';
import type { AssistantRequest, RequestResult } from './effects.ts';
import { handleTurn, resumeTurn } from './handle-turn.ts';

const config: ClinicConfig = clinicConfigSchema.parse({
  clinic: { name: 'Clínica Sol', timeZone: 'Europe/Madrid', address: 'Calle Mayor 1' },
  languages: { default: 'en', supported: [...supportedLanguages] },
  openingHours: { mon: [{ open: '08:00', close: '19:00' }], tue: [{ open: '08:00', close: '19:00' }], wed: [{ open: '08:00', close: '19:00' }], thu: [{ open: '08:00', close: '19:00' }], fri: [{ open: '08:00', close: '19:00' }] },
  departments: [{ id: 'general', name: { en: 'General practice', de: 'Allgemeinmedizin' }, services: [{ id: 'gp-visit', name: { en: 'GP appointment', pt: 'Consulta de medicina geral familiar' }, durationMinutes: 20 }] }],
  providers: [{ id: 'dr-a', name: 'Dr. Ana Beatriz Fernández-Castillo', departments: ['general'] }],
  consent: { version: '1', privacyUrl: 'https://clinic.example/privacy' },
  emergency: { number: '112' },
});
const now = new Date('2026-10-20T09:00:00Z');
// Around the autumn clock change in Madrid (2026-10-25).
const slots = [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [8, 12, 17].map((h) => ({ practitionerId: 'dr-a', start: Date.UTC(2026, 9, 21 + d, h, 40) })));

function limitsProblems(replies: OutboundReply[]): string[] {
  const problems: string[] = [];
  for (const reply of replies) {
    if (reply.kind !== 'choices') continue;
    const asButtons = reply.choices.length <= 3 && reply.choices.every((c) => c.description === undefined);
    if (reply.choices.length > 10) problems.push(`${reply.choices.length} rows`);
    for (const c of reply.choices) {
      const max = asButtons ? 20 : 24;
      if ([...c.title].length > max) problems.push(`"${c.title}" > ${max}`);
      if (c.description !== undefined && [...c.description].length > 72) problems.push(`"${c.description}" > 72`);
    }
    if ([...reply.text].length > 1024) problems.push('body > 1024');
  }
  return problems;
}

function run(state: ConversationState, choiceId: string) {
  return handleTurn({ config, now, state, owner: 'bot', optedOut: false, content: { kind: 'choice', choiceId, title: choiceId, source: 'list' }, understanding: undefined });
}

function resume(state: ConversationState, result: RequestResult, patientHasDetails = true) {
  return resumeTurn({ config, now, state, owner: 'bot', result, patientHasDetails });
}

test('service → day → time → hold → book, every reply within WhatsApp limits in every language', () => {
  for (const language of supportedLanguages) {
    let state: ConversationState = { ...initialState(), step: 'menu', consent: 'granted', language, lastPatientAt: now.getTime() };
    const services = run(state, 'menu:book');
    assert.equal(services.state.step, 'book_service');
    const day = run(services.state, 'svc:gp-visit');
    assert.deepEqual(day.request, { type: 'availability', serviceId: 'gp-visit', practitionerId: 'dr-a' } satisfies AssistantRequest);
    const days = resume(day.state, { type: 'availability', slots });
    const dayRows = days.replies[0]?.kind === 'choices' ? days.replies[0].choices : [];
    assert.equal(dayRows.filter((r) => r.id.startsWith('day:')).length, 7);
    const time = run(days.state, 'day:2026-10-25');
    assert.deepEqual(time.request, { type: 'availability', serviceId: 'gp-visit', practitionerId: 'dr-a', day: '2026-10-25' });
    const times = resume(time.state, { type: 'availability', slots: slots.slice(12, 15) });
    const slotRow = times.replies[0]?.kind === 'choices' ? times.replies[0].choices[0] : undefined;
    assert.ok(slotRow?.id.startsWith('slot:dr-a@'));
    const hold = run(times.state, slotRow?.id ?? '');
    assert.equal(hold.request?.type, 'hold');
    const held = resume(hold.state, { type: 'hold', ok: true, holdId: 'h1' });
    assert.equal(held.state.step, 'book_confirm');
    const book = run(held.state, 'book:confirm');
    assert.deepEqual(book.request, { type: 'book', serviceId: 'gp-visit', practitionerId: 'dr-a', start: slots[12]!.start, holdId: 'h1' });
    const booked = resume(book.state, { type: 'book', ok: true, status: 'booked', appointmentId: 'a1', serviceId: 'gp-visit', practitionerId: 'dr-a', start: slots[12]!.start, calendarKey: 'calendar/a1-v0' });
    assert.deepEqual(booked.replies.map((r) => r.kind), ['text', 'media'], 'the confirmation, then the calendar file');
    assert.equal(booked.state.step, 'menu');
    assert.equal(booked.state.booking, undefined);
    state = booked.state;
    const list = resume({ ...state, pendingRequest: { type: 'appointments' } }, {
      type: 'appointments',
      items: [{ id: 'a1', serviceId: 'gp-visit', practitionerId: 'dr-a', start: Date.UTC(2026, 8, 28, 8, 30), status: 'booked' }],
    });
    for (const out of [services, days, times, held, booked, list]) assert.deepEqual(limitsProblems(out.replies), [], language);
  }
});

test('a lost race offers the alternatives; none left offers another day', () => {
  const state: ConversationState = { ...initialState(), step: 'book_confirm', consent: 'granted', language: 'en', lastPatientAt: now.getTime(), booking: { serviceId: 'gp-visit', practitionerId: 'dr-a', start: slots[0]!.start, holdId: 'h1' }, pendingRequest: { type: 'book', serviceId: 'gp-visit', practitionerId: 'dr-a', start: slots[0]!.start, holdId: 'h1' } };
  const lost = resume(state, { type: 'book', ok: false, alternatives: slots.slice(1, 4) });
  assert.match(lost.replies[0]?.kind === 'choices' ? lost.replies[0].text : '', /just taken/);
  assert.equal(lost.replies[0]?.kind === 'choices' ? lost.replies[0].choices.filter((c) => c.id.startsWith('slot:')).length : 0, 3);
  const none = resume(state, { type: 'book', ok: false, alternatives: [] });
  assert.equal(none.state.step, 'book_time');
  assert.equal(none.state.pendingRequest, undefined);
});

test('cancel inside the cut-off points the patient to the team', () => {
  const state: ConversationState = { ...initialState(), step: 'appointments', consent: 'granted', language: 'en', lastPatientAt: now.getTime(), pendingRequest: { type: 'cancel', appointmentId: 'a1' } };
  const out = resume(state, { type: 'cancel', ok: false, reason: 'cutoff' });
  assert.match(out.replies[0]?.kind === 'choices' ? out.replies[0].text : '', /too late/);
  assert.deepEqual(out.replies[0]?.kind === 'choices' ? out.replies[0].choices.map((c) => c.id) : [], ['menu:staff']);
});

test('the first booking asks for the full name and date of birth once, then confirms', () => {
  const held = resume(
    { ...initialState(), step: 'book_time', consent: 'granted', language: 'en', lastPatientAt: now.getTime(), booking: { serviceId: 'gp-visit', practitionerId: 'dr-a', start: slots[0]!.start }, pendingRequest: { type: 'hold', serviceId: 'gp-visit', practitionerId: 'dr-a', start: slots[0]!.start } },
    { type: 'hold', ok: true, holdId: 'h1' },
    false,
  );
  assert.equal(held.state.step, 'book_name');
  const say = (state: ConversationState, t: string) => handleTurn({ config, now, state, owner: 'bot', optedOut: false, content: { kind: 'text', text: t }, understanding: { faq: [] } });
  const badName = say(held.state, '12345');
  assert.equal(badName.state.step, 'book_name');
  const name = say(held.state, 'Lucía Fernández Ruiz');
  assert.equal(name.state.step, 'book_dob');
  const badDate = say(name.state, '31/02/1990');
  assert.equal(badDate.state.step, 'book_dob');
  assert.deepEqual(badDate.effects, []);
  const date = say(name.state, '14/05/1990');
  assert.deepEqual(date.effects, [{ type: 'patient.details_recorded', fullName: 'Lucía Fernández Ruiz', birthDate: '1990-05-14' }]);
  assert.equal(date.state.step, 'book_confirm');
  assert.equal(date.state.booking?.fullName, undefined, 'the name leaves the conversation state once recorded');
  assert.equal(date.state.booking?.holdId, 'h1');
});
