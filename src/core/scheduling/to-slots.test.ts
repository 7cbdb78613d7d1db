import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Interval } from './interval.ts';
import { toBusyInterval } from './to-busy-interval.ts';
import { type SlotOptions, toSlots } from './to-slots.ts';

const t = (iso: string): number => Date.parse(iso);
const iv = (start: string, end: string): Interval => ({ start: t(start), end: t(end) });
/** Slot starts as Madrid wall-clock "MM-DD HH:MM". */
const madrid = (slots: Array<{ start: Date }>): string[] =>
  slots.map((s) => s.start.toLocaleString('sv-SE', { timeZone: 'Europe/Madrid' }).slice(5, 16));

const base: SlotOptions = {
  now: new Date('2026-03-20T00:00:00Z'),
  durationMinutes: 20,
  bufferMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 30,
  stepMinutes: 20,
  zone: 'Europe/Madrid',
};

// Friday 2026-03-27 (CET, UTC+1) and Monday 2026-03-30 (CEST, UTC+2), both 08:00–10:00 local.
const friday = iv('2026-03-27T07:00:00Z', '2026-03-27T09:00:00Z');
const monday = iv('2026-03-30T06:00:00Z', '2026-03-30T08:00:00Z');

test('a 20-minute grid from 08:00 on the wall clock, before and after the spring change', () => {
  const slots = toSlots([friday, monday], [], base);
  assert.deepEqual(madrid(slots), [
    '03-27 08:00', '03-27 08:20', '03-27 08:40', '03-27 09:00', '03-27 09:20', '03-27 09:40',
    '03-30 08:00', '03-30 08:20', '03-30 08:40', '03-30 09:00', '03-30 09:20', '03-30 09:40',
  ]);
  assert.equal(slots[0]?.end.toISOString(), '2026-03-27T07:20:00.000Z');
  assert.equal(slots[6]?.start.toISOString(), '2026-03-30T06:00:00.000Z');
});

test('appointments, holds and their buffers: touching and overlapping busy intervals are fine', () => {
  const busy = [
    // 08:20–08:40 with a 10-minute buffer of its own; a hold 08:40–09:00 touches it; an
    // appointment overlapping both.
    toBusyInterval({ start: new Date('2026-03-30T06:20:00Z'), end: new Date('2026-03-30T06:40:00Z') }, 10),
    iv('2026-03-30T06:40:00Z', '2026-03-30T07:00:00Z'),
    iv('2026-03-30T06:45:00Z', '2026-03-30T06:55:00Z'),
  ];
  assert.deepEqual(madrid(toSlots([monday], busy, base)), ['03-30 08:00', '03-30 09:00', '03-30 09:20', '03-30 09:40']);
  // With a 5-minute buffer of the new service, 08:00–08:20 would end 5 minutes before the next
  // appointment needs the room: no longer offered. The last slot may keep its buffer after closing.
  assert.deepEqual(madrid(toSlots([monday], busy, { ...base, bufferMinutes: 5 })), ['03-30 09:00', '03-30 09:20', '03-30 09:40']);
});

test('the grid stays on the wall clock after an appointment ending at an odd time', () => {
  const busy = [iv('2026-03-27T07:00:00Z', '2026-03-27T07:07:00Z')]; // 08:00–08:07 CET
  assert.deepEqual(madrid(toSlots([friday], busy, base)).slice(0, 2), ['03-27 08:20', '03-27 08:40']);
  // A step shorter than the duration gives overlapping choices; a block starting 08:10 anchors its own grid.
  const odd = iv('2026-03-30T06:10:00Z', '2026-03-30T07:00:00Z'); // 08:10–09:00 CEST
  assert.deepEqual(madrid(toSlots([odd], [], { ...base, stepMinutes: 15 })), ['03-30 08:10', '03-30 08:25', '03-30 08:40']);
});

test('minimum notice cuts today’s early slots; starts stay on the grid', () => {
  // Now: Monday 2026-03-30 06:35 CEST (04:35 UTC), the day after the change; 2 hours' notice → 08:35.
  const slots = toSlots([friday, monday], [], { ...base, now: new Date('2026-03-30T04:35:00Z'), minNoticeMinutes: 120 });
  assert.deepEqual(madrid(slots), ['03-30 08:40', '03-30 09:00', '03-30 09:20', '03-30 09:40']);
});

test('the horizon counts calendar days on the wall clock, across the change', () => {
  const sunday = iv('2026-03-29T06:00:00Z', '2026-03-29T10:00:00Z'); // 08:00–12:00 CEST
  // Now: Friday 2026-03-27 10:00 CET. Two days later on the wall clock is Sunday 10:00 CEST,
  // only 47 real hours later.
  const slots = toSlots([friday, sunday], [], { ...base, now: new Date('2026-03-27T09:00:00Z'), horizonDays: 2 });
  assert.deepEqual(madrid(slots), ['03-29 08:00', '03-29 08:20', '03-29 08:40', '03-29 09:00', '03-29 09:20', '03-29 09:40']);
});

test('a block that spans the change steps on the wall clock (spring: no 02:xx; autumn: the first 02:xx)', () => {
  const spring = iv('2026-03-29T00:00:00Z', '2026-03-29T03:00:00Z'); // 01:00 CET – 05:00 CEST
  assert.deepEqual(madrid(toSlots([spring], [], { ...base, durationMinutes: 30, stepMinutes: 30 })), [
    '03-29 01:00', '03-29 01:30', '03-29 03:00', '03-29 03:30', '03-29 04:00', '03-29 04:30',
  ]);
  const autumn = iv('2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z'); // 01:00 CEST – 04:00 CET
  const slots = toSlots([autumn], [], { ...base, now: new Date('2026-10-20T00:00:00Z'), durationMinutes: 60, stepMinutes: 60 });
  assert.deepEqual(
    slots.map((s) => s.start.toISOString()),
    ['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z'], // 01:00, 02:00 CEST, 03:00 CET
  );
});

test('slots must fit entirely; `within` limits starts; empty inputs give nothing', () => {
  const short = iv('2026-03-27T07:00:00Z', '2026-03-27T07:30:00Z');
  assert.deepEqual(madrid(toSlots([short], [], base)), ['03-27 08:00']);
  assert.deepEqual(toSlots([short], [], { ...base, durationMinutes: 45 }), []);
  assert.deepEqual(toSlots([], [iv('2026-03-27T07:00:00Z', '2026-03-27T08:00:00Z')], base), []);
  assert.deepEqual(toSlots([friday, monday], [friday, monday], base), []);
  assert.deepEqual(madrid(toSlots([friday, monday], [], { ...base, within: iv('2026-03-30T00:00:00Z', '2026-03-30T06:30:00Z') })), ['03-30 08:00', '03-30 08:20']);
  assert.deepEqual(toSlots([friday], [], { ...base, now: new Date('2026-03-28T00:00:00Z') }), []);
});
