/**
 * Wall-clock time ↔ UTC instants in an IANA zone. A *wall time* is a local date and time written
 * as epoch milliseconds as if the zone were UTC: 2026-03-29 08:00 in Madrid is
 * `Date.UTC(2026, 2, 29, 8)`. Day arithmetic on wall times is exact (every wall day is 24 h);
 * only the conversion to an instant knows about daylight saving.
 */
import { offsetAt } from './offset-at.ts';

const hourMs = 3_600_000;

/**
 * The instant a wall time happens in `zone`, deterministically:
 * - a time that does not exist (the hour skipped in spring) moves forward by the gap:
 *   02:30 on 2026-03-29 in Madrid → 03:30 CEST;
 * - a time that happens twice (the hour repeated in autumn) means its first occurrence:
 *   02:30 on 2026-10-25 in Madrid → 02:30 CEST (00:30 UTC), not CET.
 * (Luxon's `DateTime.fromObject` resolves the repeated hour by the offset in force *today*, so
 * its answer would depend on the date the code runs; this does not.)
 */
export function toInstant(zone: string, wallTime: number): number {
  // Any instant for this wall time lies within 14 h of it; look at the offsets either side.
  const early = offsetAt(zone, wallTime - 14 * hourMs);
  const late = offsetAt(zone, wallTime + 14 * hourMs);
  const atEarly = wallTime - early * 60_000;
  if (early === late) return atEarly;
  const atLate = wallTime - late * 60_000;
  const earlyFits = offsetAt(zone, atEarly) === early;
  const lateFits = offsetAt(zone, atLate) === late;
  if (earlyFits && lateFits) return Math.min(atEarly, atLate);
  if (lateFits) return atLate;
  // Fits with the earlier offset, or does not exist: read it with the offset before the gap.
  return atEarly;
}

/** The wall time (see above) of `instant` in `zone`. */
export function toWallTime(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant) * 60_000;
}
