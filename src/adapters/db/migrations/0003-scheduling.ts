import { sql, type Kysely } from 'kysely';

/**
 * Scheduling: appointments, short slot holds and the waitlist, with the double-booking guard
 * enforced by the database itself (valid on PostgreSQL 15 and on PGlite's PostgreSQL 18):
 *
 * 1. `appointments_no_overlap`: no two active (proposed, pending, booked, arrived) appointments
 *    of one practitioner overlap. A declarative exclusion constraint (btree_gist): it holds for
 *    concurrent transactions, any client, any code path.
 * 2. `slot_holds_no_overlap`: no two holds of different patients on one practitioner overlap
 *    (a patient's own new hold may overlap their old one, released in the same transaction).
 * 3. Holds against appointments (two tables, so a trigger): inserting a hold or an active
 *    appointment takes a transaction-scoped advisory lock per practitioner, then rejects a hold
 *    over an active appointment, or an appointment over another patient's live hold. Expired
 *    holds never count: the hold trigger deletes them under the same lock. "Live" is judged
 *    against the row's own time (`created_at` of the new hold, `updated_at` of the
 *    appointment), i.e. the application's clock, so both sides use one notion of now.
 *
 * Every rejection is SQLSTATE 23P01 (exclusion_violation) with the constraint's name.
 *
 * Lock order, so that concurrent bookings never deadlock: a transaction takes at most one
 * practitioner lock (`hale.slots`, practitioner), before it touches hold rows; the audit lock
 * comes last.
 */
/** Statuses that hold a practitioner's time for the guard (FHIR: proposed, pending, booked, arrived). */
const ACTIVE = sql.raw(`('proposed', 'pending', 'booked', 'arrived')`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE EXTENSION IF NOT EXISTS btree_gist`,
    sql`CREATE TABLE appointments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      practitioner_id text NOT NULL,
      service_id text NOT NULL,
      start_at timestamptz NOT NULL,
      end_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow')),
      mode text NOT NULL CHECK (mode IN ('in_person', 'video')),
      booked_via text NOT NULL CHECK (booked_via IN ('chat', 'staff')),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      cancelled_at timestamptz,
      cancel_reason text,
      rescheduled_from uuid REFERENCES appointments (id),
      version integer NOT NULL DEFAULT 0,
      CONSTRAINT appointments_time_order CHECK (start_at < end_at),
      CONSTRAINT appointments_no_overlap EXCLUDE USING gist (practitioner_id WITH =, tstzrange(start_at, end_at) WITH &&)
        WHERE (status IN ${ACTIVE})
    )`,
    sql`CREATE INDEX appointments_patient_idx ON appointments (patient_id, start_at)`,
    // Slot search reads every status that blocks time (core `blocksTime`: fulfilled too), which the
    // guard's index does not cover. Partial, so cancelled rows and history stay out of the way.
    sql`CREATE INDEX appointments_busy_idx ON appointments USING gist (practitioner_id, tstzrange(start_at, end_at))
      WHERE status IN ('proposed', 'pending', 'booked', 'arrived', 'fulfilled')`,
    sql`CREATE INDEX appointments_pending_idx ON appointments (start_at) WHERE status = 'pending'`,
    sql`CREATE TABLE slot_holds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      practitioner_id text NOT NULL,
      service_id text NOT NULL,
      start_at timestamptz NOT NULL,
      end_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      CONSTRAINT slot_holds_time_order CHECK (start_at < end_at AND created_at < expires_at),
      CONSTRAINT slot_holds_no_overlap EXCLUDE USING gist (practitioner_id WITH =, tstzrange(start_at, end_at) WITH &&, patient_id WITH <>)
    )`,
    sql`CREATE INDEX slot_holds_patient_idx ON slot_holds (patient_id)`,
    sql`CREATE INDEX slot_holds_expiry_idx ON slot_holds (practitioner_id, expires_at)`,
    sql`CREATE TABLE waitlist_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      service_id text NOT NULL,
      practitioner_id text,
      window_start timestamptz NOT NULL,
      window_end timestamptz NOT NULL,
      state text NOT NULL CHECK (state IN ('waiting', 'offered', 'booked', 'cancelled')),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      offered_at timestamptz,
      offered_practitioner_id text,
      offered_start_at timestamptz,
      appointment_id uuid REFERENCES appointments (id),
      CONSTRAINT waitlist_entries_window_order CHECK (window_start < window_end)
    )`,
    sql`CREATE INDEX waitlist_entries_queue_idx ON waitlist_entries (service_id, created_at) WHERE state IN ('waiting', 'offered')`,
    sql`CREATE INDEX waitlist_entries_patient_idx ON waitlist_entries (patient_id)`,
    sql`CREATE FUNCTION slot_holds_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('hale.slots'), hashtext(NEW.practitioner_id));
        -- Expired holds never count. SKIP LOCKED: a hold another transaction is deleting right now is left to it.
        DELETE FROM slot_holds WHERE id IN (
          SELECT id FROM slot_holds WHERE practitioner_id = NEW.practitioner_id AND expires_at <= NEW.created_at
          FOR UPDATE SKIP LOCKED
        );
        IF EXISTS (
          SELECT 1 FROM appointments
          WHERE practitioner_id = NEW.practitioner_id AND status IN ${ACTIVE}
            AND tstzrange(start_at, end_at) && tstzrange(NEW.start_at, NEW.end_at)
        ) THEN
          RAISE EXCEPTION 'the slot overlaps an active appointment'
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'slot_holds_no_overlap_appointment';
        END IF;
        RETURN NEW;
      END
    $$`,
    sql`CREATE TRIGGER slot_holds_guard BEFORE INSERT ON slot_holds FOR EACH ROW EXECUTE FUNCTION slot_holds_guard()`,
    // Holds are never edited: a new slot is a new hold.
    sql`CREATE FUNCTION slot_holds_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'slot_holds rows are not updated; delete and insert a new hold';
      END
    $$`,
    sql`CREATE TRIGGER slot_holds_no_update BEFORE UPDATE ON slot_holds FOR EACH ROW EXECUTE FUNCTION slot_holds_immutable()`,
    sql`CREATE FUNCTION appointments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status NOT IN ${ACTIVE} THEN
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status IN ${ACTIVE} AND OLD.practitioner_id = NEW.practitioner_id
          AND OLD.start_at = NEW.start_at AND OLD.end_at = NEW.end_at THEN
          RETURN NEW;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('hale.slots'), hashtext(NEW.practitioner_id));
        IF EXISTS (
          SELECT 1 FROM slot_holds
          WHERE practitioner_id = NEW.practitioner_id AND patient_id <> NEW.patient_id AND expires_at > NEW.updated_at
            AND tstzrange(start_at, end_at) && tstzrange(NEW.start_at, NEW.end_at)
        ) THEN
          RAISE EXCEPTION 'the slot is held by another patient'
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'appointments_no_overlap_hold';
        END IF;
        RETURN NEW;
      END
    $$`,
    sql`CREATE TRIGGER appointments_guard BEFORE INSERT OR UPDATE ON appointments FOR EACH ROW EXECUTE FUNCTION appointments_guard()`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP TABLE IF EXISTS waitlist_entries`,
    sql`DROP TABLE IF EXISTS slot_holds`,
    sql`DROP TABLE IF EXISTS appointments`,
    sql`DROP FUNCTION IF EXISTS appointments_guard()`,
    sql`DROP FUNCTION IF EXISTS slot_holds_guard()`,
    sql`DROP FUNCTION IF EXISTS slot_holds_immutable()`,
  ]) {
    await statement.execute(db);
  }
}
