import type { VitalTargets } from '../core/vitals/assess-vital.ts';
import type { Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock };

/** A patient's home measurements for staff (newest first); the read is audited. */
export async function listPatientObservations(deps: Deps, input: { patientId: string; staffId: string }) {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const observations = await repos.observations.listForPatient(input.patientId);
    const targets = await repos.observations.targetsFor(input.patientId);
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'observations.viewed', entityType: 'Patient', entityId: input.patientId, patientId: input.patientId, outcome: 'success', detail: { count: observations.length } }, now);
    return { targets: targets ?? {}, observations: observations.map((o) => ({ id: o.id, kind: o.kind, interpretation: o.interpretation, effectiveAt: o.effectiveAt.toISOString(), resource: o.resource })) };
  });
}

/** A clinician sets a patient's target ranges; later readings are judged against them. Audited. */
export async function setVitalTargets(deps: Deps, input: { patientId: string; staffId: string; targets: VitalTargets }): Promise<void> {
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    await repos.patients.get(input.patientId); // unknown patient → not_found
    await repos.observations.setTargets(input.patientId, input.targets, `staff:${input.staffId}`, now);
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'vital_targets.set', entityType: 'Patient', entityId: input.patientId, patientId: input.patientId, outcome: 'success', detail: { kinds: Object.keys(input.targets).length } }, now);
  });
}
