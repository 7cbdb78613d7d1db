import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupByLocalDay } from './group-by-local-day.ts';

test('groups by the local date in the given zone, days ascending, across the autumn change', () => {
  const slots = [
    { start: new Date('2026-10-25T22:30:00Z'), id: 'c' }, // 23:30 CET on Sunday 10-25
    { start: new Date('2026-10-24T22:30:00Z'), id: 'a' }, // 00:30 CEST on Sunday 10-25
    { start: new Date('2026-10-25T23:00:00Z'), id: 'd' }, // 00:00 CET on Monday 10-26
    { start: new Date('2026-10-25T01:30:00Z'), id: 'b' }, // the second 02:30 (CET) on Sunday 10-25
  ];
  const days = groupByLocalDay(slots, 'Europe/Madrid');
  assert.deepEqual(days.map((d) => [d.date, d.slots.map((s) => s.id)]), [
    ['2026-10-25', ['c', 'a', 'b']],
    ['2026-10-26', ['d']],
  ]);
  // The same instants in New York (EDT, UTC−4, until 2026-11-01).
  assert.deepEqual(groupByLocalDay(slots, 'America/New_York').map((d) => [d.date, d.slots.map((s) => s.id)]), [
    ['2026-10-24', ['a', 'b']],
    ['2026-10-25', ['c', 'd']],
  ]);
  assert.deepEqual(groupByLocalDay([], 'Europe/Madrid'), []);
});
