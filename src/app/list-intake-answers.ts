import type { Clock, QuestionnaireResponseRecord, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock };

/**
 * Staff: the pre-visit questionnaire answers of an appointment (FHIR QuestionnaireResponse),
 * decrypted. Reading them is a disclosure of PHI: one audit row per response read.
 */
export async function listIntakeAnswers(deps: Deps, input: { appointmentId: string; staffId: string }): Promise<QuestionnaireResponseRecord[]> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const responses = await repos.questionnaires.listForAppointment(input.appointmentId);
    for (const response of responses) {
      await repos.audit.append(
        { actorType: 'staff', actorId: input.staffId, action: 'questionnaire_response.read', entityType: 'QuestionnaireResponse', entityId: response.id, patientId: response.patientId, outcome: 'success', detail: { appointmentId: input.appointmentId } },
        now,
      );
    }
    return responses;
  });
}
