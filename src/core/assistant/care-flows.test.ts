import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCareNotice } from '../care/build-care-notice.ts';
import { clinicConfigSchema, type ClinicConfig } from '../clinic/clinic-config.ts';
import type { InboundContent } from '../messages.ts';
import { decideReminderSend } from '../reminders/decide-reminder-send.ts';
import { initialState, type ConversationState, type Owner } from './conversation-state.ts';
import { handleTurn, resumeTurn, type TurnOutput } from './handle-turn.ts';
import type { Understanding } from './understanding.ts';

const config: ClinicConfig = clinicConfigSchema.parse({
  clinic: { name: 'Clínica Sol', timeZone: 'Europe/Madrid' },
  languages: { default: 'en', supported: ['en', 'es', 'de'] },
  openingHours: { tue: [{ open: '08:00', close: '19:00' }] },
  departments: [{ id: 'gp', name: { en: 'General practice' }, services: [{ id: 'gp-visit', name: { en: 'GP visit', es: 'Consulta' }, durationMinutes: 20 }] }],
  providers: [{ id: 'dr-a', name: 'Dr. A', departments: ['gp'] }],
  templates: {
    feedback_survey: { name: 'feedback_survey', languages: { en: 'en', es: 'es' } },
    refill_approved: { name: 'refill_approved', languages: { en: 'en' } },
  },
  consent: { version: '2026-01', privacyUrl: 'https://clinic.example/privacy' },
  emergency: { number: '112' },
});

const NOW = new Date('2026-03-24T09:00:00Z'); // Tuesday 10:00 in Madrid
const none: Understanding = { faq: [] };
const consented: ConversationState = { ...initialState(), step: 'menu', consent: 'granted', language: 'en', lastPatientAt: NOW.getTime() - 60_000 };
const text = (t: string): InboundContent => ({ kind: 'text', text: t });
const choice = (id: string): InboundContent => ({ kind: 'choice', choiceId: id, title: id, source: 'list' });
const image = (caption?: string): InboundContent => ({ kind: 'media', mediaType: 'image', providerMediaId: 'm1', mimeType: 'image/jpeg', ...(caption === undefined ? {} : { caption }) });

function run(content: InboundContent, opts: { state?: ConversationState; owner?: Owner; understanding?: Understanding } = {}): TurnOutput {
  return handleTurn({ config, now: NOW, state: opts.state ?? consented, owner: opts.owner ?? 'bot', optedOut: false, content, understanding: opts.understanding ?? (content.kind === 'text' ? none : undefined) });
}
const texts = (out: TurnOutput) => out.replies.map((r) => (r.kind === 'text' || r.kind === 'choices' ? r.text : r.kind)).join('\n---\n');
const ids = (out: TurnOutput) => out.replies.flatMap((r) => (r.kind === 'choices' ? r.choices.map((c) => c.id) : []));

test('refill from free text: the plans are asked for, then offered as a list with "another medicine"', () => {
  const asked = run(text('I need more metformin'));
  assert.deepEqual(asked.request, { type: 'refill_options' });
  assert.equal(asked.state.step, 'refill_choose');
  const list = resumeTurn({ config, now: NOW, state: asked.state, owner: 'bot', result: { type: 'refill_options', plans: [{ id: 'p1', medication: 'Metformin 850 mg' }] } });
  assert.deepEqual(ids(list), ['rx:plan:p1', 'rx:other']);
  const chosen = run(choice('rx:plan:p1'), { state: list.state });
  assert.deepEqual(chosen.effects, [{ type: 'refill.requested', planId: 'p1' }]);
  assert.match(texts(chosen), /refill request for \*Metformin 850 mg\*/);
  assert.doesNotMatch(texts(chosen), /€|price|buy|offer/i, 'no sale or promotion');
  const written = run(text('the blue inhaler'), { state: list.state });
  assert.deepEqual(written.effects, [{ type: 'refill.requested', description: 'the blue inhaler' }], 'a name written instead of picked');
});

