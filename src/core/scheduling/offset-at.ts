/**
 * UTC offsets of IANA zones, from luxon, remembered per UTC day. Luxon asks Intl for every
 * offset (several microseconds each); a slot search needs thousands, so each zone's offset is
 * looked up once per UTC day, and on a day whose offset changes the change is located to the
 * second. Assumes at most one offset change per zone per UTC day (true of every zone in use).
 * The memo only ever holds what luxon answered, so results do not depend on call order.
 */
import { IANAZone } from 'luxon';
import { DomainError } from '../domain-error.ts';

const dayMs = 86_400_000;
/** Entries kept before the memo is emptied (about 270 zone-years). */
const maxEntries = 100_000;

interface DayOffsets {
  /** Offset (minutes) from the start of the UTC day … */
  readonly before: number;
  /** … until this instant (Infinity when the offset does not change that day) … */
  readonly change: number;
  /** … and from then on. */
  readonly after: number;
}

const zones = new Map<string, { zone: IANAZone; days: Map<number, DayOffsets> }>();
let entries = 0;

/** The zone's offset from UTC in minutes at `instant` (epoch ms): Europe/Madrid in July → 120. */
export function offsetAt(zone: string, instant: number): number {
  let memo = zones.get(zone);
  if (memo === undefined) {
    const iana = IANAZone.create(zone);
    if (!iana.isValid) throw new DomainError('invalid_input', `unknown time zone "${zone}"`, { zone });
    memo = { zone: iana, days: new Map() };
    zones.set(zone, memo);
  }
  const day = Math.floor(instant / dayMs);
  let offsets = memo.days.get(day);
  if (offsets === undefined) {
    if (entries >= maxEntries) {
      for (const z of zones.values()) z.days.clear();
      entries = 0;
    }
    offsets = offsetsOfDay(memo.zone, day);
    memo.days.set(day, offsets);
    entries++;
  }
  return instant < offsets.change ? offsets.before : offsets.after;
}

function offsetsOfDay(zone: IANAZone, day: number): DayOffsets {
  const start = day * dayMs;
  const before = zone.offset(start);
  const after = zone.offset(start + dayMs);
  if (before === after) return { before, change: Number.POSITIVE_INFINITY, after };
  // Smallest whole second of the day at which the offset is no longer `before`.
  let lo = 0;
  let hi = dayMs / 1000;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(start + mid * 1000) === before) lo = mid + 1;
    else hi = mid;
  }
  return { before, change: start + lo * 1000, after };
}
