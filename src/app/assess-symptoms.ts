/**
 * Assesses one free-text symptom description for a staff member or an integration (the use case
 * behind the authenticated `POST /api/v1/triage`): the same single-message assessment as
 * `npm run triage` and the chat, with the clinic's departments. Validates the request (bad
 * input → DomainError 'invalid_input' with every problem), and writes one audit row (who asked,
 * the level; never the text).
 */
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { assessTriage, type TriageAssessment } from '../core/triage/assess-triage.ts';
import { triageRequestSchema } from '../core/triage/triage-request.ts';
import type { AuditEntry, Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

export async function assessSymptoms(deps: Deps, actor: { type: AuditEntry['actorType']; id: string }, body: unknown): Promise<TriageAssessment> {
  const parsed = triageRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new DomainError('invalid_input', 'invalid triage request', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const request = parsed.data;
  const assessment = assessTriage({
    text: request.text,
    departments: deps.clinic.departments.map((d) => d.id),
    ...(request.lang === undefined ? {} : { lang: request.lang }),
    ...(request.ageYears === undefined ? {} : { ageYears: request.ageYears }),
    ...(request.sex === undefined ? {} : { sex: request.sex }),
    ...(request.pregnant === undefined ? {} : { pregnant: request.pregnant }),
    ...(request.answers === undefined ? {} : { answers: request.answers }),
  });
  await deps.tx.run((repos) =>
    repos.audit.append(
      {
        actorType: actor.type,
        actorId: actor.id,
        action: 'triage.assessed',
        entityType: 'QuestionnaireResponse',
        ...(request.patientId === undefined ? {} : { patientId: request.patientId }),
        outcome: 'success',
        detail: { level: assessment.level, rulesVersion: assessment.rulesVersion, redFlags: assessment.redFlags.length },
      },
      deps.clock.now(),
    ),
  );
  return assessment;
}
