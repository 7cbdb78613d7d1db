import { sql, type Kysely, type Selectable } from 'kysely';
import type { InboundContent, OutboundReply } from '../../core/messages.ts';
import { nextDeliveryStatus, type OutboundStatus } from '../../core/next-delivery-status.ts';
import type { Cipher, OutboundRecord, Repositories } from '../../app/ports.ts';
import type { CommunicationsTable, Database } from './schema.ts';
import { auditRowValues } from './audit-log.ts';

const statusColumn = {
  sent: 'sent_at',
  delivered: 'delivered_at',
  read: 'read_at',
  failed: 'failed_at',
} as const;

export function communicationsRepository(db: Kysely<Database>, cipher: Cipher): Repositories['communications'] {
  const toOutbound = (row: Selectable<CommunicationsTable>): OutboundRecord => ({
    id: row.id,
    patientId: row.patient_id,
    status: row.status as OutboundStatus,
    reply: JSON.parse(cipher.decrypt(row.content_enc)) as OutboundReply,
    attempts: row.attempts,
    providerMessageId: row.provider_message_id ?? undefined,
    businessInitiated: row.business_initiated,
  });

  return {
    async insertInbound({ patientId, message }) {
      const row = await db
        .insertInto('communications')
        .values({
          patient_id: patientId,
          direction: 'inbound',
          channel: message.channel,
          provider_message_id: message.providerMessageId,
          content_kind: message.content.kind,
          content_enc: cipher.encrypt(JSON.stringify(message.content)),
          status: 'received',
          sender: 'patient',
          reply_to_provider_id: message.replyToProviderMessageId ?? null,
          idempotency_key: null,
          error_code: null,
          error_title: null,
          error_reason: null,
          created_at: new Date(message.sentAt),
        })
        .onConflict((oc) => oc.column('provider_message_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row === undefined ? undefined : { id: row.id };
    },

    async insertOutbound({ patientId, reply, sender, idempotencyKey, businessInitiated, at }) {
      const row = await db
        .insertInto('communications')
        .values({
          patient_id: patientId,
          direction: 'outbound',
          provider_message_id: null,
          content_kind: reply.kind,
          content_enc: cipher.encrypt(JSON.stringify(reply)),
          status: 'queued',
          sender,
          reply_to_provider_id: null,
          idempotency_key: idempotencyKey ?? null,
          error_code: null,
          error_title: null,
          error_reason: null,
          business_initiated: businessInitiated === true,
          created_at: at,
          status_at: at,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row !== undefined) return { id: row.id, created: true };
      const existing = await db
        .selectFrom('communications')
        .select('id')
        .where('idempotency_key', '=', idempotencyKey ?? '')
        .executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    },

    async findOutbound(id) {
      const row = await db
        .selectFrom('communications')
        .selectAll()
        .where('id', '=', id)
        .where('direction', '=', 'outbound')
        .executeTakeFirst();
      return row === undefined ? undefined : toOutbound(row);
    },

    async claimOutbound(id, now, until) {
      const row = await db
        .updateTable('communications')
        .set({ send_claimed_until: until })
        .where('id', '=', id)
        .where('direction', '=', 'outbound')
        .where('status', '=', 'queued')
        .where((eb) => eb.or([eb('send_claimed_until', 'is', null), eb('send_claimed_until', '<=', now)]))
        .returningAll()
        // Asked in the same statement: most replies have no earlier one waiting.
        .returning((eb) =>
          eb
            .exists(
              eb
                .selectFrom('communications as earlier')
                .select('earlier.id')
                .whereRef('earlier.patient_id', '=', 'communications.patient_id')
                .where('earlier.direction', '=', 'outbound')
                .where('earlier.status', '=', 'queued')
                .whereRef('earlier.seq', '<', 'communications.seq'),
            )
            .as('earlier_queued'),
        )
        .executeTakeFirst();
      if (row !== undefined) return { message: toOutbound(row), earlierQueued: row.earlier_queued === true };
      const current = await db.selectFrom('communications').select('status').where('id', '=', id).executeTakeFirst();
      return { message: undefined, reason: current?.status === 'queued' ? 'claimed' : 'not_queued' };
    },

    async releaseClaim(id) {
      await db.updateTable('communications').set({ send_claimed_until: null }).where('id', '=', id).execute();
    },

    async unhandledInbound(patientId, limit) {
      const rows = await db
        .selectFrom('communications')
        .select(['id', 'provider_message_id', 'content_enc', 'created_at'])
        .where('patient_id', '=', patientId)
        .where('direction', '=', 'inbound')
        .where('handled_at', 'is', null)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        providerMessageId: row.provider_message_id ?? undefined,
        content: JSON.parse(cipher.decrypt(row.content_enc)) as InboundContent,
        sentAt: row.created_at,
      }));
    },

    async markHandled(id, at) {
      await db.updateTable('communications').set({ handled_at: at }).where('id', '=', id).execute();
    },

    async hasEarlierQueued(patientId, id) {
      const row = await db
        .selectFrom('communications as c')
        .select('c.id')
        .where('c.patient_id', '=', patientId)
        .where('c.direction', '=', 'outbound')
        .where('c.status', '=', 'queued')
        .where('c.seq', '<', (eb) => eb.selectFrom('communications').select('seq').where('id', '=', id))
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async findStalledReplies(createdBefore, now, limit) {
      const rows = await db
        .selectFrom('communications')
        .select('id')
        .where('direction', '=', 'outbound')
        .where('status', '=', 'queued')
        .where('sender', '=', 'bot')
        .where('created_at', '<', createdBefore)
        .where((eb) => eb.or([eb('send_claimed_until', 'is', null), eb('send_claimed_until', '<=', now)]))
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async markAccepted(id, providerMessageId, at, audit) {
      // One statement, so atomic without a transaction: the audit row exists exactly when the update happened.
      const row = auditRowValues(audit, at);
      await sql`
        WITH sent AS (
          UPDATE communications
          SET provider_message_id = ${providerMessageId}, status = 'accepted', status_at = ${at}, error_code = NULL, error_title = NULL, error_reason = NULL, send_claimed_until = NULL
          WHERE id = ${id} AND status = 'queued'
          RETURNING id
        )
        INSERT INTO audit_events (recorded_at, actor_type, actor_id, action, entity_type, entity_id, patient_id, outcome, detail)
        SELECT ${row.recorded_at}::timestamptz, ${row.actor_type}, ${row.actor_id}, ${row.action}, ${row.entity_type}, ${row.entity_id}, ${row.patient_id}::uuid, ${row.outcome}, ${row.detail}::jsonb
        FROM sent`.execute(db);
    },

    async markFailed(id, failure, at) {
      await db
        .updateTable('communications')
        .set({
          status: 'failed',
          status_at: at,
          failed_at: at,
          send_claimed_until: null,
          error_code: failure.code ?? null,
          error_title: failure.title,
          error_reason: failure.reason,
        })
        .where('id', '=', id)
        .execute();
    },

    async noteAttempt(id, failure) {
      const row = await db
        .updateTable('communications')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          send_claimed_until: null,
          error_code: failure.code ?? null,
          error_title: failure.title,
          error_reason: failure.reason,
        }))
        .where('id', '=', id)
        .returning('attempts')
        .executeTakeFirstOrThrow();
      return row.attempts;
    },

    async applyStatuses(items) {
      if (items.length === 0) return [];
      const providerIds = [...new Set(items.map((item) => item.update.providerMessageId))];
      // Row locks in id order: two batches touching the same messages never deadlock.
      const rows = await db
        .selectFrom('communications')
        .select(['id', 'provider_message_id', 'status', 'sent_at', 'delivered_at', 'read_at', 'failed_at'])
        .where('provider_message_id', 'in', providerIds)
        .where('direction', '=', 'outbound')
        .orderBy('id')
        .forUpdate()
        .execute();
      type Change = {
        id: string;
        status: OutboundStatus;
        status_at: string | null;
        error: { code: number | null; title: string; reason: string | null } | undefined;
        times: Partial<Record<(typeof statusColumn)[keyof typeof statusColumn], string>>;
        dirty: boolean;
      };
      const byProviderId = new Map<string, { row: (typeof rows)[number]; change: Change }>();
      for (const row of rows) {
        byProviderId.set(row.provider_message_id!, { row, change: { id: row.id, status: row.status as OutboundStatus, status_at: null, error: undefined, times: {}, dirty: false } });
      }
      const outcomes = items.map(({ update, reason }) => {
        const found = byProviderId.get(update.providerMessageId);
        if (found === undefined) return 'unknown' as const;
        const { row, change } = found;
        const at = new Date(update.at).toISOString();
        const next = nextDeliveryStatus(change.status, update.status);
        if (next !== undefined) {
          change.status = next;
          change.status_at = at;
          change.dirty = true;
          if (next === 'failed') change.error = { code: update.error?.code ?? null, title: update.error?.title ?? 'failed', reason: reason ?? null };
        }
        // Keep the first time of every status, even a late one, for response-time analytics.
        const column = statusColumn[update.status === 'played' ? 'read' : update.status];
        if (row[column] === null && change.times[column] === undefined) {
          change.times[column] = at;
          change.dirty = true;
        }
        return next === undefined ? ('stale' as const) : ('applied' as const);
      });
      const changes = [...byProviderId.values()].map((x) => x.change).filter((c) => c.dirty);
      if (changes.length > 0) {
        const values = changes.map((c) => ({
          id: c.id,
          status: c.status,
          status_at: c.status_at,
          set_error: c.error !== undefined,
          error_code: c.error?.code ?? null,
          error_title: c.error?.title ?? null,
          error_reason: c.error?.reason ?? null,
          sent_at: c.times.sent_at ?? null,
          delivered_at: c.times.delivered_at ?? null,
          read_at: c.times.read_at ?? null,
          failed_at: c.times.failed_at ?? null,
        }));
        await sql`UPDATE communications AS c SET
            status = v.status,
            status_at = COALESCE(v.status_at, c.status_at),
            error_code = CASE WHEN v.set_error THEN v.error_code ELSE c.error_code END,
            error_title = CASE WHEN v.set_error THEN v.error_title ELSE c.error_title END,
            error_reason = CASE WHEN v.set_error THEN v.error_reason ELSE c.error_reason END,
            sent_at = COALESCE(c.sent_at, v.sent_at),
            delivered_at = COALESCE(c.delivered_at, v.delivered_at),
            read_at = COALESCE(c.read_at, v.read_at),
            failed_at = COALESCE(c.failed_at, v.failed_at)
          FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(
            id uuid, status text, status_at timestamptz, set_error boolean, error_code integer, error_title text, error_reason text,
            sent_at timestamptz, delivered_at timestamptz, read_at timestamptz, failed_at timestamptz)
          WHERE c.id = v.id`.execute(db);
      }
      return outcomes;
    },

    async applyStatus(update, reason) {
      // Row lock: two statuses for one message may be processed at the same moment.
      const row = await db
        .selectFrom('communications')
        .select(['id', 'status'])
        .where('provider_message_id', '=', update.providerMessageId)
        .where('direction', '=', 'outbound')
        .forUpdate()
        .executeTakeFirst();
      if (row === undefined) return 'unknown';
      const at = new Date(update.at);
      const next = nextDeliveryStatus(row.status as OutboundStatus, update.status);
      if (next !== undefined) {
        await db
          .updateTable('communications')
          .set({
            status: next,
            status_at: at,
            ...(next === 'failed'
              ? { error_code: update.error?.code ?? null, error_title: update.error?.title ?? 'failed', error_reason: reason ?? null }
              : {}),
          })
          .where('id', '=', row.id)
          .execute();
      }
      // Keep the first time of every status, even a late one, for response-time analytics.
      const column = statusColumn[update.status === 'played' ? 'read' : update.status];
      await db.updateTable('communications').set({ [column]: at }).where('id', '=', row.id).where(column, 'is', null).execute();
      return next === undefined ? 'stale' : 'applied';
    },
  };
}
