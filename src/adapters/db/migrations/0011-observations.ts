import { sql, type Kysely } from 'kysely';

/**
 * Home measurements as FHIR Observations: the resource (values, units, LOINC code) encrypted;
 * kind, time and the interpretation in the clear so staff lists can sort and filter. Targets a
 * clinician set per patient, encrypted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE observations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      communication_id uuid REFERENCES communications (id),
      kind text NOT NULL CHECK (kind IN ('glucose', 'blood_pressure', 'weight', 'temperature', 'pulse', 'spo2')),
      interpretation text NOT NULL CHECK (interpretation IN ('danger', 'out_of_range', 'in_range')),
      resource_enc text NOT NULL,
      effective_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      UNIQUE (communication_id, kind, effective_at)
    )`,
    sql`CREATE INDEX observations_patient_idx ON observations (patient_id, kind, effective_at)`,
    sql`CREATE TABLE patient_vital_targets (
      patient_id uuid PRIMARY KEY REFERENCES patients (id),
      targets_enc text NOT NULL,
      set_by text NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS patient_vital_targets`.execute(db);
  await sql`DROP TABLE IF EXISTS observations`.execute(db);
}
