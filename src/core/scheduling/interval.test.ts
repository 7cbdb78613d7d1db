import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Interval, intersectIntervals, normalizeIntervals, subtractIntervals, unionIntervals } from './interval.ts';

const t = (iso: string): number => Date.parse(iso);
const iv = (start: string, end: string): Interval => ({ start: t(start), end: t(end) });
const show = (list: Interval[]): string[] => list.map((i) => `${new Date(i.start).toISOString().slice(11, 16)}–${new Date(i.end).toISOString().slice(11, 16)}`);

// Madrid falls back on 2026-10-25 at 01:00 UTC (03:00 CEST → 02:00 CET): the arithmetic is on
// instants, so the repeated local hour is just one more UTC hour.
const day = '2026-10-25T';

test('normalize sorts, drops empty intervals, merges overlapping and touching ones', () => {
  const out = normalizeIntervals([
    iv(`${day}03:00Z`, `${day}04:00Z`),
    iv(`${day}00:00Z`, `${day}01:00Z`),
    iv(`${day}01:00Z`, `${day}02:00Z`), // touches the previous one, across the clock change
    iv(`${day}05:00Z`, `${day}05:00Z`), // empty
    iv(`${day}06:00Z`, `${day}05:00Z`), // inverted
    iv(`${day}03:30Z`, `${day}03:45Z`), // inside another
  ]);
  assert.deepEqual(show(out), ['00:00–02:00', '03:00–04:00']);
  assert.deepEqual(normalizeIntervals([]), []);
});

test('subtract cuts holes, trims edges, removes covered intervals and keeps the rest', () => {
  const open = [iv(`${day}00:00Z`, `${day}04:00Z`), iv(`${day}06:00Z`, `${day}08:00Z`), iv(`${day}09:00Z`, `${day}10:00Z`)];
  const busy = [
    iv(`${day}00:30Z`, `${day}01:00Z`),
    iv(`${day}00:45Z`, `${day}01:30Z`), // overlaps the previous busy interval
    iv(`${day}03:30Z`, `${day}06:30Z`), // spans the gap between two open intervals
    iv(`${day}08:59Z`, `${day}10:01Z`), // covers the last one entirely
  ];
  assert.deepEqual(show(subtractIntervals(open, busy)), ['00:00–00:30', '01:30–03:30', '06:30–08:00']);
  assert.deepEqual(show(subtractIntervals(open, [])), ['00:00–04:00', '06:00–08:00', '09:00–10:00']);
  assert.deepEqual(subtractIntervals([], busy), []);
  // Touching is not overlapping: a busy interval ending where an open one starts removes nothing.
  assert.deepEqual(show(subtractIntervals([iv(`${day}01:00Z`, `${day}02:00Z`)], [iv(`${day}00:00Z`, `${day}01:00Z`), iv(`${day}02:00Z`, `${day}03:00Z`)])), ['01:00–02:00']);
});

test('intersect keeps what both have; union merges', () => {
  const a = [iv(`${day}00:00Z`, `${day}02:00Z`), iv(`${day}04:00Z`, `${day}08:00Z`)];
  const b = [iv(`${day}01:00Z`, `${day}05:00Z`), iv(`${day}07:00Z`, `${day}07:30Z`), iv(`${day}08:00Z`, `${day}09:00Z`)];
  assert.deepEqual(show(intersectIntervals(a, b)), ['01:00–02:00', '04:00–05:00', '07:00–07:30']);
  assert.deepEqual(show(intersectIntervals(b, a)), ['01:00–02:00', '04:00–05:00', '07:00–07:30']);
  assert.deepEqual(intersectIntervals(a, []), []);
  assert.deepEqual(show(unionIntervals(a, b)), ['00:00–09:00']);
});

test('agrees with minute-by-minute sets on random inputs', () => {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const minutes = (list: Interval[]): Set<number> => {
    const set = new Set<number>();
    for (const i of list) for (let m = i.start; m < i.end; m++) set.add(m);
    return set;
  };
  const randomList = (): Interval[] =>
    Array.from({ length: random(6) }, () => {
      const start = random(100);
      return { start, end: start + random(30) };
    });
  for (let round = 0; round < 300; round++) {
    const a = randomList();
    const b = randomList();
    const [ma, mb] = [minutes(a), minutes(b)];
    assert.deepEqual(minutes(subtractIntervals(a, b)), new Set([...ma].filter((m) => !mb.has(m))));
    assert.deepEqual(minutes(intersectIntervals(a, b)), new Set([...ma].filter((m) => mb.has(m))));
    assert.deepEqual(minutes(unionIntervals(a, b)), new Set([...ma, ...mb]));
    for (const out of [subtractIntervals(a, b), intersectIntervals(a, b), unionIntervals(a, b)]) {
      out.forEach((i, k) => {
        assert.ok(i.end > i.start);
        if (k > 0) assert.ok(i.start > (out[k - 1] as Interval).end, 'sorted, apart');
      });
    }
  }
});
