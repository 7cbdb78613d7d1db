import type { Kysely } from 'kysely';
import type { Repositories } from '../../app/ports.ts';
import type { Database } from './schema.ts';

/** Consent decisions, append-only (FHIR Consent: who, what policy version, when, from which message). */
export function consentsRepository(db: Kysely<Database>): Repositories['consents'] {
  return {
    async record({ patientId, decision, policyVersion, at, sourceCommunicationId }) {
      await db
        .insertInto('consents')
        .values({ patient_id: patientId, decision, policy_version: policyVersion, decided_at: at, source_communication_id: sourceCommunicationId ?? null })
        .execute();
    },

    async latestDecision(patientId) {
      const row = await db.selectFrom('consents').select('decision').where('patient_id', '=', patientId).orderBy('decided_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row?.decision;
    },
  };
}
