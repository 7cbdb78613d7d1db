import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema, type ClinicConfig } from '../clinic/clinic-config.ts';
import { expandWeeklyHours, expandWorkingHours } from './expand-working-hours.ts';
import type { Interval } from './interval.ts';

const clinic: ClinicConfig = clinicConfigSchema.parse({
  clinic: { name: 'Test', timeZone: 'Europe/Madrid' },
  languages: { default: 'en', supported: ['en'] },
  openingHours: {
    mon: [{ open: '08:00', close: '14:00' }],
    tue: [{ open: '08:00', close: '14:00' }],
    wed: [{ open: '08:00', close: '14:00' }],
    thu: [{ open: '08:00', close: '14:00' }],
    fri: [{ open: '08:00', close: '14:00' }],
  },
  holidays: [{ date: '2026-03-31', name: 'Test holiday' }],
  consent: { version: '1', privacyUrl: 'https://example.org/p' },
  emergency: { number: '112' },
});

const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const iso = (list: Interval[]): string[][] => list.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);
const sunday = (open: string, close: string) => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ open, close }] });

test('Madrid spring forward (2026-03-29): 08:00–12:00 stays 08:00–12:00 on the wall clock', () => {
  const out = expandWeeklyHours(sunday('08:00', '12:00'), 'Europe/Madrid', range('2026-03-22T00:00:00Z', '2026-03-30T00:00:00Z'));
  assert.deepEqual(iso(out), [
    ['2026-03-22T07:00:00.000Z', '2026-03-22T11:00:00.000Z'], // CET, UTC+1
    ['2026-03-29T06:00:00.000Z', '2026-03-29T10:00:00.000Z'], // CEST, UTC+2, the day clocks change
  ]);
});

