/** Booking flow additions: provider choice, change time, cut-off, waitlist, intake questionnaire, notices. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema, supportedLanguages, type ClinicConfig } from '../clinic/clinic-config.ts';
import type { OutboundReply } from '../messages.ts';
import { buildPatientNotice } from './build-patient-notice.ts';
import { initialState, type ConversationState } from './conversation-state.ts';
import type { RequestResult } from './effects.ts';
import { handleTurn, resumeTurn } from './handle-turn.ts';

const config: ClinicConfig = clinicConfigSchema.parse({
  clinic: { name: 'Clínica Sol', timeZone: 'Europe/Madrid', address: 'Calle Mayor 1' },
  languages: { default: 'en', supported: [...supportedLanguages] },
  openingHours: { mon: [{ open: '08:00', close: '19:00' }], tue: [{ open: '08:00', close: '19:00' }], wed: [{ open: '08:00', close: '19:00' }], thu: [{ open: '08:00', close: '19:00' }], fri: [{ open: '08:00', close: '19:00' }] },
  departments: [
    {
      id: 'general',
      name: { en: 'General practice' },
      services: [
        {
          id: 'gp-visit',
          name: { en: 'GP appointment', es: 'Consulta' },
          durationMinutes: 20,
          intake: [
            { id: 'reason', text: { en: 'What is the reason for your visit?', es: '¿Cuál es el motivo de su visita?' } },
            { id: 'allergies', text: { en: 'Do you have any allergies?' }, answer: 'yes_no' },
          ],
        },
      ],
    },
  ],
  providers: [
    { id: 'dr-a', name: 'Dr. Ana', departments: ['general'] },
    { id: 'dr-b', name: 'Dr. Bruno', departments: ['general'] },
  ],
  templates: { waitlist_offer: { name: 'waitlist_offer', languages: { en: 'en', es: 'es' } } },
  consent: { version: '1', privacyUrl: 'https://clinic.example/privacy' },
  emergency: { number: '112' },
});
const now = new Date('2026-10-20T09:00:00Z');
const base: ConversationState = { ...initialState(), step: 'menu', consent: 'granted', language: 'en', lastPatientAt: now.getTime() };

const tap = (state: ConversationState, choiceId: string) =>
  handleTurn({ config, now, state, owner: 'bot', optedOut: false, content: { kind: 'choice', choiceId, title: choiceId, source: 'list' }, understanding: undefined, patientHasDetails: true });
const write = (state: ConversationState, text: string) =>
  handleTurn({ config, now, state, owner: 'bot', optedOut: false, content: { kind: 'text', text }, understanding: { faq: [] }, patientHasDetails: true });
const resume = (state: ConversationState, result: RequestResult) => resumeTurn({ config, now, state, owner: 'bot', result, patientHasDetails: true });
const choicesOf = (reply: OutboundReply | undefined) => (reply?.kind === 'choices' ? reply.choices.map((c) => c.id) : []);
const textOf = (reply: OutboundReply | undefined) => (reply?.kind === 'choices' || reply?.kind === 'text' ? reply.text : '');

test('with several providers the patient chooses one or "anyone"; the days follow that choice', () => {
  const providers = tap(base, 'svc:gp-visit');
  assert.equal(providers.state.step, 'book_provider');
  assert.deepEqual(choicesOf(providers.replies[0]), ['prov:any', 'prov:dr-a', 'prov:dr-b']);
  assert.deepEqual(tap(providers.state, 'prov:dr-b').request, { type: 'availability', serviceId: 'gp-visit', practitionerId: 'dr-b' });
  const any = tap(providers.state, 'prov:any');
  assert.deepEqual(any.request, { type: 'availability', serviceId: 'gp-visit', practitionerId: 'any' });
  assert.deepEqual(tap(any.state, 'day:2026-10-26').request, { type: 'availability', serviceId: 'gp-visit', practitionerId: 'any', day: '2026-10-26' });
  // A provider who does not offer the service (an old or forged choice) means anyone.
  assert.deepEqual(tap(providers.state, 'prov:dr-zzz').request, { type: 'availability', serviceId: 'gp-visit', practitionerId: 'any' });
});

const listed = { ...base, step: 'appointments' as const, appointmentsShown: [{ id: 'a1', serviceId: 'gp-visit', practitionerId: 'dr-a', start: Date.UTC(2026, 9, 27, 9, 0), status: 'booked' }] };

test('my appointments → change time books the new slot through a reschedule request', () => {
  const actions = tap(listed, 'appt:a1');
  assert.deepEqual(choicesOf(actions.replies[0]), ['move:a1', 'cancel:a1', 'menu:appointments']);
  const move = tap(actions.state, 'move:a1');
  assert.equal(move.state.booking?.rescheduleOf, 'a1');
  const days = resume({ ...tap(move.state, 'prov:any').state }, { type: 'availability', slots: [{ practitionerId: 'dr-b', start: Date.UTC(2026, 9, 28, 10, 0) }] });
  assert.ok(!choicesOf(days.replies[0]).includes('wait:join'), 'a move keeps the appointment: no waitlist row');
  const hold = tap(days.state, `slot:dr-b@${Date.UTC(2026, 9, 28, 10, 0)}`);
  const held = resume(hold.state, { type: 'hold', ok: true, holdId: 'h2' });
  const confirm = tap(held.state, 'book:confirm');
  assert.deepEqual(confirm.request, { type: 'reschedule', appointmentId: 'a1', practitionerId: 'dr-b', start: Date.UTC(2026, 9, 28, 10, 0), holdId: 'h2' });
  const moved = resume(confirm.state, { type: 'reschedule', ok: true, appointmentId: 'a2', serviceId: 'gp-visit', practitionerId: 'dr-b', start: Date.UTC(2026, 9, 28, 10, 0), status: 'booked' });
  assert.match(textOf(moved.replies[0]), /moved.*Dr\. Bruno/s);
  assert.equal(moved.state.step, 'menu', 'no questionnaire again for a moved appointment');
  const lost = resume(confirm.state, { type: 'reschedule', ok: false, reason: 'taken', alternatives: [{ practitionerId: 'dr-a', start: Date.UTC(2026, 9, 28, 11, 0) }] });
  assert.match(textOf(lost.replies[0]), /just taken/);
  assert.equal(lost.state.booking?.rescheduleOf, 'a1', 'still moving the same appointment');
});

test('inside the cut-off the patient is offered the team instead of change or cancel', () => {
  const soon = { ...listed, appointmentsShown: [{ ...listed.appointmentsShown[0]!, start: now.getTime() + 3 * 3_600_000 }] };
  const out = tap(soon, 'appt:a1');
  assert.match(textOf(out.replies[0]), /less than 24 hours/);
  assert.deepEqual(choicesOf(out.replies[0]), ['menu:staff', 'menu:appointments']);
  // A request staff have not confirmed yet may still be withdrawn.
  const pending = tap({ ...soon, appointmentsShown: [{ ...soon.appointmentsShown[0]!, status: 'pending' }] }, 'appt:a1');
  assert.ok(choicesOf(pending.replies[0]).includes('cancel:a1'));
});

test('nothing suits: the waitlist for the chosen service and provider, until a chosen day', () => {
  const booking = { ...base, step: 'book_day' as const, booking: { serviceId: 'gp-visit', provider: 'dr-a' }, pendingRequest: { type: 'availability' as const, serviceId: 'gp-visit', practitionerId: 'dr-a' } };
  const none = resume(booking, { type: 'availability', slots: [] });
  assert.deepEqual(choicesOf(none.replies[0]), ['wait:join', 'menu:staff']);
  const window = tap(none.state, 'wait:join');
  assert.deepEqual(choicesOf(window.replies[0]), ['wait:7', 'wait:14', 'wait:30']);
  const join = tap(window.state, 'wait:14');
  assert.deepEqual(join.request, { type: 'join_waitlist', serviceId: 'gp-visit', practitionerId: 'dr-a', days: 14 });
  const joined = resume(join.state, { type: 'join_waitlist', ok: true, until: Date.UTC(2026, 10, 3, 22, 59) });
  assert.match(textOf(joined.replies[0]), /waitlist for \*GP appointment\* until November 3/);
});

test('an offered slot: accept books it, decline keeps the place, a lost one is explained', () => {
  const accept = tap(base, 'wl:yes:e1@1900000000000');
  assert.deepEqual(accept.request, { type: 'waitlist_answer', entryId: 'e1', start: 1900000000000, accept: true });
  assert.deepEqual(tap(base, 'wl:no:e1@1900000000000').request, { type: 'waitlist_answer', entryId: 'e1', start: 1900000000000, accept: false });
  const booked = resume(accept.state, { type: 'waitlist_answer', ok: true, accepted: true, appointmentId: 'a9', serviceId: 'gp-visit', practitionerId: 'dr-a', start: Date.UTC(2026, 9, 27, 9, 0), status: 'booked' });
  assert.match(textOf(booked.replies[0]), /Booked/);
  assert.match(textOf(resume(accept.state, { type: 'waitlist_answer', ok: false }).replies[0]), /already been taken/);
});

test('after booking, the service\'s questionnaire: free text, yes/no, skip; answers leave as one effect', () => {
  const book = { ...base, step: 'book_confirm' as const, booking: { serviceId: 'gp-visit', practitionerId: 'dr-a', start: Date.UTC(2026, 9, 27, 9, 0) }, pendingRequest: { type: 'book' as const, serviceId: 'gp-visit', practitionerId: 'dr-a', start: Date.UTC(2026, 9, 27, 9, 0) } };
  const booked = resume(book, { type: 'book', ok: true, appointmentId: 'a1', serviceId: 'gp-visit', practitionerId: 'dr-a', start: Date.UTC(2026, 9, 27, 9, 0), status: 'booked' });
  assert.equal(booked.state.step, 'intake');
  assert.match(textOf(booked.replies[2]), /reason for your visit/);
  const first = write(booked.state, 'Persistent cough');
  assert.match(textOf(first.replies[0]), /allergies/);
  assert.deepEqual(choicesOf(first.replies[0]), ['intake:yes', 'intake:no', 'intake:skip']);
  const unclear = write(first.state, 'maybe');
  assert.equal(unclear.state.intake?.index, 1, 'a yes/no question asks again');
  const done = tap(first.state, 'intake:yes');
  assert.equal(done.state.step, 'menu');
  assert.equal(done.state.intake, undefined);
  assert.deepEqual(done.effects, [
    {
      type: 'intake.answered',
      appointmentId: 'a1',
      serviceId: 'gp-visit',
      answers: [
        { linkId: 'reason', text: 'What is the reason for your visit?', answer: { kind: 'text', value: 'Persistent cough' } },
        { linkId: 'allergies', text: 'Do you have any allergies?', answer: { kind: 'boolean', value: true } },
      ],
    },
  ]);
  const skipOne = tap(booked.state, 'intake:skip');
  assert.equal(skipOne.state.intake?.index, 1, JSON.stringify(skipOne.replies));
  const skipped = tap(skipOne.state, 'intake:skip');
  assert.deepEqual(skipped.effects, [{ type: 'intake.answered', appointmentId: 'a1', serviceId: 'gp-visit', answers: [] }]);
});

test('safety first during the questionnaire: an emergency is answered as such', () => {
  const state = { ...base, step: 'intake' as const, intake: { appointmentId: 'a1', serviceId: 'gp-visit', index: 0, answers: [] } };
  const out = write(state, 'I have crushing chest pain and cannot breathe');
  assert.match(textOf(out.replies[0]), /112/);
});

test('a waitlist offer is a message with buttons inside the 24-hour window, the approved template outside it', () => {
  const notice = { kind: 'waitlist_offer' as const, entryId: 'e1', serviceId: 'gp-visit', practitionerId: 'dr-a', start: new Date(Date.UTC(2026, 9, 27, 9, 0)) };
  const inside = buildPatientNotice(config, 'es', notice, true);
  assert.equal(inside.kind, 'choices');
  const payload = `e1@${Date.UTC(2026, 9, 27, 9, 0)}`;
  assert.deepEqual(choicesOf(inside), [`wl:yes:${payload}`, `wl:no:${payload}`]);
  assert.match(textOf(inside), /\*Consulta\* con Dr\. Ana/);
  const outside = buildPatientNotice(config, 'es', notice, false);
  assert.deepEqual(outside, { kind: 'template', name: 'waitlist_offer', language: 'es', bodyParams: ['Consulta', 'Dr. Ana', 'martes, 27 de octubre, 10:00'], quickReplyPayloads: [`wl:yes:${payload}`, `wl:no:${payload}`] });
  // French has no approved translation: the default language's template.
  assert.equal(buildPatientNotice(config, 'fr', notice, false).kind === 'template' ? (buildPatientNotice(config, 'fr', notice, false) as { language: string }).language : '', 'en');
});
