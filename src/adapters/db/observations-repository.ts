import type { Kysely } from 'kysely';
import type { Cipher, ObservationsStore } from '../../app/ports.ts';
import type { VitalTargets } from '../../core/vitals/assess-vital.ts';
import type { FhirObservation } from '../../core/vitals/to-observation.ts';
import type { Database } from './schema.ts';

export function observationsRepository(db: Kysely<Database>, cipher: Cipher): ObservationsStore {
  return {
    async record({ patientId, communicationId, kind, interpretation, resource, effectiveAt, at }) {
      const row = await db
        .insertInto('observations')
        .values({
          patient_id: patientId,
          communication_id: communicationId ?? null,
          kind,
          interpretation,
          resource_enc: cipher.encrypt(JSON.stringify(resource)),
          effective_at: effectiveAt,
          recorded_at: at,
        })
        .onConflict((oc) => oc.columns(['communication_id', 'kind', 'effective_at']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row === undefined ? undefined : row.id;
    },

    async listForPatient(patientId, options) {
      let query = db.selectFrom('observations').selectAll().where('patient_id', '=', patientId);
      if (options?.kind !== undefined) query = query.where('kind', '=', options.kind);
      if (options?.since !== undefined) query = query.where('effective_at', '>=', options.since);
      const rows = await query.orderBy('effective_at', 'desc').limit(options?.limit ?? 200).execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind as FhirObservationKind,
        interpretation: row.interpretation,
        effectiveAt: row.effective_at,
        resource: JSON.parse(cipher.decrypt(row.resource_enc)) as FhirObservation,
      }));
    },

    async targetsFor(patientId) {
      const row = await db.selectFrom('patient_vital_targets').select('targets_enc').where('patient_id', '=', patientId).executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(cipher.decrypt(row.targets_enc)) as VitalTargets);
    },

    async setTargets(patientId, targets, setBy, at) {
      const targets_enc = cipher.encrypt(JSON.stringify(targets));
      await db
        .insertInto('patient_vital_targets')
        .values({ patient_id: patientId, targets_enc, set_by: setBy, updated_at: at })
        .onConflict((oc) => oc.column('patient_id').doUpdateSet({ targets_enc, set_by: setBy, updated_at: at }))
        .execute();
    },
  };
}

type FhirObservationKind = Parameters<ObservationsStore['record']>[0]['kind'];
