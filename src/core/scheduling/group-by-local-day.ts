import { toWallTime } from './to-instant.ts';

const dayMs = 86_400_000;

/**
 * Slots grouped by their local date in `zone` (the clinic's, for the chat's "next days with
 * room"), days ascending, slots in their given order within a day.
 */
export function groupByLocalDay<T extends { readonly start: Date }>(slots: readonly T[], zone: string): Array<{ date: string; slots: T[] }> {
  const byDay = new Map<number, T[]>();
  for (const slot of slots) {
    const day = Math.floor(toWallTime(zone, slot.start.getTime()) / dayMs);
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, [slot]);
    else list.push(slot);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, list]) => ({ date: new Date(day * dayMs).toISOString().slice(0, 10), slots: list }));
}
