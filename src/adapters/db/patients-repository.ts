import type { Kysely } from 'kysely';
import { DomainError } from '../../core/domain-error.ts';
import type { Cipher, PatientRecord, Repositories } from '../../app/ports.ts';
import type { Database, PatientsTable } from './schema.ts';
import type { Selectable } from 'kysely';
import { supportedLanguages, type Language } from '../../core/clinic/clinic-config.ts';

function isLanguage(value: string | null): value is Language {
  return value !== null && (supportedLanguages as readonly string[]).includes(value);
}

export function patientsRepository(db: Kysely<Database>, cipher: Cipher): Repositories['patients'] {
  const waHash = (waId: string) => cipher.blindIndex('wa_id', waId);
  const userHash = (userId: string) => cipher.blindIndex('user_id', userId);
  const toRecord = (row: Selectable<PatientsTable>): PatientRecord => ({
    id: row.id,
    waId: row.wa_id_enc === null ? undefined : cipher.decrypt(row.wa_id_enc),
    userId: row.user_id_enc === null ? undefined : cipher.decrypt(row.user_id_enc),
    lastInboundAt: row.last_inbound_at ?? undefined,
    language: isLanguage(row.language) ? row.language : undefined,
    optedOut: row.opted_out_at !== null,
    hasDetails: row.full_name_enc !== null && row.birth_date_enc !== null,
    ...(row.profile_name_enc === null ? {} : { profileName: cipher.decrypt(row.profile_name_enc) }),
  });

  async function findByChannelId(ref: { waId?: string; userId?: string }) {
    if (ref.waId !== undefined) {
      const row = await db.selectFrom('patients').selectAll().where('wa_id_hash', '=', waHash(ref.waId)).executeTakeFirst();
      if (row !== undefined) return toRecord(row);
    }
    if (ref.userId !== undefined) {
      const row = await db.selectFrom('patients').selectAll().where('user_id_hash', '=', userHash(ref.userId)).executeTakeFirst();
      if (row !== undefined) return toRecord(row);
    }
    return undefined;
  }

  return {
    findByChannelId,

    async create(ref, at) {
      if (ref.waId === undefined && ref.userId === undefined) throw new DomainError('invalid_input', 'a patient needs a WhatsApp id or user id');
      const inserted = await db
        .insertInto('patients')
        .values({
          wa_id_hash: ref.waId === undefined ? null : waHash(ref.waId),
          wa_id_enc: ref.waId === undefined ? null : cipher.encrypt(ref.waId),
          user_id_hash: ref.userId === undefined ? null : userHash(ref.userId),
          user_id_enc: ref.userId === undefined ? null : cipher.encrypt(ref.userId),
          // The WhatsApp profile name is personal data: kept only once the patient consents (noteInbound).
          profile_name_enc: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) return toRecord(inserted);
      // Another worker created the same patient a moment ago.
      const existing = await findByChannelId(ref);
      if (existing === undefined) throw new DomainError('conflict', 'patient could not be created');
      return existing;
    },

    async get(id) {
      const row = await db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw new DomainError('not_found', 'patient not found', { patientId: id });
      return toRecord(row);
    },

    async noteInbound(id, at, profileName) {
      const consented = () => db.selectFrom('consents').select('decision').where('consents.patient_id', '=', id).orderBy('decided_at', 'desc').limit(1);
      await db
        .updateTable('patients')
        .set((eb) => ({
          last_inbound_at: eb.fn('greatest', [eb.ref('last_inbound_at'), eb.val(at)]),
          // updated_at marks a change of identity data (staff search re-indexes on it), not a new message.
          ...(profileName === undefined
            ? {}
            : {
                profile_name_enc: eb.case().when(consented(), '=', 'granted').then(cipher.encrypt(profileName)).else(eb.ref('profile_name_enc')).end(),
                updated_at: eb.case().when(consented(), '=', 'granted').then(new Date()).else(eb.ref('updated_at')).end(),
              }),
        }))
        .where('id', '=', id)
        .execute();
    },

    async setLanguage(id, language) {
      await db.updateTable('patients').set({ language, updated_at: new Date() }).where('id', '=', id).execute();
    },

    async setDetails(id, details, at) {
      await db
        .updateTable('patients')
        .set({ full_name_enc: cipher.encrypt(details.fullName), birth_date_enc: cipher.encrypt(details.birthDate), updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    async getDetails(id) {
      const row = await db.selectFrom('patients').select(['full_name_enc', 'birth_date_enc']).where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw new DomainError('not_found', 'patient not found', { patientId: id });
      return {
        fullName: row.full_name_enc == null ? undefined : cipher.decrypt(row.full_name_enc),
        birthDate: row.birth_date_enc == null ? undefined : cipher.decrypt(row.birth_date_enc),
      };
    },

    async forgetProfileName(id) {
      await db.updateTable('patients').set({ profile_name_enc: null, updated_at: new Date() }).where('id', '=', id).execute();
    },

    async setOptedOut(id, optedOut, at) {
      await db
        .updateTable('patients')
        .set(optedOut ? { opted_out_at: at, updated_at: at } : { opted_out_at: null, opted_in_at: at, updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    async changeWaId(id, newWaId) {
      await db
        .updateTable('patients')
        .set({ wa_id_hash: waHash(newWaId), wa_id_enc: cipher.encrypt(newWaId), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },
  };
}