test('Madrid fall back (2026-10-25): 08:00–12:00 stays 08:00–12:00; the night shift keeps its wall-clock ends', () => {
  const day = expandWeeklyHours(sunday('08:00', '12:00'), 'Europe/Madrid', range('2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z'));
  assert.deepEqual(iso(day), [['2026-10-25T07:00:00.000Z', '2026-10-25T11:00:00.000Z']]);
  // 01:00–04:00 local on the night of the change lasts four real hours (02:00–03:00 happens twice).
  const night = expandWeeklyHours(sunday('01:00', '04:00'), 'Europe/Madrid', range('2026-10-25T00:00:00Z', '2026-10-25T12:00:00Z'));
  assert.deepEqual(iso(night), [['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]);
  // And 01:00–04:00 on the spring night lasts two (02:00–03:00 does not exist).
  const spring = expandWeeklyHours(sunday('01:00', '04:00'), 'Europe/Madrid', range('2026-03-29T00:00:00Z', '2026-03-29T12:00:00Z'));
  assert.deepEqual(iso(spring), [['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
});

test('a provider in New York, seen from the Madrid clinic, follows New York’s clock changes (2026-03-08)', () => {
  const provider = {
    timeZone: 'America/New_York',
    weeklyHours: { mon: [{ open: '09:00', close: '13:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    exceptions: [],
  };
  const out = expandWorkingHours(provider, clinic, range('2026-03-01T00:00:00Z', '2026-04-07T00:00:00Z'));
  assert.deepEqual(iso(out), [
    ['2026-03-02T14:00:00.000Z', '2026-03-02T18:00:00.000Z'], // EST; Madrid 15:00–19:00 CET
    ['2026-03-09T13:00:00.000Z', '2026-03-09T17:00:00.000Z'], // EDT; Madrid 14:00–18:00 CET (three weeks when the gap is 5 h)
    ['2026-03-16T13:00:00.000Z', '2026-03-16T17:00:00.000Z'],
    ['2026-03-23T13:00:00.000Z', '2026-03-23T17:00:00.000Z'],
    ['2026-03-30T13:00:00.000Z', '2026-03-30T17:00:00.000Z'], // Madrid on CEST again: 15:00–19:00
    ['2026-04-06T13:00:00.000Z', '2026-04-06T17:00:00.000Z'],
  ]);
});

test('without weeklyHours a provider works the clinic’s opening hours, in the clinic’s zone, minus clinic holidays', () => {
  const provider = { timeZone: 'America/New_York', exceptions: [] };
  // Monday 2026-03-30 (CEST, the day after the change) and Tuesday 2026-03-31 (a clinic holiday).
  const out = expandWorkingHours(provider, clinic, range('2026-03-29T22:00:00Z', '2026-03-31T22:00:00Z'));
  assert.deepEqual(iso(out), [['2026-03-30T06:00:00.000Z', '2026-03-30T12:00:00.000Z']]);
});

test('a clinic holiday closes the whole Madrid day, also for a provider in another zone', () => {
  const provider = {
    timeZone: 'America/New_York',
    weeklyHours: { mon: [], tue: [{ open: '08:00', close: '20:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] },
    exceptions: [],
  };
  // Tuesday 2026-03-31 08:00–20:00 EDT is 12:00Z–00:00Z; the Madrid holiday ends at 22:00Z (midnight CEST).
  const out = expandWorkingHours(provider, clinic, range('2026-03-31T00:00:00Z', '2026-04-01T12:00:00Z'));
  assert.deepEqual(iso(out), [['2026-03-31T22:00:00.000Z', '2026-04-01T00:00:00.000Z']]);
});

test('leave (whole days, to included; or times) removes hours; extra hours add them, even on closed days', () => {
  const provider = {
    exceptions: [
      { kind: 'leave' as const, from: '2026-03-23', to: '2026-03-24', note: 'Congress' },
      { kind: 'leave' as const, from: '2026-03-26T10:00', to: '2026-03-26T12:30' },
      { kind: 'extra' as const, from: '2026-03-29T02:30', to: '2026-03-29T06:00', note: 'Night clinic across the change' },
      { kind: 'extra' as const, from: '2026-03-27T14:00', to: '2026-03-27T16:00' },
    ],
  };
  const out = expandWorkingHours(provider, clinic, range('2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z'));
  assert.deepEqual(iso(out), [
    // Mon 23 and Tue 24: leave. Wed 25: normal.
    ['2026-03-25T07:00:00.000Z', '2026-03-25T13:00:00.000Z'],
    // Thu 26: 08:00–10:00 and 12:30–14:00.
    ['2026-03-26T07:00:00.000Z', '2026-03-26T09:00:00.000Z'],
    ['2026-03-26T11:30:00.000Z', '2026-03-26T13:00:00.000Z'],
    // Fri 27: 08:00–14:00 plus 14:00–16:00 extra, merged.
    ['2026-03-27T07:00:00.000Z', '2026-03-27T15:00:00.000Z'],
    // Sun 29: 02:30 does not exist → 03:30 CEST; until 06:00 CEST.
    ['2026-03-29T01:30:00.000Z', '2026-03-29T04:00:00.000Z'],
  ]);
});

test('leave and holidays win over extra hours', () => {
  const provider = {
    exceptions: [
      { kind: 'extra' as const, from: '2026-03-31T16:00', to: '2026-03-31T18:00' }, // on the clinic holiday
      { kind: 'extra' as const, from: '2026-03-28T09:00', to: '2026-03-28T13:00' }, // Saturday
      { kind: 'leave' as const, from: '2026-03-28T11:00', to: '2026-03-28T12:00' },
    ],
  };
  const out = expandWorkingHours(provider, clinic, range('2026-03-27T23:00:00Z', '2026-03-31T22:00:00Z'));
  assert.deepEqual(iso(out), [
    ['2026-03-28T08:00:00.000Z', '2026-03-28T10:00:00.000Z'],
    ['2026-03-28T11:00:00.000Z', '2026-03-28T12:00:00.000Z'],
    ['2026-03-30T06:00:00.000Z', '2026-03-30T12:00:00.000Z'], // Monday after the change: CEST
  ]);
});

test('withinOpeningHours keeps weekly hours inside the clinic’s, but not extra hours', () => {
  const provider = {
    weeklyHours: { mon: [{ open: '07:00', close: '15:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    exceptions: [{ kind: 'extra' as const, from: '2026-03-30T18:00', to: '2026-03-30T19:00' }],
  };
  const r = range('2026-03-22T23:00:00Z', '2026-03-30T22:00:00Z');
  assert.deepEqual(iso(expandWorkingHours(provider, clinic, r, { withinOpeningHours: true })), [
    ['2026-03-23T07:00:00.000Z', '2026-03-23T13:00:00.000Z'], // 08:00–14:00 CET
    ['2026-03-30T06:00:00.000Z', '2026-03-30T12:00:00.000Z'], // 08:00–14:00 CEST
    ['2026-03-30T16:00:00.000Z', '2026-03-30T17:00:00.000Z'],
  ]);
  assert.deepEqual(iso(expandWorkingHours(provider, clinic, r)), [
    ['2026-03-23T06:00:00.000Z', '2026-03-23T14:00:00.000Z'],
    ['2026-03-30T05:00:00.000Z', '2026-03-30T13:00:00.000Z'],
    ['2026-03-30T16:00:00.000Z', '2026-03-30T17:00:00.000Z'],
  ]);
});

test('whole working blocks of every local day that touches the range; an empty range gives nothing', () => {
  // From Monday 2026-10-26 10:00 CET: Monday's block is returned whole, from 08:00.
  const out = expandWorkingHours({ exceptions: [] }, clinic, range('2026-10-26T09:00:00Z', '2026-10-26T09:30:00Z'));
  assert.deepEqual(iso(out), [['2026-10-26T07:00:00.000Z', '2026-10-26T13:00:00.000Z']]);
  assert.deepEqual(expandWorkingHours({ exceptions: [] }, clinic, range('2026-10-26T09:00:00Z', '2026-10-26T09:00:00Z')), []);
  assert.deepEqual(expandWeeklyHours(sunday('08:00', '12:00'), 'Europe/Madrid', range('2026-10-26T00:00:00Z', '2026-10-31T00:00:00Z')), []);
});
