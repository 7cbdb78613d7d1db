import type { Kysely } from 'kysely';
import type { ProviderScheduleRecord, Repositories } from '../../app/ports.ts';
import type { ProviderException, WeeklyHours } from '../../core/clinic/clinic-config.ts';
import type { Database } from './schema.ts';

export function providerSchedulesRepository(db: Kysely<Database>): Repositories['providerSchedules'] {
  return {
    async all() {
      const rows = await db.selectFrom('provider_schedules').selectAll().orderBy('practitioner_id').execute();
      return rows.map(
        (row): ProviderScheduleRecord => ({
          practitionerId: row.practitioner_id,
          weeklyHours: (row.weekly_hours ?? undefined) as WeeklyHours | undefined,
          exceptions: (row.exceptions ?? []) as ProviderException[],
          updatedBy: row.updated_by,
          updatedAt: row.updated_at,
        }),
      );
    },
    async put(record) {
      const values = {
        practitioner_id: record.practitionerId,
        weekly_hours: record.weeklyHours === undefined ? null : JSON.stringify(record.weeklyHours),
        exceptions: JSON.stringify(record.exceptions),
        updated_by: record.updatedBy,
        updated_at: record.updatedAt,
      };
      await db
        .insertInto('provider_schedules')
        .values(values)
        .onConflict((oc) => oc.column('practitioner_id').doUpdateSet({ weekly_hours: values.weekly_hours, exceptions: values.exceptions, updated_by: values.updated_by, updated_at: values.updated_at }))
        .execute();
    },
    async remove(practitionerId) {
      const result = await db.deleteFrom('provider_schedules').where('practitioner_id', '=', practitionerId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      return true;
    },
  };
}
