import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** SQLSTATE of an exclusion-constraint violation, which every double-booking guard raises. */
const EXCLUSION_VIOLATION = '23P01';

export function isGuardRejection(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === EXCLUSION_VIOLATION;
}

/**
 * Runs a write the double-booking guard may refuse. Inside a transaction it runs under a
 * savepoint, so a refusal leaves the transaction usable (to look up alternatives, or to carry on).
 * Resolves `{ ok: false }` on a guard refusal; any other error is rethrown.
 */
export async function writeUnderGuard<T>(db: Kysely<Database>, write: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  if (!db.isTransaction) {
    try {
      return { ok: true, value: await write() };
    } catch (error) {
      if (isGuardRejection(error)) return { ok: false };
      throw error;
    }
  }
  await sql`SAVEPOINT hale_slot_guard`.execute(db);
  try {
    const value = await write();
    await sql`RELEASE SAVEPOINT hale_slot_guard`.execute(db);
    return { ok: true, value };
  } catch (error) {
    try {
      await sql`ROLLBACK TO SAVEPOINT hale_slot_guard`.execute(db);
    } catch {
      throw error; // the connection itself failed: report the first error
    }
    if (isGuardRejection(error)) return { ok: false };
    throw error;
  }
}
