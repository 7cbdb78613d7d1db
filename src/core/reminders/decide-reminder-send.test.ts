import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema } from '../clinic/clinic-config.ts';
import { decideReminderSend, type ReminderPatient, type ReminderSubject } from './decide-reminder-send.ts';

const config = clinicConfigSchema.parse({
  clinic: { name: 'Test Clinic', timeZone: 'Europe/Madrid' },
  languages: { default: 'en', supported: ['en', 'es', 'fr'] },
  openingHours: {},
  consent: { version: '1', privacyUrl: 'https://example.org/privacy' },
  emergency: { number: '112' },
  departments: [{ id: 'general', name: { en: 'General' }, services: [{ id: 'consult', name: { en: 'Consultation', es: 'Consulta' }, durationMinutes: 30 }] }],
  providers: [{ id: 'dr-a', name: 'Dr. A', departments: ['general'] }],
  templates: { appointment_reminder: { name: 'appointment_reminder', languages: { en: 'en', es: 'es' } } },
});
const now = new Date('2030-04-01T09:00:00Z'); // 11:00 in Madrid
const reminder = { id: 'r1', kind: 'appointment' as const, subjectId: 'a1', dueAt: now };
const subject: ReminderSubject = { kind: 'appointment', status: 'booked', start: new Date('2030-04-02T09:00:00Z'), serviceId: 'consult', practitionerId: 'dr-a' };
const patient: ReminderPatient = { language: 'es', lastInboundAt: new Date('2030-03-20T09:00:00Z'), optedOut: false, consented: true, timeZone: undefined, firstName: 'Lucía' };
const decide = (p: Partial<ReminderPatient> = {}, s: Partial<ReminderSubject> = {}, at = now) =>
  decideReminderSend({ reminder, patient: { ...patient, ...p }, subject: { ...subject, ...s } as ReminderSubject }, { config, now: at, replyWindowHours: 24 });

test('outside the 24-hour window: the approved template in the patient language, with button payloads', () => {
  const decision = decide();
  assert.equal(decision.action, 'send');
  if (decision.action !== 'send' || decision.reply.kind !== 'template') throw new Error('expected a template');
  assert.equal(decision.as, 'template');
  assert.equal(decision.reply.name, 'appointment_reminder');
  assert.equal(decision.reply.language, 'es');
  assert.equal(decision.reply.bodyParams.length, 4);
  assert.equal(decision.reply.bodyParams[0], 'Lucía');
  assert.deepEqual(decision.reply.quickReplyPayloads, ['rem:confirm:a1', 'rem:reschedule:a1:consult', 'rem:cancel:a1']);
});

test('a language without an approved translation gets the default language template', () => {
  const decision = decide({ language: 'fr' });
  assert.ok(decision.action === 'send' && decision.reply.kind === 'template' && decision.reply.language === 'en');
});

test('inside the window: a session message with the same buttons', () => {
  const decision = decide({ lastInboundAt: new Date('2030-04-01T08:00:00Z') });
  assert.ok(decision.action === 'send' && decision.as === 'session' && decision.reply.kind === 'choices');
  if (decision.action === 'send' && decision.reply.kind === 'choices') assert.deepEqual(decision.reply.choices.map((c) => c.id), ['rem:confirm:a1', 'rem:reschedule:a1:consult', 'rem:cancel:a1']);
});

test('STOP, missing consent, a cancelled or past appointment: skipped', () => {
  assert.deepEqual(decide({ optedOut: true }), { action: 'skip', reason: 'opted_out' });
  assert.deepEqual(decide({ consented: false }), { action: 'skip', reason: 'no_consent' });
  assert.deepEqual(decide({}, { status: 'cancelled' }), { action: 'skip', reason: 'no_longer_relevant' });
  assert.deepEqual(decide({}, {}, new Date('2030-04-02T09:30:00Z')), { action: 'skip', reason: 'too_late' });
});

test('quiet hours defer to 08:00 in the patient zone; too late when that is after the start', () => {
  const evening = new Date('2030-03-31T20:00:00Z'); // 22:00 in Madrid
  const decision = decide({}, {}, evening);
  assert.deepEqual(decision, { action: 'defer', until: new Date('2030-04-01T06:00:00Z'), reason: 'quiet_hours' });
  assert.deepEqual(decide({}, { start: new Date('2030-04-01T05:30:00Z') }, new Date('2030-04-01T03:30:00Z')), { action: 'skip', reason: 'too_late' });
});

test('no approved template for the purpose: a failure staff hear about', () => {
  const decision = decideReminderSend(
    { reminder: { ...reminder, kind: 'medication_dose' }, patient, subject: { kind: 'medication_dose', state: 'pending', planActive: true, scheduledAt: now, doseText: '1 tablet' } },
    { config, now, replyWindowHours: 24 },
  );
  assert.deepEqual(decision, { action: 'fail', reason: 'no_template' });
});
