import { sql, type Kysely, type Selectable } from 'kysely';
import type { Cipher, Transactor } from '../../app/ports.ts';
import type {
  ApiTokenRecord,
  ConversationRow,
  InboxQueue,
  NoteRow,
  StaffStore,
  StaffTransactor,
  StaffUserRecord,
  TimelineRow,
} from '../../app/staff/staff-ports.ts';
import type { InboundContent, OutboundReply } from '../../core/messages.ts';
import { toAppointmentRecord } from './appointments-repository.ts';
import { verifyAuditChain } from './audit-log.ts';
import type { Database, StaffApiTokensTable, StaffUsersTable } from './schema.ts';

const toUser = (cipher: Cipher) => (row: Selectable<StaffUsersTable>): StaffUserRecord => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  language: row.language === 'de' ? 'de' : 'en',
  passwordHash: row.password_hash,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until ?? undefined,
  totpSecret: row.totp_secret_enc === null ? undefined : cipher.decrypt(row.totp_secret_enc),
  totpEnabled: row.totp_enabled_at !== null,
  disabled: row.disabled_at !== null,
  lastLoginAt: row.last_login_at ?? undefined,
});

const toToken = (row: Selectable<StaffApiTokensTable>): ApiTokenRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at ?? undefined,
  revoked: row.revoked_at !== null,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach a uuid column (PostgreSQL would throw). */
const isUuid = (value: string) => UUID.test(value);

