/** The scheduling keys of the clinic configuration schema (src/core/clinic/clinic-config.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema } from '../clinic/clinic-config.ts';

const base = {
  clinic: { name: 'Test', timeZone: 'Europe/Madrid' },
  languages: { default: 'en', supported: ['en'] },
  openingHours: {},
  consent: { version: '1', privacyUrl: 'https://example.org/p' },
  emergency: { number: '112' },
  departments: [
    { id: 'general', name: { en: 'General' }, services: [{ id: 'visit', name: { en: 'Visit' }, durationMinutes: 20 }] },
    { id: 'lab', name: { en: 'Lab' }, services: [{ id: 'blood', name: { en: 'Blood' }, durationMinutes: 10 }] },
  ],
};

function problems(config: unknown): string[] {
  const result = clinicConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function withProvider(provider: Record<string, unknown>): unknown {
  return { ...base, providers: [{ id: 'dr-a', name: 'Dr A', departments: ['general'], ...provider }] };
}

test('existing configurations stay valid and get the scheduling defaults', () => {
  const config = clinicConfigSchema.parse(withProvider({}));
  assert.deepEqual(config.scheduling, { minNoticeMinutes: 120, horizonDays: 30, cancellationCutoffHours: 24, holdMinutes: 5 });
  assert.deepEqual(config.providers[0]?.exceptions, []);
  assert.equal(config.providers[0]?.services, undefined);
  assert.deepEqual(clinicConfigSchema.parse({ ...base, scheduling: { horizonDays: 60 } }).scheduling, {
    minNoticeMinutes: 120, horizonDays: 60, cancellationCutoffHours: 24, holdMinutes: 5,
  });
});

test('exceptions: whole days or local date-times (also inside the hour skipped on 2026-03-29)', () => {
  const config = clinicConfigSchema.parse(
    withProvider({
      exceptions: [
        { kind: 'leave', from: '2026-08-03', to: '2026-08-14', note: 'Summer' },
        { kind: 'leave', from: '2026-12-24' },
        { kind: 'extra', from: '2026-03-29T02:30', to: '2026-03-29T06:00' },
        { kind: 'leave', from: '2026-10-25T02:15', to: '2026-10-25T02:45' },
      ],
    }),
  );
  assert.equal(config.providers[0]?.exceptions.length, 4);
});

test('exceptions that cannot be read are reported on the right key', () => {
  assert.deepEqual(
    problems(
      withProvider({
        exceptions: [
          { kind: 'leave', from: '2026-02-30' },
          { kind: 'leave', from: '3 August' },
          { kind: 'extra', from: '2026-08-03' },
          { kind: 'extra', from: '2026-08-03T09:00' },
          { kind: 'leave', from: '2026-08-03T09:00', to: '2026-08-04' },
          { kind: 'leave', from: '2026-08-14', to: '2026-08-03' },
          { kind: 'extra', from: '2026-10-25T03:00', to: '2026-10-25T02:00' },
          { kind: 'holiday', from: '2026-08-03' },
        ],
      }),
    ),
    [
      'providers.0.exceptions.0.from: is not a real date',
      'providers.0.exceptions.1.from: must be a date like 2026-08-03 or a local date and time like 2026-08-03T09:30',
      'providers.0.exceptions.2.from: extra hours need a date and time, like 2026-08-03T09:30',
      'providers.0.exceptions.3.to: is required when from has a time',
      'providers.0.exceptions.4.to: must be written like from (both dates, or both dates with times)',
      'providers.0.exceptions.5.to: must not be before from',
      'providers.0.exceptions.6.to: must be after from',
      'providers.0.exceptions.7.kind: Invalid option: expected one of "leave"|"extra"',
    ],
  );
});

test('provider services must exist in the provider’s departments; ids are unique; "any" is reserved', () => {
  assert.deepEqual(problems(withProvider({ services: ['visit', 'blood', 'xray'] })), [
    'providers.0.services.1: service "blood" belongs to department "lab", which is not in this provider\'s departments',
    'providers.0.services.2: unknown service "xray"',
  ]);
  assert.deepEqual(
    problems({
      ...base,
      departments: [...base.departments, { id: 'other', name: { en: 'Other' }, services: [{ id: 'visit', name: { en: 'Visit' }, durationMinutes: 20 }] }],
      providers: [
        { id: 'any', name: 'A', departments: ['general'] },
        { id: 'dr-b', name: 'B', departments: ['general'] },
        { id: 'dr-b', name: 'B again', departments: ['lab'] },
      ],
    }),
    [
      'departments.2.services.0.id: duplicate service id "visit"',
      'providers.0.id: "any" is reserved (it means any provider)',
      'providers.2.id: duplicate provider id "dr-b"',
    ],
  );
});

test('scheduling and service limits are checked', () => {
  assert.deepEqual(problems({ ...base, scheduling: { minNoticeMinutes: -1, holdMinutes: 0, slotStepMinutes: 2 } }).length, 3);
  assert.deepEqual(problems({ ...base, scheduling: { colour: 'blue' } }).length, 1);
  const service = { id: 'visit', name: { en: 'Visit' }, durationMinutes: 20, horizonDays: 0 };
  assert.deepEqual(problems({ ...base, departments: [{ id: 'general', name: { en: 'General' }, services: [service] }] }), [
    'departments.0.services.0.horizonDays: Too small: expected number to be >=1',
  ]);
});
