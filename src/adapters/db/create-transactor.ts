import type { Kysely } from 'kysely';
import type { Cipher, JobQueue, Repositories, Transactor } from '../../app/ports.ts';
import { appointmentsRepository } from './appointments-repository.ts';
import { auditLog, bufferedAuditLog } from './audit-log.ts';
import { communicationsRepository } from './communications-repository.ts';
import { consentsRepository } from './consents-repository.ts';
import { conversationsRepository } from './conversations-repository.ts';
import { eventsRepository } from './events-repository.ts';
import { mediaRepository } from './media-repository.ts';
import { patientsRepository } from './patients-repository.ts';
import { questionnaireResponsesRepository } from './questionnaire-responses-repository.ts';
import { slotHoldsRepository } from './slot-holds-repository.ts';
import { waitlistRepository } from './waitlist-repository.ts';
import { questionnairesRepository } from './questionnaires-repository.ts';
import type { Database } from './schema.ts';
import { observationsRepository } from './observations-repository.ts';
import { remindersRepository } from './reminders-repository.ts';
import { carePlansRepository } from './care-plans-repository.ts';
import { providerSchedulesRepository } from './provider-schedules-repository.ts';
import { refillsRepository } from './refills-repository.ts';
import { patientDocumentsRepository } from './patient-documents-repository.ts';
import { feedbackRepository } from './feedback-repository.ts';
import { resultsRepository } from './results-repository.ts';

/**
 * Runs use-case work in one transaction (`run`) or statement by statement (`direct`). In a
 * transaction, audit rows are written together just before COMMIT (see bufferedAuditLog). `jobsFor`
 * gives a job queue over the same connection or transaction (pg-boss), so a stored row and its
 * job commit together.
 */
export function createTransactor(db: Kysely<Database>, cipher: Cipher, jobsFor: (db: Kysely<Database>) => JobQueue): Transactor {
  const reposFor = (db: Kysely<Database>, audit: Repositories['audit']): Repositories => ({
    events: eventsRepository(db, cipher),
    patients: patientsRepository(db, cipher),
    communications: communicationsRepository(db, cipher),
    media: mediaRepository(db),
    conversations: conversationsRepository(db, cipher),
    consents: consentsRepository(db),
    audit,
    jobs: jobsFor(db),
    appointments: appointmentsRepository(db),
    slotHolds: slotHoldsRepository(db),
    waitlist: waitlistRepository(db),
    observations: observationsRepository(db, cipher),
    questionnaireResponses: questionnaireResponsesRepository(db, cipher),
    questionnaires: questionnairesRepository(db, cipher),
    reminders: remindersRepository(db, cipher),
    carePlans: carePlansRepository(db, cipher),
    providerSchedules: providerSchedulesRepository(db),
    refills: refillsRepository(db, cipher),
    patientDocuments: patientDocumentsRepository(db, cipher),
    feedback: feedbackRepository(db, cipher),
    results: resultsRepository(db, cipher),
  });
  return {
    run(fn) {
      return db.transaction().execute(async (trx) => {
        const audit = bufferedAuditLog();
        const result = await fn(reposFor(trx, audit));
        await audit.flush(trx);
        return result;
      });
    },
    direct(fn) {
      return fn(reposFor(db, auditLog(db)));
    },
  };
}