test('refill without plans on file: the patient writes name and dose; without consent the FAQ path stays', () => {
  const asked = run(choice('rx:start'));
  const describe = resumeTurn({ config, now: NOW, state: asked.state, owner: 'bot', result: { type: 'refill_options', plans: [] } });
  assert.equal(describe.state.step, 'refill_describe');
  const described = run(text('Ramipril 5 mg'), { state: describe.state });
  assert.deepEqual(described.effects, [{ type: 'refill.requested', description: 'Ramipril 5 mg' }]);
  const noConsent = run(text('I need a refill'), { state: { ...consented, consent: 'declined' } });
  assert.equal(noConsent.request, undefined);
  assert.deepEqual(noConsent.effects, []);
});

test('"please book first": the button opens booking', () => {
  const out = run(choice('rx:book:r1'));
  assert.equal(out.state.step, 'book_service');
  assert.deepEqual(ids(out), ['svc:gp-visit']);
});

test('a photo with consent becomes a document; the caption names its category, else the patient is asked', () => {
  const card = run(image('my insurance card'));
  assert.deepEqual(card.effects, [{ type: 'document.received', category: 'insurance_card' }]);
  assert.match(texts(card), /saved as \*Insurance card\*/);
  const unnamed = run(image());
  assert.deepEqual(unnamed.effects, [{ type: 'document.received' }]);
  assert.deepEqual(ids(unnamed), ['doc:insurance_card', 'doc:referral', 'doc:report', 'doc:other']);
  const second = run(image(), { state: unnamed.state });
  assert.equal(second.replies.length, 0, 'several files at once: asked once');
  const answered = run(choice('doc:report'), { state: unnamed.state });
  assert.deepEqual(answered.effects, [{ type: 'document.categorized', category: 'report' }]);
});

test('a photo without consent is not kept (no effect), the patient is told and asked; while staff own the chat it is recorded silently', () => {
  const out = run(image('insurance'), { state: { ...consented, consent: 'unknown' } });
  assert.deepEqual(out.effects, []);
  assert.match(texts(out), /have not saved it/);
  assert.ok(ids(out).includes('consent:agree'));
  const staff = run(image('insurance'), { owner: 'staff' });
  assert.deepEqual(staff.effects, [{ type: 'document.received', category: 'insurance_card' }]);
  assert.equal(staff.replies.length, 0);
  assert.equal(staff.owner, 'staff');
});

test('feedback: a rating, then a comment with its sentiment; a low rating or a negative comment promises a call back', () => {
  const rated = run(choice('fb:rate:a1:4'));
  assert.deepEqual(rated.effects, [{ type: 'feedback.rated', appointmentId: 'a1', rating: 4 }]);
  assert.equal(rated.state.step, 'feedback_comment');
  const negative = run(text('rude staff'), { state: rated.state, understanding: { faq: [], sentiment: { vote: 'negative', score: -2 } } });
  assert.deepEqual(negative.effects, [{ type: 'feedback.commented', appointmentId: 'a1', comment: 'rude staff', sentiment: { vote: 'negative', score: -2 } }]);
  assert.match(texts(negative), /get in touch/);
  const positive = run(text('all good'), { state: rated.state, understanding: { faq: [], sentiment: { vote: 'positive', score: 3 } } });
  assert.match(texts(positive), /Thank you for your feedback/);
  const low = run(choice('fb:rate:a1:1'));
  const skipped = run(choice('fb:skip:a1'), { state: low.state });
  assert.match(texts(skipped), /get in touch/);
  assert.deepEqual(run(choice('fb:rate:a1:9')).effects, [], 'a rating out of range is ignored');
  const staffOwned = run(choice('fb:rate:a1:3'), { owner: 'staff' });
  assert.deepEqual(staffOwned.effects, [{ type: 'feedback.rated', appointmentId: 'a1', rating: 3 }], 'recorded while staff own the chat');
  assert.deepEqual(staffOwned.replies, []);
  assert.equal(staffOwned.state.step, 'menu');
});

