import type { AppointmentRecord, Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock };

/**
 * "My appointments": the patient's upcoming pending, booked and arrived appointments, soonest
 * first; with `history`, every appointment including past and cancelled ones.
 */
export async function listPatientAppointments(deps: Deps, input: { patientId: string; history?: boolean; limit?: number }): Promise<AppointmentRecord[]> {
  const now = deps.clock.now();
  const limit = input.limit ?? 50;
  return deps.tx.run((repos) =>
    input.history === true
      ? repos.appointments.listForPatient(input.patientId, { limit })
      : repos.appointments.listForPatient(input.patientId, { endsAfter: now, statuses: ['pending', 'booked', 'arrived'], limit }),
  );
}
