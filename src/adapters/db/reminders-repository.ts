import { sql, type Kysely, type Selectable } from 'kysely';
import type { Cipher } from '../../app/ports.ts';
import type { ClaimedReminder, DispatchPatient, ReminderRepository } from '../../app/reminder-ports.ts';
import { supportedLanguages, type Language } from '../../core/clinic/clinic-config.ts';
import type { ReminderKind, ReminderSubject } from '../../core/reminders/decide-reminder-send.ts';
import type { AppointmentStatus } from '../../core/scheduling/appointment-status.ts';
import { AUDIT_GENESIS_HASH, auditHash } from './audit-log.ts';
import type { Database, RemindersTable } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;

function isLanguage(value: string | null): value is Language {
  return value !== null && (supportedLanguages as readonly string[]).includes(value);
}

function firstWord(name: string | undefined): string | undefined {
  const word = name?.trim().split(/\s+/)[0];
  return word === undefined || word === '' ? undefined : word;
}

/** Planned sends: planning, claiming with SKIP LOCKED and a lease, and recording each outcome in batches. */
export function remindersRepository(db: Kysely<Database>, cipher: Cipher): ReminderRepository {
  /** The outbox rows of reminders claimed before (attempts > 1): found by their idempotency key `reminder:<id>`. */
  async function communicationsOf(rows: Array<Selectable<RemindersTable>>): Promise<Map<string, ClaimedReminder['communication']>> {
    const keys = rows.filter((r) => r.attempts > 1 || r.communication_id !== null).map((r) => `reminder:${r.id}`);
    const result = new Map<string, ClaimedReminder['communication']>();
    if (keys.length === 0) return result;
    const found = await db.selectFrom('communications').select(['id', 'status', 'provider_message_id', 'idempotency_key', 'status_at']).where('idempotency_key', 'in', keys).execute();
    for (const c of found) {
      result.set(String(c.idempotency_key).slice('reminder:'.length), { id: c.id, status: c.status, providerMessageId: c.provider_message_id ?? undefined, statusAt: c.status_at ?? undefined });
    }
    return result;
  }

  return {
    async plan(items, at) {
      if (items.length === 0) return 0;
      const rows = await db
        .insertInto('reminders')
        .values(
          items.map((item) => ({
            key: item.key,
            patient_id: item.patientId,
            kind: item.kind,
            subject_id: item.subjectId,
            detail: JSON.stringify(item.detail ?? {}),
            due_at: item.dueAt,
            send_after: item.dueAt,
            state: 'planned' as const,
            created_at: at,
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .execute();
      return rows.length;
    },

    async cancelForSubject(subjectId, reason, at) {
      const rows = await db
        .updateTable('reminders')
        .set({ state: 'cancelled', skip_reason: reason, updated_at: at })
        .where('subject_id', '=', subjectId)
        .where('state', '=', 'planned')
        .returning('id')
        .execute();
      return rows.length;
    },

    async recordOutcome(subjectId, outcome, at) {
      await sql`UPDATE reminders SET outcome = ${outcome}, outcome_at = ${at}, updated_at = ${at}
        WHERE id = (SELECT id FROM reminders WHERE subject_id = ${subjectId} AND state = 'sent' ORDER BY sent_at DESC LIMIT 1)`.execute(db);
    },

    async claimDue({ now, reclaimBefore, limit, leaseUntil, workerId }) {
      // Expired leases first (a process died mid-dispatch), then due planned rows, oldest first.
      const claimed: Array<Selectable<RemindersTable>> = [];
      for (const where of [sql`state = 'sending' AND lease_until <= ${reclaimBefore}`, sql`state = 'planned' AND send_after <= ${now}`]) {
        const room = limit - claimed.length;
        if (room <= 0) break;
        const rows = await sql<Selectable<RemindersTable>>`
          UPDATE reminders AS r
          SET state = 'sending', lease_until = ${leaseUntil}, claimed_by = ${workerId}, attempts = r.attempts + 1, updated_at = ${now}
          FROM (SELECT id FROM reminders WHERE ${where} ORDER BY send_after LIMIT ${room} FOR UPDATE SKIP LOCKED) AS c
          WHERE r.id = c.id
          RETURNING r.*`.execute(db);
        claimed.push(...rows.rows);
      }
      const communications = await communicationsOf(claimed);
      return claimed.map((row) => ({
        id: row.id,
        key: row.key,
        patientId: row.patient_id,
        kind: row.kind,
        subjectId: row.subject_id,
        dueAt: new Date(row.due_at),
        attempts: row.attempts,
        communication: communications.get(row.id),
      }));
    },

    async renewLease(ids, workerId, leaseUntil) {
      if (ids.length === 0) return new Set();
      const rows = await db
        .updateTable('reminders')
        .set({ lease_until: leaseUntil })
        .where('id', 'in', ids)
        .where('state', '=', 'sending')
        .where('claimed_by', '=', workerId)
        .returning('id')
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    async loadPatients(ids) {
      const result = new Map<string, DispatchPatient>();
      if (ids.length === 0) return result;
      const rows = await db
        .selectFrom('patients as p')
        .select(['p.id', 'p.wa_id_enc', 'p.user_id_enc', 'p.language', 'p.last_inbound_at', 'p.opted_out_at', 'p.time_zone', 'p.full_name_enc', 'p.profile_name_enc'])
        .select((eb) =>
          eb.selectFrom('consents as c').select('c.decision').whereRef('c.patient_id', '=', 'p.id').orderBy('c.decided_at', 'desc').limit(1).as('consent'),
        )
        .where('p.id', 'in', [...new Set(ids)])
        .execute();
      for (const row of rows) {
        const name = row.full_name_enc !== null ? cipher.decrypt(row.full_name_enc) : row.profile_name_enc !== null ? cipher.decrypt(row.profile_name_enc) : undefined;
        result.set(row.id, {
          id: row.id,
          waId: row.wa_id_enc === null ? undefined : cipher.decrypt(row.wa_id_enc),
          userId: row.user_id_enc === null ? undefined : cipher.decrypt(row.user_id_enc),
          language: isLanguage(row.language) ? row.language : undefined,
          lastInboundAt: row.last_inbound_at ?? undefined,
          optedOut: row.opted_out_at !== null,
          consented: row.consent === 'granted',
          timeZone: row.time_zone ?? undefined,
          firstName: firstWord(name),
        });
      }
      return result;
    },

    async loadSubjects(reminders) {
      const result = new Map<string, ReminderSubject>();
      const idsOf = (kind: ReminderKind) => [...new Set(reminders.filter((r) => r.kind === kind).map((r) => r.subjectId))];
      const appointments = idsOf('appointment');
      if (appointments.length > 0) {
        const rows = await db.selectFrom('appointments').select(['id', 'status', 'start_at', 'service_id', 'practitioner_id']).where('id', 'in', appointments).execute();
        for (const a of rows) {
          result.set(a.id, { kind: 'appointment', status: a.status as AppointmentStatus, start: a.start_at, serviceId: a.service_id, practitionerId: a.practitioner_id });
        }
      }
      const doses = idsOf('medication_dose');
      if (doses.length > 0) {
        const rows = await db
          .selectFrom('medication_doses as d')
          .innerJoin('medication_plans as p', 'p.id', 'd.plan_id')
          .select(['d.id', 'd.state', 'd.scheduled_at', 'p.state as plan_state', 'p.dose_enc'])
          .where('d.id', 'in', doses)
          .execute();
        for (const d of rows) {
          result.set(d.id, { kind: 'medication_dose', state: d.state, planActive: d.plan_state === 'active', scheduledAt: d.scheduled_at, doseText: cipher.decrypt(d.dose_enc) });
        }
      }
      const plans = idsOf('refill');
      if (plans.length > 0) {
        const rows = await db
          .selectFrom('medication_plans')
          .select(['id', 'state', 'medication_enc', sql<string | null>`runs_out_on::text`.as('runs_out_on')])
          .where('id', 'in', plans)
          .execute();
        for (const p of rows) {
          result.set(p.id, { kind: 'refill', planActive: p.state === 'active', medication: cipher.decrypt(p.medication_enc), runsOutOn: p.runs_out_on ?? undefined });
        }
      }
      const followUps = idsOf('follow_up');
      if (followUps.length > 0) {
        const rows = await db.selectFrom('follow_ups').select(['id', 'state', 'kind', 'service_id']).where('id', 'in', followUps).execute();
        for (const f of rows) result.set(f.id, { kind: 'follow_up', state: f.state, followUpKind: f.kind, serviceId: f.service_id ?? undefined });
      }
      const surveys = idsOf('survey');
      if (surveys.length > 0) {
        // Visit feedback: the appointment marked attended, and whether it was rated already.
        const rows = await db
          .selectFrom('appointments as a')
          .select(['a.id', 'a.service_id', 'a.attendance_at', 'a.end_at'])
          .select((eb) => eb.exists(eb.selectFrom('questionnaire_responses as q').select('q.id').whereRef('q.appointment_id', '=', 'a.id').where('q.questionnaire', '=', 'feedback/visit')).as('answered'))
          .where('a.id', 'in', surveys)
          .execute();
        for (const a of rows) result.set(a.id, { kind: 'survey', answered: Boolean(a.answered), attendedAt: a.attendance_at ?? a.end_at, serviceId: a.service_id });
      }
      return result;
    },

    async defer(ids, until, reason, at) {
      if (ids.length === 0) return;
      await db
        .updateTable('reminders')
        .set({ state: 'planned', send_after: until, deferred_reason: reason, lease_until: null, claimed_by: null, updated_at: at })
        .where('id', 'in', ids)
        .execute();
    },

    async finish(ids, state, reason, at) {
      if (ids.length === 0) return;
      await db.updateTable('reminders').set({ state, skip_reason: reason, lease_until: null, updated_at: at }).where('id', 'in', ids).execute();
    },

    async admitRecipients(sender, patientIds, now, limit) {
      const unique = [...new Set(patientIds)];
      if (unique.length === 0) return new Set();
      const since = new Date(now.getTime() - DAY_MS);
      // One writer at a time per sending number, so concurrent dispatchers never overshoot the limit.
      await sql`SELECT pg_advisory_xact_lock(hashtext('hale.outreach'), hashtext(${sender}::text))`.execute(db);
      const recent = await db
        .selectFrom('outreach_recipients')
        .select('patient_id')
        .where('sender', '=', sender)
        .where('patient_id', 'in', unique)
        .where('last_sent_at', '>', since)
        .execute();
      const admitted = new Set(recent.map((r) => r.patient_id));
      const newcomers = unique.filter((id) => !admitted.has(id));
      if (newcomers.length > 0) {
        const counted = await db
          .selectFrom('outreach_recipients')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('sender', '=', sender)
          .where('last_sent_at', '>', since)
          .executeTakeFirstOrThrow();
        const room = Math.max(0, limit - Number(counted.n));
        for (const id of newcomers.slice(0, room)) admitted.add(id);
      }
      if (admitted.size > 0) {
        await db
          .insertInto('outreach_recipients')
          .values([...admitted].map((patientId) => ({ sender, patient_id: patientId, last_sent_at: now })))
          .onConflict((oc) => oc.columns(['sender', 'patient_id']).doUpdateSet({ last_sent_at: now }))
          .execute();
      }
      return admitted;
    },

    async prepareCommunications(items, at) {
      const result = new Map<string, { id: string; status: string; providerMessageId: string | undefined }>();
      if (items.length === 0) return result;
      const keyOf = (reminderId: string) => `reminder:${reminderId}`;
      await db
        .insertInto('communications')
        .values(
          items.map((item) => ({
            patient_id: item.patientId,
            direction: 'outbound' as const,
            provider_message_id: null,
            content_kind: item.reply.kind,
            content_enc: cipher.encrypt(JSON.stringify(item.reply)),
            status: 'queued',
            sender: 'system',
            reply_to_provider_id: null,
            idempotency_key: keyOf(item.reminderId),
            error_code: null,
            error_title: null,
            error_reason: null,
            business_initiated: true,
            created_at: at,
            status_at: at,
          })),
        )
        // A retry (or a claim taken over after a crash) re-sends the freshly decided reply through the same row.
        .onConflict((oc) =>
          oc
            .column('idempotency_key')
            .doUpdateSet((eb) => ({ content_kind: eb.ref('excluded.content_kind'), content_enc: eb.ref('excluded.content_enc'), status: 'queued', status_at: at }))
            .where('communications.provider_message_id', 'is', null)
            .where('communications.status', 'in', ['queued', 'failed']),
        )
        .execute();
      const rows = await db
        .selectFrom('communications')
        .select(['id', 'status', 'provider_message_id', 'idempotency_key'])
        .where('idempotency_key', 'in', items.map((i) => keyOf(i.reminderId)))
        .execute();
      const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
      // The reminder finds its row again by this key (claimDue); communication_id is set when it is sent.
      for (const item of items) {
        const row = byKey.get(keyOf(item.reminderId));
        if (row !== undefined) result.set(item.reminderId, { id: row.id, status: row.status, providerMessageId: row.provider_message_id ?? undefined });
      }
      return result;
    },

    async markSent(items, at) {
      if (items.length === 0) return;
      const withIds = items.filter((i) => i.providerMessageId !== undefined);
      if (withIds.length > 0) {
        await sql`UPDATE communications AS c
          SET provider_message_id = v.pid, status = 'accepted', status_at = ${at}, error_code = NULL, error_title = NULL, error_reason = NULL
          FROM (VALUES ${sql.join(withIds.map((i) => sql`(${i.communicationId}::uuid, ${i.providerMessageId})`))}) AS v(cid, pid)
          WHERE c.id = v.cid AND c.status = 'queued' AND c.provider_message_id IS NULL`.execute(db);
      }
      await sql`UPDATE reminders AS r SET state = 'sent', sent_at = ${at}, sent_as = v.sent_as, communication_id = v.cid, lease_until = NULL, updated_at = ${at}
        FROM (VALUES ${sql.join(items.map((i) => sql`(${i.reminderId}::uuid, ${i.sentAs ?? null}::text, ${i.communicationId}::uuid)`))}) AS v(rid, sent_as, cid)
        WHERE r.id = v.rid`.execute(db);
      // Each reminder is an automated disclosure: one audit row each, chained in one insert.
      await sql`SELECT pg_advisory_xact_lock(hashtext('hale.audit_events'))`.execute(db);
      const last = await db.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      let prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
      const rows = items.map((item) => {
        const entry = {
          actorType: 'system' as const,
          action: 'reminder.sent',
          entityType: 'Communication',
          entityId: item.communicationId,
          patientId: item.patientId,
          outcome: 'success' as const,
          detail: { kind: item.kind, sentAs: item.sentAs ?? 'reconciled', reminderId: item.reminderId },
        };
        const hash = auditHash(prevHash, at, entry);
        const row = {
          recorded_at: at,
          actor_type: entry.actorType,
          actor_id: null,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          patient_id: entry.patientId,
          outcome: entry.outcome,
          detail: JSON.stringify(entry.detail),
          prev_hash: prevHash,
          hash,
        };
        prevHash = hash;
        return row;
      });
      await db.insertInto('audit_events').values(rows).execute();
    },

    async markSendFailed(item, at) {
      await db
        .updateTable('communications')
        .set({ status: 'failed', status_at: at, failed_at: at, error_code: item.code ?? null, error_title: item.title, error_reason: item.reason })
        .where('id', '=', item.communicationId)
        .where('status', '=', 'queued')
        .execute();
      await db.updateTable('reminders').set({ state: 'failed', skip_reason: item.title, lease_until: null, updated_at: at }).where('id', '=', item.reminderId).execute();
    },

    async alert(input, at) {
      const row = await db
        .insertInto('staff_alerts')
        .values({
          kind: input.kind,
          dedupe_key: input.dedupeKey,
          patient_id: input.patientId ?? null,
          subject_id: input.subjectId ?? null,
          detail: JSON.stringify(input.detail ?? {}),
          created_at: at,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async adoptProviderId(communicationId, providerMessageId, at) {
      if (!UUID.test(communicationId)) return false;
      const row = await db
        .updateTable('communications')
        .set({ provider_message_id: providerMessageId, status: 'accepted', status_at: at })
        .where('id', '=', communicationId)
        .where('direction', '=', 'outbound')
        .where('status', '=', 'queued')
        .where('provider_message_id', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
