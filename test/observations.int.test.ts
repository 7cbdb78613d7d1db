/**
 * Home measurements are stored as FHIR Observations, encrypted at rest: the values never appear
 * in the database in plain text; a reading redelivered with its message is stored once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createFieldCipher } from '../src/adapters/crypto/create-field-cipher.ts';
import { createTransactor } from '../src/adapters/db/create-transactor.ts';
import { migrateToLatest } from '../src/adapters/db/migrate-to-latest.ts';
import { openDatabase, type OpenDatabase } from '../src/adapters/db/open-database.ts';
import type { JobQueue, Transactor } from '../src/app/ports.ts';
import { assessVital } from '../src/core/vitals/assess-vital.ts';
import { parseVitals } from '../src/core/vitals/parse-vitals.ts';
import { toObservation } from '../src/core/vitals/to-observation.ts';
import { createScratchDatabase, type ScratchDatabase } from './support/test-database.ts';

let scratch: ScratchDatabase;
let database: OpenDatabase;
let tx: Transactor;
const noJobs: JobQueue = { enqueue: async () => undefined, enqueueMany: async () => undefined };

before(async () => {
  scratch = await createScratchDatabase();
  database = await openDatabase(scratch.url === 'memory://' ? { kind: 'pglite', dataDir: undefined } : { kind: 'postgres', url: scratch.url, poolSize: 4 });
  await migrateToLatest(database.db as unknown as Kysely<unknown>);
  tx = createTransactor(database.db, createFieldCipher(Buffer.alloc(32, 9), []), () => noJobs);
});

after(async () => {
  await database?.close();
  await scratch?.drop();
});

test('observations and targets are stored encrypted, listed back, and a redelivery stores nothing twice', async () => {
  const at = new Date('2026-11-22T07:00:00Z');
  const patient = await tx.run((repos) => repos.patients.create({ waId: '4915112345678' }, at));
  const message = await sql<{ id: string }>`INSERT INTO communications (patient_id, direction, content_kind, content_enc, status, sender, created_at)
    VALUES (${patient.id}, 'inbound', 'text', 'x', 'received', 'patient', ${at}) RETURNING id`.execute(database.db);
  const communicationId = message.rows[0]!.id;
  const readings = parseVitals('bp 187/117, Blutzucker 163 mg/dl nüchtern').readings;
  assert.equal(readings.length, 2);
  for (let round = 0; round < 2; round++) {
    await tx.run(async (repos) => {
      for (const reading of readings) {
        const assessment = assessVital(reading);
        await repos.observations.record({ patientId: patient.id, communicationId, kind: reading.kind, interpretation: assessment.level, resource: toObservation(reading, { patientId: patient.id, effectiveAt: at, assessment, method: 'patient_message' }), effectiveAt: at, at });
      }
    });
  }
  await tx.run((repos) => repos.observations.setTargets(patient.id, { systolic: { high: 171 } }, 'staff:test', at));
  const listed = await tx.run((repos) => repos.observations.listForPatient(patient.id));
  assert.deepEqual(listed.map((o) => [o.kind, o.interpretation]).sort(), [['blood_pressure', 'danger'], ['glucose', 'out_of_range']]);
  const bp = listed.find((o) => o.kind === 'blood_pressure')!;
  assert.equal(bp.resource.component?.[0]?.valueQuantity.value, 187);
  assert.deepEqual(await tx.run((repos) => repos.observations.targetsFor(patient.id)), { systolic: { high: 171 } });

  const dump = await sql<{ t: string }>`SELECT (SELECT string_agg(o::text, ' ') FROM observations o) || (SELECT string_agg(t::text, ' ') FROM patient_vital_targets t) AS t`.execute(database.db);
  const text = dump.rows[0]!.t;
  // As a value of its own: three digits also turn up by chance inside random ids and ciphertext.
  const plain = (secret: string) => new RegExp(`(?<![0-9A-Za-z+/])${secret}(?![0-9A-Za-z+/])`);
  assert.ok(plain('187').test(JSON.stringify(bp.resource)), 'the check finds a value written as the resource writes it');
  for (const secret of ['187', '117', '163', '171', '8480-6']) assert.ok(!plain(secret).test(text), `"${secret}" is in the database in plain text`);
});
