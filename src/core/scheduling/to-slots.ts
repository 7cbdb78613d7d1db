/**
 * Open intervals − busy intervals → bookable slots, as interval arithmetic on UTC instants.
 * Pure: the caller passes `now`.
 */
import { type Interval, normalizeIntervals, subtractIntervals } from './interval.ts';
import { offsetAt } from './offset-at.ts';
import { toInstant, toWallTime } from './to-instant.ts';

const minuteMs = 60_000;
const dayMs = 86_400_000;

export interface SlotOptions {
  readonly now: Date;
  readonly durationMinutes: number;
  /** Kept free after the new appointment, before the next busy interval starts. */
  readonly bufferMinutes: number;
  /** Earliest start: now + this. */
  readonly minNoticeMinutes: number;
  /** Starts must be before now + this many calendar days (wall clock in `zone`). */
  readonly horizonDays: number;
  /** Distance between start times, counted on the wall clock from each open interval's start. */
  readonly stepMinutes: number;
  /** The zone of the wall-clock grid and of the horizon's days: the provider's. */
  readonly zone: string;
  /** Optionally, only starts inside this interval (the days the patient is looking at). */
  readonly within?: Interval;
}

export interface Slot {
  readonly start: Date;
  readonly end: Date;
}

/**
 * Slots of `durationMinutes` that fit entirely inside one `open` interval, start on the step
 * grid, at or after now + minimum notice and before the horizon, and do not collide with `busy`.
 *
 * - `open`: working intervals, whole (each one anchors a grid: an interval starting 08:00 with
 *   a 20-minute step offers 08:00, 08:20, 08:40, … on the wall clock of `zone`, also across a
 *   daylight-saving change; clipping an interval would move its grid).
 * - `busy`: appointments and active holds as [start, end + that appointment's own buffer)
 *   (see `toBusyInterval`); overlapping or touching intervals are fine. Each is widened at its
 *   start by `bufferMinutes`, so the new appointment's buffer fits before it. The buffer may
 *   run past the end of an open interval (notes after the last patient).
 */
export function toSlots(open: readonly Interval[], busy: readonly Interval[], options: SlotOptions): Slot[] {
  const duration = options.durationMinutes * minuteMs;
  return toSlotStarts(open, busy, options).map((start) => ({ start: new Date(start), end: new Date(start + duration) }));
}

/** `toSlots` as start instants (epoch ms), ascending: for callers that merge many providers. */
export function toSlotStarts(open: readonly Interval[], busy: readonly Interval[], options: SlotOptions): number[] {
  const { zone } = options;
  const duration = options.durationMinutes * minuteMs;
  const buffer = options.bufferMinutes * minuteMs;
  const step = options.stepMinutes * minuteMs;
  if (!(duration > 0) || !(step > 0)) return [];
  const now = options.now.getTime();
  const horizon = toInstant(zone, toWallTime(zone, now) + options.horizonDays * dayMs);
  const lo = Math.max(now + options.minNoticeMinutes * minuteMs, options.within?.start ?? Number.NEGATIVE_INFINITY);
  const hi = Math.min(horizon, options.within?.end ?? Number.POSITIVE_INFINITY);
  if (lo >= hi) return [];

  const blocks = normalizeIntervals(open).filter((b) => b.end > lo && b.start < hi);
  const blocked = busy.map((b) => ({ start: b.start - buffer, end: b.end }));
  const free = subtractIntervals(blocks, blocked);
  const out: number[] = [];
  let b = -1;
  let block: Interval = { start: Number.NEGATIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
  let steady = true;
  for (const f of free) {
    if (f.start >= block.end) {
      do b++;
      while ((blocks[b] as Interval).end <= f.start);
      block = blocks[b] as Interval;
      steady = offsetAt(zone, block.start) === offsetAt(zone, block.end);
    }
    const first = Math.max(f.start, lo);
    if (steady) {
      // No clock change inside the block: the wall-clock grid is a grid of instants.
      for (let s = block.start + Math.ceil((first - block.start) / step) * step; s < hi && s + duration <= f.end; s += step) out.push(s);
      continue;
    }
    // The block spans a clock change: step on the wall clock and convert every start.
    const anchor = toWallTime(zone, block.start);
    let last = Number.NEGATIVE_INFINITY;
    for (let k = Math.max(0, Math.floor((toWallTime(zone, first) - anchor) / step) - 1); ; k++) {
      const s = toInstant(zone, anchor + k * step);
      if (s < first || s <= last) continue; // before the range, or a skipped hour read twice
      if (s >= hi || s + duration > f.end) break;
      out.push(s);
      last = s;
    }
  }
  return out;
}
