import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema } from '../clinic/clinic-config.ts';
import { getBookingRules } from './get-booking-rules.ts';
import { practitionersForService } from './practitioners-for-service.ts';

const base = {
  clinic: { name: 'Test', timeZone: 'Europe/Madrid' },
  languages: { default: 'en', supported: ['en'] },
  openingHours: {},
  consent: { version: '1', privacyUrl: 'https://example.org/p' },
  emergency: { number: '112' },
  departments: [
    {
      id: 'derm',
      name: { en: 'Dermatology' },
      services: [
        { id: 'visit', name: { en: 'Visit' }, durationMinutes: 30 },
        { id: 'mole', name: { en: 'Mole check' }, durationMinutes: 20, bufferMinutes: 5, booking: 'request', minNoticeMinutes: 1440, horizonDays: 90, cancellationCutoffHours: 48, slotStepMinutes: 10 },
      ],
    },
    { id: 'lab', name: { en: 'Lab' }, services: [{ id: 'blood', name: { en: 'Blood' }, durationMinutes: 10 }] },
  ],
  providers: [
    { id: 'dr-r', name: 'Dr R', departments: ['derm'] },
    { id: 'dr-s', name: 'Dr S', departments: ['derm', 'lab'], services: ['mole', 'blood'] },
    { id: 'nurse', name: 'Nurse', departments: ['lab'] },
  ],
};

test('clinic defaults apply where a service sets nothing; the step defaults to the duration', () => {
  const rules = getBookingRules(clinicConfigSchema.parse(base), 'visit');
  assert.deepEqual(
    { ...rules, service: rules.service.id, department: rules.department.id },
    {
      service: 'visit', department: 'derm', durationMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 120, horizonDays: 30,
      cancellationCutoffHours: 24, slotStepMinutes: 30, holdMinutes: 5, booking: 'instant', mode: 'in_person',
    },
  );
  const clinicStep = clinicConfigSchema.parse({ ...base, scheduling: { slotStepMinutes: 15, holdMinutes: 10 } });
  assert.equal(getBookingRules(clinicStep, 'visit').slotStepMinutes, 15);
  assert.equal(getBookingRules(clinicStep, 'visit').holdMinutes, 10);
  assert.equal(getBookingRules(clinicStep, 'visit').minNoticeMinutes, 120);
});

test('a service’s own values win', () => {
  const rules = getBookingRules(clinicConfigSchema.parse({ ...base, scheduling: { slotStepMinutes: 15 } }), 'mole');
  assert.equal(rules.minNoticeMinutes, 1440);
  assert.equal(rules.horizonDays, 90);
  assert.equal(rules.cancellationCutoffHours, 48);
  assert.equal(rules.slotStepMinutes, 10);
  assert.equal(rules.bufferMinutes, 5);
  assert.equal(rules.booking, 'request');
});

test('unknown services are not_found', () => {
  assert.throws(() => getBookingRules(clinicConfigSchema.parse(base), 'nope'), { name: 'DomainError', code: 'not_found' });
});

test('who offers a service: listed services, else the whole department', () => {
  const clinic = clinicConfigSchema.parse(base);
  assert.deepEqual(practitionersForService(clinic, 'visit').map((p) => p.id), ['dr-r']);
  assert.deepEqual(practitionersForService(clinic, 'mole').map((p) => p.id), ['dr-r', 'dr-s']);
  assert.deepEqual(practitionersForService(clinic, 'blood').map((p) => p.id), ['dr-s', 'nurse']);
  assert.deepEqual(practitionersForService(clinic, 'nope'), []);
});
