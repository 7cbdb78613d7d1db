/**
 * assessSymptoms (the use case behind the authenticated POST /api/v1/triage) against a real
 * database: the four levels with the clinic's departments, validation, and the audit row
 * (without the patient's words).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assessSymptoms } from '../src/app/assess-symptoms.ts';
import { DomainError } from '../src/core/domain-error.ts';
import { loadClinicConfig, demoClinicConfigPath } from '../src/adapters/clinic-config/load-clinic-config.ts';
import { verifyAuditChain } from '../src/adapters/db/audit-log.ts';
import { openBookingFixture, type BookingFixture } from './support/booking-fixture.ts';
import type { ClinicConfig } from '../src/core/clinic/clinic-config.ts';

let f: BookingFixture;
let clinic: ClinicConfig;
before(async () => {
  f = await openBookingFixture();
  clinic = await loadClinicConfig(demoClinicConfigPath);
});
after(async () => {
  await f?.close();
});

const staff = { type: 'staff' as const, id: 'staff-1' };

test('four levels, the clinic’s department, follow-up questions; one audit row per assessment without the text', async () => {
  const deps = { tx: f.tx, clock: f.clock, clinic };
  const [patientId] = await f.createPatients(1);
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [{ text: 'crushing chest pain, sweating', lang: 'en' }, 'emergency', 'emergency'],
    [{ text: 'me arde al orinar', sex: 'male' }, 'urgent', 'general'],
    [{ text: 'Mein Muttermal hat sich verändert' }, 'routine', 'dermatology'],
    [{ text: 'earache since yesterday', ageYears: 4, patientId }, 'self_care', 'paediatrics'],
  ];
  for (const [body, level, department] of cases) {
    const result = await assessSymptoms(deps, staff, body);
    assert.equal(result.level, level, JSON.stringify(body));
    assert.equal(result.department, department, JSON.stringify(body));
  }
  const withAnswer = await assessSymptoms(deps, staff, { text: 'I have chest pain', answers: { q_chest_features: 'no' } });
  assert.deepEqual([withAnswer.level, withAnswer.questions], ['urgent', []]);
  const rows = await f.databases[0]!.db.selectFrom('audit_events').selectAll().where('action', '=', 'triage.assessed').execute();
  assert.equal(rows.length, 5);
  assert.ok(rows.every((r) => r.actor_id === 'staff-1'));
  assert.ok(rows.some((r) => r.patient_id === patientId));
  assert.ok(!JSON.stringify(rows).includes('orinar') && !JSON.stringify(rows).includes('chest'), 'no patient words in the audit log');
  assert.equal((await verifyAuditChain(f.databases[0]!.db)).brokenAt, undefined);
});

test('bad input: a clear error listing every problem, nothing audited', async () => {
  const deps = { tx: f.tx, clock: f.clock, clinic };
  const before = (await f.databases[0]!.db.selectFrom('audit_events').select('id').execute()).length;
  await assert.rejects(
    () => assessSymptoms(deps, staff, { text: '', ageYears: -1, lang: 'it', extra: 1 }),
    (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && JSON.stringify(e.details).includes('text') && JSON.stringify(e.details).includes('ageYears') && JSON.stringify(e.details).includes('lang'),
  );
  await assert.rejects(() => assessSymptoms(deps, staff, 'chest pain'), (e: unknown) => e instanceof DomainError && e.code === 'invalid_input');
  assert.equal((await f.databases[0]!.db.selectFrom('audit_events').select('id').execute()).length, before);
});
