import type { Kysely, Transaction } from 'kysely';
import type { Cipher, JobQueue, Repositories, Transactor } from '../../app/ports.ts';
import { auditLog } from './audit-log.ts';
import { communicationsRepository } from './communications-repository.ts';
import { consentsRepository } from './consents-repository.ts';
import { conversationsRepository } from './conversations-repository.ts';
import { eventsRepository } from './events-repository.ts';
import { mediaRepository } from './media-repository.ts';
import { patientsRepository } from './patients-repository.ts';
import type { Database } from './schema.ts';

/**
 * Runs use-case work in one transaction. `jobsFor` gives a job queue that enqueues inside the
 * same transaction (pg-boss over this connection), so a stored row and its job commit together.
 */
export function createTransactor(db: Kysely<Database>, cipher: Cipher, jobsFor: (trx: Transaction<Database>) => JobQueue): Transactor {
  return {
    run(fn) {
      return db.transaction().execute((trx) => {
        const repos: Repositories = {
          events: eventsRepository(trx, cipher),
          patients: patientsRepository(trx, cipher),
          communications: communicationsRepository(trx, cipher),
          media: mediaRepository(trx),
          conversations: conversationsRepository(trx, cipher),
          consents: consentsRepository(trx),
          audit: auditLog(trx),
          jobs: jobsFor(trx),
        };
        return fn(repos);
      });
    },
  };
}
