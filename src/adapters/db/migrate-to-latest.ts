import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as spine from './migrations/0001-spine.ts';
import * as assistant from './migrations/0002-assistant.ts';
import * as scheduling from './migrations/0003-scheduling.ts';
import * as patientDetails from './migrations/0004-patient-details.ts';
import * as bookingExtras from './migrations/0005-booking-extras.ts';
import * as reminders from './migrations/0006-reminders.ts';
import * as staff from './migrations/0007-staff.ts';
import * as triage from './migrations/0008-triage.ts';
import * as sendClaims from './migrations/0009-send-claims.ts';
import * as auditSealing from './migrations/0010-audit-sealing.ts';
import * as observations from './migrations/0011-observations.ts';
import * as resultsDelivery from './migrations/0012-results.ts';
import * as careRequests from './migrations/0014-care-requests.ts';
import * as feedback from './migrations/0015-feedback.ts';
import * as staffPanel from './migrations/0016-staff-panel.ts';
import * as inboundSenderOrder from './migrations/0017-inbound-sender-order.ts';
import * as stalledReplies from './migrations/0018-stalled-replies.ts';
import * as busyTimeVersions from './migrations/0019-busy-time-versions.ts';
import * as providerSchedules from './migrations/0020-provider-schedules.ts';

/**
 * Migrations are listed here (not discovered on disk) so every install runs exactly this set.
 * Each migration stands alone (its own tables and columns), and parallel work may land a
 * lower number after a higher one: unordered migrations are allowed, so an install that already
 * ran a later number still applies the earlier one it has not seen.
 */
const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-assistant': assistant,
  '0003-scheduling': scheduling,
  '0004-patient-details': patientDetails,
  '0005-booking-extras': bookingExtras,
  '0006-reminders': reminders,
  '0007-staff': staff,
  '0008-triage': triage,
  '0009-send-claims': sendClaims,
  '0010-audit-sealing': auditSealing,
  '0011-observations': observations,
  '0012-results': resultsDelivery,
  '0014-care-requests': careRequests,
  '0015-feedback': feedback,
  '0016-staff-panel': staffPanel,
  '0017-inbound-sender-order': inboundSenderOrder,
  '0018-stalled-replies': stalledReplies,
  '0019-busy-time-versions': busyTimeVersions,
  '0020-provider-schedules': providerSchedules,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'hale_migrations', migrationLockTableName: 'hale_migrations_lock', allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
