/**
 * Half-open time intervals [start, end) on UTC instants (epoch milliseconds): the unit of all
 * availability arithmetic. Every function accepts intervals in any order, overlapping or not,
 * and returns them normalized: sorted by start, non-empty, neither overlapping nor touching.
 * Sorting is O(n log n), and linear when the input is already sorted (V8's TimSort).
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Sorts, drops empty intervals and merges overlapping or touching ones. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  return isNormal(intervals) ? intervals.slice() : merge(intervals);
}

/** `normalizeIntervals` without the copy when the input is already normalized (the usual case). */
function normalized(intervals: readonly Interval[]): readonly Interval[] {
  return isNormal(intervals) ? intervals : merge(intervals);
}

function isNormal(intervals: readonly Interval[]): boolean {
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const i of intervals) {
    if (!(i.end > i.start) || !(i.start > previousEnd)) return false;
    previousEnd = i.end;
  }
  return true;
}

function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  let current: { start: number; end: number } | undefined;
  for (const i of sorted) {
    if (current !== undefined && i.start <= current.end) {
      if (i.end > current.end) current.end = i.end;
    } else {
      current = { start: i.start, end: i.end };
      out.push(current);
    }
  }
  return out;
}

/** Every instant in `a` or in `b`. */
export function unionIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return normalizeIntervals([...a, ...b]);
}

/** Every instant in `a` that is not in `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const from = normalized(a);
  const cut = normalized(b);
  const out: Interval[] = [];
  let j = 0;
  for (const i of from) {
    let start = i.start;
    while (j < cut.length && (cut[j] as Interval).end <= start) j++;
    let k = j;
    while (k < cut.length && (cut[k] as Interval).start < i.end) {
      const c = cut[k] as Interval;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      if (start >= i.end) break;
      k++;
    }
    if (start < i.end) out.push({ start, end: i.end });
  }
  return out;
}

/** Every instant in both `a` and `b`. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalized(a);
  const y = normalized(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const p = x[i] as Interval;
    const q = y[j] as Interval;
    const start = Math.max(p.start, q.start);
    const end = Math.min(p.end, q.end);
    if (start < end) out.push({ start, end });
    if (p.end < q.end) i++;
    else j++;
  }
  return out;
}
