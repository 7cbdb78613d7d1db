import type { Kysely } from 'kysely';
import type { Cipher, JobQueue, Repositories, Transactor } from '../../app/ports.ts';
import { appointmentsRepository } from './appointments-repository.ts';
import { auditLog } from './audit-log.ts';
import { communicationsRepository } from './communications-repository.ts';
import { consentsRepository } from './consents-repository.ts';
import { conversationsRepository } from './conversations-repository.ts';
import { eventsRepository } from './events-repository.ts';
import { mediaRepository } from './media-repository.ts';
import { patientsRepository } from './patients-repository.ts';
import { slotHoldsRepository } from './slot-holds-repository.ts';
import { waitlistRepository } from './waitlist-repository.ts';
import type { Database } from './schema.ts';
import { remindersRepository } from './reminders-repository.ts';
import { carePlansRepository } from './care-plans-repository.ts';

/**
 * Runs use-case work in one transaction (`run`) or statement by statement (`direct`). `jobsFor`
 * gives a job queue over the same connection or transaction (pg-boss), so a stored row and its
 * job commit together.
 */
export function createTransactor(db: Kysely<Database>, cipher: Cipher, jobsFor: (db: Kysely<Database>) => JobQueue): Transactor {
  const reposFor = (db: Kysely<Database>): Repositories => ({
    events: eventsRepository(db, cipher),
    patients: patientsRepository(db, cipher),
    communications: communicationsRepository(db, cipher),
    media: mediaRepository(db),
    conversations: conversationsRepository(db, cipher),
    consents: consentsRepository(db),
    audit: auditLog(db),
    jobs: jobsFor(db),
    appointments: appointmentsRepository(db),
    slotHolds: slotHoldsRepository(db),
    waitlist: waitlistRepository(db),
    reminders: remindersRepository(db, cipher),
    carePlans: carePlansRepository(db, cipher),
  });
  return {
    run(fn) {
      return db.transaction().execute((trx) => fn(reposFor(trx)));
    },
    direct(fn) {
      return fn(reposFor(db));
    },
  };
}
