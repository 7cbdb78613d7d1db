import { sql, type Kysely } from 'kysely';
import { appointmentStatuses, blocksTime } from '../../core/scheduling/appointment-status.ts';
import type { BusyTimeReader, BusyTimes } from '../../app/ports.ts';
import { appointmentsRepository } from './appointments-repository.ts';
import type { Database } from './schema.ts';

const dayMs = 86_400_000;
/** Services last at most 8 hours (as in the appointments repository). */
const MAX_DURATION_MS = 480 * 60_000;
const BLOCKING = sql.raw(`(${appointmentStatuses.filter(blocksTime).map((s) => `'${s}'`).join(', ')})`);

interface Span {
  serviceId: string;
  start: number;
  end: number;
}
interface HoldSpan extends Span {
  patientId: string;
  expiresAt: number;
}
interface Entry {
  version: string;
  from: number;
  to: number;
  appointments: Span[];
  holds: HoldSpan[];
}

export interface BusyTimeCache {
  /** Same answers as the appointments repository's `busyTimes`, from memory when it can. */
  busyTimes: BusyTimeReader;
  /** Practitioners answered from memory, and refetched. */
  stats(): { hits: number; misses: number };
}

/**
 * Busy time (active appointments and holds) per practitioner, kept in this process for the
 * read-only slot searches of the chat and the staff app (ADR 17). Every search first reads the
 * practitioners' versions (`busy_versions`, bumped by triggers in the same transaction as any
 * change to their appointments or holds, migration 0019) and refetches only the practitioners
 * whose version moved or whose cached window does not cover the search: a search sees every
 * committed change, from any process. Holds expire by time, so they are filtered on every read.
 * Bookings never use this: they check the slot under the practitioner's lock, and the database's
 * exclusion constraints stay the last word.
 */
export function createBusyTimeCache(db: Kysely<Database>): BusyTimeCache {
  const entries = new Map<string, Entry>();
  const counters = { hits: 0, misses: 0 };

  async function load(practitionerIds: string[], versions: Map<string, string>, from: number, to: number): Promise<void> {
    const fromDate = new Date(from);
    const toDate = new Date(to);
    // One row per practitioner and service, "start,end,…" in ms after `base` (cheap to build and parse).
    const base = Math.floor(from / 1000) - MAX_DURATION_MS / 1000;
    const appointmentRows = await db
      .selectFrom('appointments')
      .select([
        'practitioner_id',
        'service_id',
        sql<string>`string_agg(round((date_part('epoch', start_at) - ${base}) * 1000)::int8::text || ',' || round((date_part('epoch', end_at) - ${base}) * 1000)::int8::text, ',')`.as('spans'),
      ])
      .where('practitioner_id', 'in', practitionerIds)
      .where(sql<boolean>`status IN ${BLOCKING}`)
      .where('start_at', '<', toDate)
      .where('start_at', '>', new Date(from - MAX_DURATION_MS))
      .where('end_at', '>', fromDate)
      .groupBy(['practitioner_id', 'service_id'])
      .execute();
    const holdRows = await db
      .selectFrom('slot_holds')
      .select(['practitioner_id', 'service_id', 'patient_id', 'start_at', 'end_at', 'expires_at'])
      .where('practitioner_id', 'in', practitionerIds)
      // Expired ones too (they are cleared later): each read compares expiry with its own `now`.
      .where(sql<boolean>`tstzrange(start_at, end_at) && tstzrange(${fromDate}::timestamptz, ${toDate}::timestamptz)`)
      .execute();
    // Kept under the version read before: a change that committed meanwhile only costs a refetch next time.
    const fresh = new Map<string, Entry>();
    for (const id of practitionerIds) fresh.set(id, { version: versions.get(id) ?? '0', from, to, appointments: [], holds: [] });
    const baseMs = base * 1000;
    for (const row of appointmentRows) {
      const entry = fresh.get(row.practitioner_id);
      if (entry === undefined) continue;
      const numbers = row.spans.split(',');
      for (let i = 0; i + 1 < numbers.length; i += 2) entry.appointments.push({ serviceId: row.service_id, start: baseMs + Number(numbers[i]), end: baseMs + Number(numbers[i + 1]) });
    }
    for (const row of holdRows) {
      fresh.get(row.practitioner_id)?.holds.push({ serviceId: row.service_id, patientId: row.patient_id, start: row.start_at.getTime(), end: row.end_at.getTime(), expiresAt: row.expires_at.getTime() });
    }
    for (const [id, entry] of fresh) entries.set(id, entry);
  }

  function answer(practitionerIds: readonly string[], from: number, to: number, now: number, ignoreHoldsOf: string | undefined, source: Map<string, Entry>): BusyTimes[] {
    const groups = new Map<string, BusyTimes>();
    const add = (practitionerId: string, span: Span) => {
      const key = `${practitionerId}\u0000${span.serviceId}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { practitionerId, serviceId: span.serviceId, intervals: [] };
        groups.set(key, group);
      }
      group.intervals.push({ start: span.start, end: span.end });
    };
    for (const id of practitionerIds) {
      const entry = source.get(id);
      if (entry === undefined) continue;
      for (const span of entry.appointments) if (span.start < to && span.end > from) add(id, span);
      for (const hold of entry.holds) {
        if (hold.expiresAt > now && hold.patientId !== ignoreHoldsOf && hold.start < to && hold.end > from) add(id, hold);
      }
    }
    return [...groups.values()];
  }

  return {
    async busyTimes(practitionerIds, window, readOptions) {
      // The appointment being moved is left out by the database read (moves are rare).
      if (readOptions.ignoreAppointmentId !== undefined || practitionerIds.length === 0) return appointmentsRepository(db).busyTimes(practitionerIds, window, readOptions);
      const from = window.from.getTime();
      const to = window.to.getTime();
      const rows = await db.selectFrom('busy_versions').select(['practitioner_id', 'version']).where('practitioner_id', 'in', [...practitionerIds]).execute();
      const versions = new Map(rows.map((row) => [row.practitioner_id, String(row.version)]));
      const stale = practitionerIds.filter((id) => {
        const entry = entries.get(id);
        return entry === undefined || entry.version !== (versions.get(id) ?? '0') || entry.from > from || entry.to < to;
      });
      counters.hits += practitionerIds.length - stale.length;
      counters.misses += stale.length;
      if (stale.length > 0) {
        // A day more than asked, so the searches of the next hours find it covered.
        await load(stale, versions, from, to + dayMs);
      }
      const snapshot = new Map<string, Entry>();
      for (const id of practitionerIds) {
        const entry = entries.get(id);
        if (entry !== undefined) snapshot.set(id, entry);
      }
      return answer(practitionerIds, from, to, readOptions.now.getTime(), readOptions.ignoreHoldsOf, snapshot);
    },
    stats: () => ({ ...counters }),
  };
}

/** The database read the cache stands in for (same rows as the appointments repository). */
function uncached(db: Kysely<Database>, practitionerIds: readonly string[], window: { from: Date; to: Date }, readOptions: Parameters<BusyTimeReader>[2]): Promise<BusyTimes[]> {
  return appointmentsRepository(db).busyTimes(practitionerIds, window, readOptions);
}