export function staffStore(db: Kysely<Database>, cipher: Cipher): StaffStore {
  const user = toUser(cipher);
  const dec = (value: string | null) => (value === null ? undefined : cipher.decrypt(value));

  const conversationColumns = [
    'c.id',
    'c.patient_id',
    'c.owner',
    'c.version',
    'c.urgent',
    'c.urgent_detail_enc',
    'c.assigned_to',
    'c.handover_reason',
    'c.handover_summary_enc',
    'c.waiting_since',
    'c.last_message_at',
    'p.full_name_enc',
    'p.profile_name_enc',
    'p.wa_id_enc',
  ] as const;
  type ConvSelect = {
    id: string;
    patient_id: string;
    owner: 'bot' | 'staff' | 'closed';
    version: number;
    urgent: boolean;
    urgent_detail_enc: string | null;
    assigned_to: string | null;
    handover_reason: string | null;
    handover_summary_enc: string | null;
    waiting_since: Date | null;
    last_message_at: Date | null;
    full_name_enc: string | null;
    profile_name_enc: string | null;
    wa_id_enc: string | null;
  };
  const toConversation = (row: ConvSelect): ConversationRow => ({
    id: row.id,
    patientId: row.patient_id,
    owner: row.owner,
    version: row.version,
    urgent: row.urgent,
    urgentDetail: dec(row.urgent_detail_enc),
    assignedTo: row.assigned_to ?? undefined,
    handoverReason: row.handover_reason ?? undefined,
    handoverSummary: dec(row.handover_summary_enc),
    waitingSince: row.waiting_since ?? undefined,
    lastMessageAt: row.last_message_at ?? undefined,
    patientName: dec(row.full_name_enc) ?? dec(row.profile_name_enc),
    phone: dec(row.wa_id_enc),
  });

  const queueFilter = (queue: InboxQueue, userId: string) => {
    switch (queue) {
      case 'urgent':
        return sql<boolean>`c.owner = 'staff' AND c.urgent`;
      case 'waiting':
        return sql<boolean>`c.owner = 'staff' AND NOT c.urgent AND c.assigned_to IS NULL`;
      case 'mine':
        return sql<boolean>`c.owner = 'staff' AND c.assigned_to = ${userId}`;
      case 'assistant':
        return sql<boolean>`c.owner = 'bot'`;
      case 'closed':
        return sql<boolean>`c.owner = 'closed'`;
    }
  };
  /** Staff queues show the longest-waiting first; the assistant's and closed ones the latest first. */
  const oldestFirst = (queue: InboxQueue) => queue === 'urgent' || queue === 'waiting' || queue === 'mine';

  return {
    users: {
      async count() {
        const row = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        return Number(row.n);
      },
      async findByEmail(email) {
        const row = await db.selectFrom('staff_users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
        return row === undefined ? undefined : user(row);
      },
      async find(id) {
        if (!isUuid(id)) return undefined;
        const row = await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? undefined : user(row);
      },
      async list() {
        return (await db.selectFrom('staff_users').selectAll().orderBy('display_name').execute()).map(user);
      },
      async directory() {
        const rows = await db.selectFrom('staff_users').select(['id', 'display_name', 'disabled_at']).execute();
        return rows.map((r) => ({ id: r.id, displayName: r.display_name, disabled: r.disabled_at !== null }));
      },
      async create(input) {
        const row = await db
          .insertInto('staff_users')
          .values({ email: input.email.toLowerCase(), display_name: input.displayName, role: input.role, password_hash: input.passwordHash, language: input.language, totp_secret_enc: null, created_at: input.at, updated_at: input.at })
          .returningAll()
          .executeTakeFirstOrThrow();
        return user(row);
      },
      async update(id, input, at) {
        await db
          .updateTable('staff_users')
          .set({
            updated_at: at,
            ...(input.role === undefined ? {} : { role: input.role }),
            ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
            ...(input.passwordHash === undefined ? {} : { password_hash: input.passwordHash }),
            ...(input.disabled === undefined ? {} : { disabled_at: input.disabled ? at : null }),
          })
          .where('id', '=', id)
          .execute();
      },
      async mentionsSeenAt(id) {
        if (!isUuid(id)) return undefined;
        const row = await db.selectFrom('staff_users').select('mentions_seen_at').where('id', '=', id).executeTakeFirst();
        return row?.mentions_seen_at ?? undefined;
      },
      async setMentionsSeen(id, at) {
        await db.updateTable('staff_users').set({ mentions_seen_at: at }).where('id', '=', id).execute();
      },
      async recordLogin(id, input, at) {
        await db
          .updateTable('staff_users')
          .set(input.ok ? { failed_logins: 0, locked_until: null, last_login_at: at } : { failed_logins: input.failedLogins, locked_until: input.lockedUntil ?? null })
          .where('id', '=', id)
          .execute();
      },
      async setTotp(id, input, at) {
        await db
          .updateTable('staff_users')
          .set({ totp_secret_enc: input.secret === undefined ? null : cipher.encrypt(input.secret), totp_enabled_at: input.enabled ? at : null, updated_at: at })
          .where('id', '=', id)
          .execute();
      },
    },

    sessions: {
      async create(input) {
        await db
          .insertInto('staff_sessions')
          .values({ token_hash: input.tokenHash, user_id: input.userId, csrf_token: input.csrfToken, created_at: input.at, last_seen_at: input.at, expires_at: input.expiresAt })
          .execute();
      },
      async find(tokenHash) {
        const row = await db
          .selectFrom('staff_sessions as s')
          .innerJoin('staff_users as u', 'u.id', 's.user_id')
          .selectAll('u')
          .select(['s.csrf_token', 's.created_at as session_created_at', 's.last_seen_at', 's.expires_at'])
          .where('s.token_hash', '=', tokenHash)
          .executeTakeFirst();
        if (row === undefined) return undefined;
        return { user: user(row), csrfToken: row.csrf_token, createdAt: row.session_created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
      },
      async touch(tokenHash, at, expiresAt) {
        await db.updateTable('staff_sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
      },
      async delete(tokenHash) {
        await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
      },
      async deleteForUser(userId) {
        await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
      },
      async deleteOthers(userId, keepTokenHash) {
        const result = await db.deleteFrom('staff_sessions').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).executeTakeFirst();
        return Number(result.numDeletedRows);
      },
    },

    apiTokens: {
      async create(input) {
        const row = await db
          .insertInto('staff_api_tokens')
          .values({ name: input.name, role: input.role, token_hash: input.tokenHash, created_by: input.createdBy, created_at: input.at })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toToken(row);
      },
      async findByHash(tokenHash) {
        const row = await db.selectFrom('staff_api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
        return row === undefined ? undefined : toToken(row);
      },
      async touch(id, at) {
        await db.updateTable('staff_api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
      },
      async list() {
        return (await db.selectFrom('staff_api_tokens').selectAll().orderBy('created_at', 'desc').execute()).map(toToken);
      },
      async revoke(id, at) {
        if (!isUuid(id)) return false;
        const result = await db.updateTable('staff_api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      },
    },

    loginAttempts: {
      async record(input) {
        await db.insertInto('staff_login_attempts').values({ email: input.email, ip: input.ip, succeeded: input.succeeded, at: input.at }).execute();
      },
      async countFailuresFromIp(ip, since) {
        const row = await db
          .selectFrom('staff_login_attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ip', '=', ip)
          .where('succeeded', '=', false)
          .where('at', '>=', since)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
    },

    canned: {
      async list() {
        return db.selectFrom('canned_replies').select(['id', 'shortcut', 'title', 'body']).orderBy('shortcut').execute();
      },
      async create(input, at) {
        return db.insertInto('canned_replies').values({ ...input, created_at: at, updated_at: at }).returning(['id', 'shortcut', 'title', 'body']).executeTakeFirstOrThrow();
      },
      async update(id, input, at) {
        if (!isUuid(id)) return false;
        const result = await db.updateTable('canned_replies').set({ ...input, updated_at: at }).where('id', '=', id).executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      },
      async delete(id) {
        if (!isUuid(id)) return false;
        const result = await db.deleteFrom('canned_replies').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) === 1;
      },
    },

    inbox: {
      async counts(userId) {
        const row = await db
          .selectFrom('conversations as c')
          .select([
            sql<number>`count(*) FILTER (WHERE ${queueFilter('urgent', userId)})`.as('urgent'),
            sql<number>`count(*) FILTER (WHERE ${queueFilter('waiting', userId)})`.as('waiting'),
            sql<number>`count(*) FILTER (WHERE ${queueFilter('mine', userId)})`.as('mine'),
            sql<number>`count(*) FILTER (WHERE ${queueFilter('assistant', userId)})`.as('assistant'),
            sql<number>`count(*) FILTER (WHERE ${queueFilter('closed', userId)})`.as('closed'),
          ])
          .executeTakeFirstOrThrow();
        return { urgent: Number(row.urgent), waiting: Number(row.waiting), mine: Number(row.mine), assistant: Number(row.assistant), closed: Number(row.closed) };
      },

      async list(queue, userId, page) {
        const ascending = oldestFirst(queue);
        const sortExpr = ascending ? sql<Date | null>`coalesce(c.waiting_since, c.last_message_at, c.created_at)` : sql<Date | null>`coalesce(c.last_message_at, c.created_at)`;
        let query = db
          .selectFrom('conversations as c')
          .innerJoin('patients as p', 'p.id', 'c.patient_id')
          .select(conversationColumns)
          .select(sortExpr.as('sort_at'))
          .select((eb) =>
            eb
              .selectFrom('communications as m')
              .select('m.content_enc')
              .whereRef('m.patient_id', '=', 'c.patient_id')
              .orderBy('m.seq', 'desc')
              .limit(1)
              .as('preview_enc'),
          )
          .where(queueFilter(queue, userId));
        if (page.after !== undefined) {
          const at = page.after.sortAt ?? new Date(0);
          query = ascending ? query.where(sql<boolean>`(${sortExpr}, c.id) > (${at}, ${page.after.id}::uuid)`) : query.where(sql<boolean>`(${sortExpr}, c.id) < (${at}, ${page.after.id}::uuid)`);
        }
        const rows = await query
          .orderBy(sortExpr, ascending ? 'asc' : 'desc')
          .orderBy('c.id', ascending ? 'asc' : 'desc')
          .limit(page.limit)
          .execute();
        return rows.map((row) => ({
          ...toConversation(row),
          sortAt: row.sort_at ?? undefined,
          preview: row.preview_enc === null ? undefined : (JSON.parse(cipher.decrypt(row.preview_enc)) as InboundContent | OutboundReply),
        }));
      },

      async find(conversationId) {
        if (!isUuid(conversationId)) return undefined;
        const row = await db.selectFrom('conversations as c').innerJoin('patients as p', 'p.id', 'c.patient_id').select(conversationColumns).where('c.id', '=', conversationId).executeTakeFirst();
        return row === undefined ? undefined : toConversation(row);
      },

      async lock(conversationId) {
        if (!isUuid(conversationId)) return undefined;
        const locked = await db.selectFrom('conversations').select('id').where('id', '=', conversationId).forUpdate().executeTakeFirst();
        if (locked === undefined) return undefined;
        return this.find(conversationId);
      },

      async setOwnership(conversationId, input, at) {
        await db
          .updateTable('conversations')
          .set((eb) => ({
            owner: input.owner,
            assigned_to: input.assignedTo ?? null,
            version: eb('version', '+', 1),
            updated_at: at,
            ...(input.owner === 'staff'
              ? input.keepWaitingSince
                ? {}
                : { waiting_since: at }
              : { waiting_since: null, urgent: false, urgent_detail_enc: null }),
          }))
          .where('id', '=', conversationId)
          .execute();
      },

      async timeline(patientId, limit) {
        const rows = await db
          .selectFrom('communications as m')
          .leftJoin('media as md', 'md.communication_id', 'm.id')
          .select([
            'm.id',
            'm.direction',
            'm.sender',
            'm.provider_message_id',
            'm.staff_user_id',
            'm.content_enc',
            'm.status',
            'm.error_code',
            'm.error_title',
            'm.error_reason',
            'm.created_at',
            'm.seq',
            'md.id as media_id',
            'md.state as media_state',
            'md.mime_type as media_mime',
          ])
          .where('m.patient_id', '=', patientId)
          .orderBy('m.seq', 'desc')
          .limit(limit)
          .execute();
        return rows.reverse().map(
          (row): TimelineRow => ({
            id: row.id,
            direction: row.direction,
            sender: row.sender,
            providerMessageId: row.provider_message_id ?? undefined,
            staffUserId: row.staff_user_id ?? undefined,
            content: JSON.parse(cipher.decrypt(row.content_enc)) as InboundContent | OutboundReply,
            status: row.status,
            errorCode: row.error_code ?? undefined,
            errorTitle: row.error_title ?? undefined,
            errorReason: row.error_reason ?? undefined,
            media: row.media_id === null ? undefined : { id: row.media_id, state: row.media_state ?? 'pending', mimeType: row.media_mime ?? '' },
            at: row.created_at,
          }),
        );
      },

      async events(conversationId) {
        const rows = await db.selectFrom('conversation_events').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
        return rows.map((r) => ({ type: r.type, reason: r.reason ?? undefined, actorType: r.actor_type, actorId: r.actor_id ?? undefined, at: r.at }));
      },

      async withdrawQueuedBotMessages(patientId, at) {
        const result = await db
          .updateTable('communications')
          .set({ status: 'failed', status_at: at, failed_at: at, error_title: 'withdrawn', error_reason: 'Not sent: staff took over the conversation before the assistant’s message left.' })
          .where('patient_id', '=', patientId)
          .where('direction', '=', 'outbound')
          .where('sender', '=', 'bot')
          .where('status', '=', 'queued')
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      },

      async setStaffAuthor(communicationId, userId) {
        await db.updateTable('communications').set({ staff_user_id: userId }).where('id', '=', communicationId).execute();
      },

      async mediaFile(mediaId) {
        if (!isUuid(mediaId)) return undefined;
        const row = await db.selectFrom('media').select(['patient_id', 'storage_key', 'mime_type', 'state']).where('id', '=', mediaId).executeTakeFirst();
        return row === undefined ? undefined : { patientId: row.patient_id, storageKey: row.storage_key ?? undefined, mimeType: row.mime_type, state: row.state };
      },
    },

    notes: {
      async add(input) {
        const row = await db
          .insertInto('conversation_notes')
          .values({ conversation_id: input.conversationId, author_id: input.authorId, body_enc: cipher.encrypt(input.body), mentions: input.mentions, created_at: input.at })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        return { id: row.id, authorId: input.authorId, body: input.body, mentions: input.mentions, at: input.at };
      },
      async list(conversationId) {
        const rows = await db.selectFrom('conversation_notes').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').execute();
        return rows.map((r): NoteRow => ({ id: r.id, authorId: r.author_id, body: cipher.decrypt(r.body_enc), mentions: r.mentions, at: r.created_at }));
      },
      async countMentioning(userId, since) {
        if (!isUuid(userId)) return 0;
        let query = db.selectFrom('conversation_notes').select((eb) => eb.fn.countAll<number>().as('n')).where(sql<boolean>`mentions @> ARRAY[${userId}]::uuid[]`);
        if (since !== undefined) query = query.where('created_at', '>', since);
        return Number((await query.executeTakeFirstOrThrow()).n);
      },
      async mentioning(userId, limit) {
        if (!isUuid(userId)) return [];
        const rows = await db
          .selectFrom('conversation_notes as n')
          .innerJoin('conversations as c', 'c.id', 'n.conversation_id')
          .innerJoin('patients as p', 'p.id', 'c.patient_id')
          .select(['n.id', 'n.conversation_id', 'c.patient_id', 'n.author_id', 'n.body_enc', 'n.created_at', 'p.full_name_enc', 'p.profile_name_enc'])
          .where(sql<boolean>`n.mentions @> ARRAY[${userId}]::uuid[]`)
          .orderBy('n.created_at', 'desc')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ noteId: r.id, conversationId: r.conversation_id, patientId: r.patient_id, patientName: dec(r.full_name_enc) ?? dec(r.profile_name_enc), authorId: r.author_id, body: cipher.decrypt(r.body_enc), at: r.created_at }));
      },
    },

    patients: {
      async detail(patientId) {
        if (!isUuid(patientId)) return undefined;
        const row = await db
          .selectFrom('patients as p')
          .leftJoin('conversations as c', 'c.patient_id', 'p.id')
          .select(['p.id', 'p.full_name_enc', 'p.profile_name_enc', 'p.birth_date_enc', 'p.wa_id_enc', 'p.language', 'p.opted_out_at', 'p.last_inbound_at', 'p.time_zone', 'c.id as conversation_id'])
          .where('p.id', '=', patientId)
          .executeTakeFirst();
        if (row === undefined) return undefined;
        const consent = await db.selectFrom('consents').selectAll().where('patient_id', '=', patientId).orderBy('decided_at', 'desc').limit(1).executeTakeFirst();
        return {
          id: row.id,
          fullName: dec(row.full_name_enc),
          profileName: dec(row.profile_name_enc),
          birthDate: dec(row.birth_date_enc),
          phone: dec(row.wa_id_enc),
          language: row.language ?? undefined,
          optedOut: row.opted_out_at !== null,
          lastInboundAt: row.last_inbound_at ?? undefined,
          conversationId: row.conversation_id ?? undefined,
          consent: consent === undefined ? undefined : { decision: consent.decision, policyVersion: consent.policy_version, at: consent.decided_at },
          timeZone: row.time_zone ?? undefined,
        };
      },
      async search(termHashes, limit) {
        if (termHashes.length === 0) return [];
        const rows = await db
          .selectFrom('patient_search_terms')
          .select('patient_id')
          .where('term_hash', 'in', termHashes)
          .groupBy('patient_id')
          .having((eb) => eb.fn.count('term_hash').distinct(), '=', termHashes.length)
          .limit(limit)
          .execute();
        return rows.map((r) => r.patient_id);
      },
      async indexTerms(patientId, termHashes) {
        await db.deleteFrom('patient_search_terms').where('patient_id', '=', patientId).execute();
        if (termHashes.length > 0) {
          await db
            .insertInto('patient_search_terms')
            .values([...new Set(termHashes)].map((term_hash) => ({ patient_id: patientId, term_hash })))
            .execute();
        }
        await db
          .insertInto('patient_search_state')
          .values({ patient_id: patientId, indexed_at: sql<Date>`now()` })
          .onConflict((oc) => oc.column('patient_id').doUpdateSet({ indexed_at: sql<Date>`now()` }))
          .execute();
      },
      async needingIndex(limit) {
        const rows = await db
          .selectFrom('patients as p')
          .leftJoin('patient_search_state as s', 's.patient_id', 'p.id')
          .select('p.id')
          .where((eb) => eb.or([eb('s.indexed_at', 'is', null), eb('s.indexed_at', '<', eb.ref('p.updated_at'))]))
          .limit(limit)
          .execute();
        return rows.map((r) => r.id);
      },
      async appointments(patientId) {
        const rows = await db.selectFrom('appointments').selectAll().where('patient_id', '=', patientId).orderBy('start_at', 'desc').limit(50).execute();
        return rows.map(toAppointmentRecord);
      },
      async setTimeZone(patientId, timeZone, at) {
        if (!isUuid(patientId)) return false;
        const result = await db.updateTable('patients').set({ time_zone: timeZone ?? null, updated_at: at }).where('id', '=', patientId).executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      },
      async names(patientIds) {
        const ids = [...new Set(patientIds.filter(isUuid))];
        if (ids.length === 0) return new Map();
        const rows = await db.selectFrom('patients').select(['id', 'full_name_enc', 'profile_name_enc']).where('id', 'in', ids).execute();
        return new Map(rows.map((r) => [r.id, dec(r.full_name_enc) ?? dec(r.profile_name_enc)]));
      },
    },

    carePlans: {
      async medicationPlans(patientId, dosesSince) {
        if (!isUuid(patientId)) return [];
        const plans = await db
          .selectFrom('medication_plans')
          .select(['id', 'medication_enc', 'dose_enc', 'times', 'days_of_week', sql<string>`start_date::text`.as('start_date'), sql<string | null>`end_date::text`.as('end_date'), 'time_zone', sql<string | null>`runs_out_on::text`.as('runs_out_on'), 'state', 'created_at'])
          .where('patient_id', '=', patientId)
          .orderBy('created_at', 'desc')
          .limit(50)
          .execute();
        const counts = plans.length === 0 ? [] : await db
          .selectFrom('medication_doses')
          .select(['plan_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
          .where('plan_id', 'in', plans.map((p) => p.id))
          .where('scheduled_at', '>=', dosesSince)
          .where('scheduled_at', '<=', sql<Date>`now()`)
          .groupBy(['plan_id', 'state'])
          .execute();
        return plans.map((p) => ({
          id: p.id,
          medication: cipher.decrypt(p.medication_enc),
          doseText: cipher.decrypt(p.dose_enc),
          times: p.times,
          daysOfWeek: p.days_of_week,
          startDate: p.start_date,
          endDate: p.end_date ?? undefined,
          timeZone: p.time_zone,
          runsOutOn: p.runs_out_on ?? undefined,
          state: p.state,
          createdAt: p.created_at,
          doses: Object.fromEntries(counts.filter((c) => c.plan_id === p.id).map((c) => [c.state, Number(c.n)])),
        }));
      },
      async followUps(patientId) {
        if (!isUuid(patientId)) return [];
        const rows = await db
          .selectFrom('follow_ups')
          .select(['id', 'kind', 'service_id', sql<string>`due_on::text`.as('due_on'), 'note_enc', 'state', 'created_at'])
          .where('patient_id', '=', patientId)
          .orderBy('due_on')
          .limit(50)
          .execute();
        return rows.map((r) => ({ id: r.id, kind: r.kind, serviceId: r.service_id ?? undefined, dueOn: r.due_on, note: dec(r.note_enc), state: r.state, createdAt: r.created_at }));
      },
      async cancelFollowUp(id, at) {
        if (!isUuid(id)) return undefined;
        const row = await db
          .updateTable('follow_ups')
          .set({ state: 'cancelled', updated_at: at })
          .where('id', '=', id)
          .where('state', 'in', ['planned', 'reminded'])
          .returning('patient_id')
          .executeTakeFirst();
        return row === undefined ? undefined : { patientId: row.patient_id };
      },
      async medicationPlanPatient(planId) {
        if (!isUuid(planId)) return undefined;
        const row = await db.selectFrom('medication_plans').select('patient_id').where('id', '=', planId).executeTakeFirst();
        return row?.patient_id;
      },
    },

    alerts: {
      async listOpen(limit) {
        const rows = await db
          .selectFrom('staff_alerts as a')
          .leftJoin('patients as p', 'p.id', 'a.patient_id')
          .leftJoin('conversations as c', 'c.patient_id', 'a.patient_id')
          .select(['a.id', 'a.kind', 'a.patient_id', 'a.subject_id', 'a.detail', 'a.created_at', 'p.full_name_enc', 'p.profile_name_enc', 'c.id as conversation_id'])
          .where('a.acknowledged_at', 'is', null)
          .orderBy('a.created_at', 'desc')
          .limit(limit)
          .execute();
        return rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          patientId: r.patient_id ?? undefined,
          patientName: dec(r.full_name_enc) ?? dec(r.profile_name_enc),
          conversationId: r.conversation_id ?? undefined,
          subjectId: r.subject_id ?? undefined,
          detail: r.detail,
          createdAt: r.created_at,
        }));
      },
      async countOpen() {
        const row = await db.selectFrom('staff_alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('acknowledged_at', 'is', null).executeTakeFirstOrThrow();
        return Number(row.n);
      },
      async acknowledge(id, by, at) {
        if (!isUuid(id)) return undefined;
        const row = await db
          .updateTable('staff_alerts')
          .set({ acknowledged_at: at, acknowledged_by: by })
          .where('id', '=', id)
          .where('acknowledged_at', 'is', null)
          .returning(['patient_id', 'kind'])
          .executeTakeFirst();
        return row === undefined ? undefined : { patientId: row.patient_id ?? undefined, kind: row.kind };
      },
    },

    appointments: {
      async between(from, to, practitionerId) {
        let query = db
          .selectFrom('appointments as a')
          .innerJoin('patients as p', 'p.id', 'a.patient_id')
          .selectAll('a')
          .select(['p.full_name_enc', 'p.profile_name_enc'])
          .where('a.start_at', '>=', from)
          .where('a.start_at', '<', to)
          .where('a.status', 'not in', ['proposed']);
        if (practitionerId !== undefined) query = query.where('a.practitioner_id', '=', practitionerId);
        const rows = await query.orderBy('a.start_at').execute();
        return rows.map((row) => ({ ...toAppointmentRecord(row), patientName: dec(row.full_name_enc) ?? dec(row.profile_name_enc) }));
      },
    },

    audit: {
      async list(filter) {
        let query = db.selectFrom('audit_events').selectAll();
        if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
        if (filter.patientId !== undefined) query = query.where('patient_id', '=', filter.patientId);
        if (filter.action !== undefined) query = query.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
        if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
        const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
        return rows.map((r) => ({
          id: r.id,
          at: r.recorded_at,
          actorType: r.actor_type,
          actorId: r.actor_id ?? undefined,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id ?? undefined,
          patientId: r.patient_id ?? undefined,
          outcome: r.outcome,
          detail: r.detail,
        }));
      },
      async verifyChain() {
        return (await verifyAuditChain(db)).brokenAt === undefined;
      },
    },
  };
}

/** Staff work in one transaction, with the core repositories (audit, conversations, jobs) on the same connection. */
export function createStaffTransactor(
  db: Kysely<Database>,
  cipher: Cipher,
  transactorFor: (db: Kysely<Database>) => Transactor,
): StaffTransactor {
  return {
    run(fn) {
      return db.transaction().execute((trx) => transactorFor(trx).direct((repos) => fn(staffStore(trx, cipher), repos)));
    },
    direct(fn) {
      return transactorFor(db).direct((repos) => fn(staffStore(db, cipher), repos));
    },
  };
}
