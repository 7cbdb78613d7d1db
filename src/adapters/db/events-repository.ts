import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Cipher, IncomingEvent, Repositories } from '../../app/ports.ts';
import type { Database } from './schema.ts';

export function eventsRepository(db: Kysely<Database>, cipher: Cipher): Repositories['events'] {
  return {
    async insertNew(events, receivedAt) {
      // One dedupe key may repeat inside a single batch too (Meta sends duplicates together).
      const unique = new Map<string, IncomingEvent>();
      for (const event of events) if (!unique.has(event.dedupeKey)) unique.set(event.dedupeKey, event);
      const rows = [...unique.values()].map((event) => ({
        dedupe_key: event.dedupeKey.length > 300 ? `sha256:${createHash('sha256').update(event.dedupeKey).digest('hex')}` : event.dedupeKey,
        kind: event.kind,
        phone_number_id: event.phoneNumberId ?? null,
        payload_enc: cipher.encrypt(JSON.stringify(event.raw ?? null)),
        state: stateFor(event.kind),
        // A keyed hash, never the number: enough to keep one sender's messages in order (ADR 15).
        sender_hash: event.kind === 'message' && event.senderKey !== undefined ? cipher.blindIndex('event_sender', event.senderKey) : null,
        reason: event.kind === 'quarantined' ? (event.quarantineReason ?? 'malformed') : event.kind === 'other' ? `not processed: field ${event.field ?? 'unknown'}` : null,
        received_at: receivedAt,
      }));
      if (rows.length === 0) return [];
      const inserted = await db
        .insertInto('inbound_events')
        .values(rows)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning(['id', 'kind', 'dedupe_key'])
        .execute();
      return inserted.map((row) => ({ id: row.id, kind: row.kind as IncomingEvent['kind'], dedupeKey: row.dedupe_key }));
    },

    async find(id) {
      const row = await db.selectFrom('inbound_events').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        id: row.id,
        kind: row.kind as IncomingEvent['kind'],
        state: row.state,
        attempts: row.attempts,
        raw: JSON.parse(cipher.decrypt(row.payload_enc)) as unknown,
      };
    },

    async lockSenderBacklog(id) {
      // The sender's pending messages up to this one, oldest first, locked in that order: a
      // transaction recording a later message waits for one recording an earlier message.
      const rows = await db
        .selectFrom('inbound_events')
        .selectAll()
        .where('state', '=', 'pending')
        .where('kind', '=', 'message')
        .where('sender_hash', '=', (eb) => eb.selectFrom('inbound_events as own').select('own.sender_hash').where('own.id', '=', id))
        .where('id', '<=', id)
        .orderBy('id')
        .forUpdate()
        .execute();
      return rows.map((row) => ({ id: row.id, kind: 'message' as const, state: row.state, attempts: row.attempts, raw: JSON.parse(cipher.decrypt(row.payload_enc)) as unknown }));
    },

    async markDone(id, state, at, reason) {
      await db
        .updateTable('inbound_events')
        .set({ state, processed_at: at, reason: reason ?? null })
        .where('id', '=', id)
        .execute();
    },

    async lockPendingStatuses(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('inbound_events')
        .selectAll()
        .where('id', 'in', [...ids])
        .where('state', '=', 'pending')
        .where('kind', '=', 'status')
        .orderBy('id')
        .forUpdate()
        .skipLocked()
        .execute();
      return rows.map((row) => ({ id: row.id, kind: 'status' as const, state: row.state, attempts: row.attempts, raw: JSON.parse(cipher.decrypt(row.payload_enc)) as unknown }));
    },

    async markManyDone(ids, state, at, reason) {
      if (ids.length === 0) return;
      await db
        .updateTable('inbound_events')
        .set({ state, processed_at: at, reason: reason ?? null })
        .where('id', 'in', [...ids])
        .execute();
    },

    async findStalled(receivedBefore, limit) {
      const rows = await db
        .selectFrom('inbound_events')
        .select('id')
        .where('state', '=', 'pending')
        .where('kind', 'in', ['message', 'status'])
        .where('received_at', '<', receivedBefore)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async findPatientOfMessageEvent(id) {
      const row = await db
        .selectFrom('inbound_events as e')
        .innerJoin('communications as c', (join) => join.on(sql<boolean>`c.provider_message_id = substr(e.dedupe_key, 5)`))
        .select('c.patient_id')
        .where('e.id', '=', id)
        .where('e.kind', '=', 'message')
        .executeTakeFirst();
      return row?.patient_id;
    },

    async countAttempt(id) {
      const row = await db
        .updateTable('inbound_events')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .returning('attempts')
        .executeTakeFirstOrThrow();
      return row.attempts;
    },
  };
}

function stateFor(kind: IncomingEvent['kind']): 'pending' | 'quarantined' | 'ignored' {
  if (kind === 'quarantined') return 'quarantined';
  if (kind === 'other') return 'ignored';
  return 'pending';
}