test('a red flag in a feedback comment gets the emergency advice, not a thank-you', () => {
  const rated = run(choice('fb:rate:a1:2'));
  const out = run(text('since the visit I have crushing chest pain'), { state: rated.state });
  assert.match(texts(out), /112/);
  assert.ok(out.effects.some((e) => e.type === 'conversation.flagged_urgent'));
});

test('the survey reminder: five ratings as a list in the window, the template with one button outside, nothing once rated or too late', () => {
  const reminder = { id: 'r1', kind: 'survey' as const, subjectId: 'a1', dueAt: NOW };
  const subject = { kind: 'survey' as const, answered: false, attendedAt: new Date(NOW.getTime() - 3 * 3_600_000), serviceId: 'gp-visit' };
  const patient = { language: 'es' as const, lastInboundAt: new Date(NOW.getTime() - 3_600_000), optedOut: false, consented: true, timeZone: undefined, firstName: 'Lucía' };
  const inWindow = decideReminderSend({ reminder, patient, subject }, { config, now: NOW, replyWindowHours: 24 });
  assert.ok(inWindow.action === 'send' && inWindow.reply.kind === 'choices');
  if (inWindow.action === 'send' && inWindow.reply.kind === 'choices') {
    assert.deepEqual(inWindow.reply.choices.map((c) => c.id), ['fb:rate:a1:1', 'fb:rate:a1:2', 'fb:rate:a1:3', 'fb:rate:a1:4', 'fb:rate:a1:5']);
    assert.match(inWindow.reply.text, /Consulta/);
    assert.equal(inWindow.reply.buttonLabel, 'Puntuar');
  }
  const outside = decideReminderSend({ reminder, patient: { ...patient, lastInboundAt: undefined }, subject }, { config, now: NOW, replyWindowHours: 24 });
  assert.deepEqual(outside, { action: 'send', as: 'template', reply: { kind: 'template', name: 'feedback_survey', language: 'es', bodyParams: ['Lucía', 'Consulta'], quickReplyPayloads: ['fb:start:a1'] } });
  assert.deepEqual(decideReminderSend({ reminder, patient, subject: { ...subject, answered: true } }, { config, now: NOW, replyWindowHours: 24 }), { action: 'skip', reason: 'no_longer_relevant' });
  assert.deepEqual(decideReminderSend({ reminder, patient, subject: { ...subject, attendedAt: new Date(NOW.getTime() - 8 * 86_400_000) } }, { config, now: NOW, replyWindowHours: 24 }), { action: 'skip', reason: 'too_late' });
  assert.deepEqual(decideReminderSend({ reminder, patient: { ...patient, consented: false }, subject }, { config, now: NOW, replyWindowHours: 24 }), { action: 'skip', reason: 'no_consent' });
});

test('care notices: free text in the window, the template outside, nothing without a template', () => {
  const approved = { kind: 'refill_approved' as const, requestId: 'r1', medication: 'Metformin\n850 mg', reason: 'Pick it up\tat the pharmacy' };
  assert.deepEqual(buildCareNotice(config, 'en', approved, true), { kind: 'text', text: '✅ Your care team approved your refill request for *Metformin\n850 mg*.\n\nNote from your care team: Pick it up\tat the pharmacy' });
  assert.deepEqual(buildCareNotice(config, 'de', approved, false), { kind: 'template', name: 'refill_approved', language: 'en', bodyParams: ['Metformin 850 mg', 'Pick it up at the pharmacy'] });
  assert.equal(buildCareNotice(config, 'en', { ...approved, kind: 'refill_declined' }, false), undefined);
  const book = buildCareNotice(config, 'es', { ...approved, kind: 'refill_book', reason: undefined }, true);
  assert.deepEqual(book?.kind === 'choices' ? book.choices : [], [{ id: 'rx:book:r1', title: 'Pedir cita' }]);
});
