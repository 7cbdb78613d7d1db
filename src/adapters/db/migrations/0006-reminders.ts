import { sql, type Kysely } from 'kysely';

/**
 * Reminders and scheduled outreach:
 *
 * - `reminders`: every planned business-initiated send, once, under a unique `key`
 *   (e.g. `appt:<appointment>:1440`). Dispatch claims due rows with FOR UPDATE SKIP LOCKED and a
 *   lease (`sending` until `lease_until`); a row whose lease ran out is reconciled with its
 *   Communication (`communication_id`) before it is ever sent again.
 * - `medication_plans` / `medication_doses` (adherence), `refill_requests`, `follow_ups`.
 * - `outreach_recipients`: who received business-initiated messages in the last 24 hours (the
 *   daily unique-recipient limit), `staff_alerts` (ids and codes only, no PHI).
 * - Appointments get `attendance` (attended / no_show / cancelled_late), `confirmed_at`.
 * - Patients get an optional IANA `time_zone` (quiet hours; default: the clinic's).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE patients ADD COLUMN time_zone text`,
    sql`ALTER TABLE appointments ADD COLUMN attendance text CHECK (attendance IN ('attended', 'no_show', 'cancelled_late'))`,
    sql`ALTER TABLE appointments ADD COLUMN attendance_at timestamptz`,
    sql`ALTER TABLE appointments ADD COLUMN attendance_by text`,
    sql`ALTER TABLE appointments ADD COLUMN confirmed_at timestamptz`,
    sql`CREATE INDEX appointments_attendance_due_idx ON appointments (end_at) WHERE attendance IS NULL AND status IN ('booked', 'arrived')`,
    sql`CREATE TABLE reminders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key text NOT NULL UNIQUE,
      patient_id uuid NOT NULL REFERENCES patients (id),
      kind text NOT NULL CHECK (kind IN ('appointment', 'medication_dose', 'refill', 'follow_up')),
      subject_id uuid NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      due_at timestamptz NOT NULL,
      send_after timestamptz NOT NULL,
      state text NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'cancelled', 'skipped', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      lease_until timestamptz,
      claimed_by text,
      communication_id uuid REFERENCES communications (id),
      sent_as text CHECK (sent_as IN ('template', 'session')),
      deferred_reason text,
      skip_reason text,
      outcome text CHECK (outcome IN ('confirmed', 'rescheduled', 'cancelled', 'taken', 'snoozed', 'skipped', 'refill_requested', 'booked')),
      outcome_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      sent_at timestamptz
    )`,
    sql`CREATE INDEX reminders_due_idx ON reminders (send_after) WHERE state = 'planned'`,
    sql`CREATE INDEX reminders_lease_idx ON reminders (lease_until) WHERE state = 'sending'`,
    sql`CREATE INDEX reminders_subject_idx ON reminders (subject_id)`,
    sql`CREATE INDEX reminders_patient_idx ON reminders (patient_id, state)`,
    sql`CREATE TABLE medication_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      medication_enc text NOT NULL,
      dose_enc text NOT NULL,
      times text[] NOT NULL,
      days_of_week smallint[] NOT NULL,
      start_date date NOT NULL,
      end_date date,
      time_zone text NOT NULL,
      runs_out_on date,
      refill_days_before integer,
      state text NOT NULL CHECK (state IN ('active', 'stopped')),
      planned_until timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX medication_plans_active_idx ON medication_plans (planned_until) WHERE state = 'active'`,
    sql`CREATE TABLE medication_doses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES medication_plans (id),
      patient_id uuid NOT NULL REFERENCES patients (id),
      scheduled_at timestamptz NOT NULL,
      local_time text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'taken', 'skipped', 'missed', 'cancelled')),
      snoozes integer NOT NULL DEFAULT 0,
      answered_at timestamptz,
      UNIQUE (plan_id, scheduled_at)
    )`,
    sql`CREATE INDEX medication_doses_open_idx ON medication_doses (scheduled_at) WHERE state = 'pending'`,
    sql`CREATE TABLE refill_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES medication_plans (id),
      patient_id uuid NOT NULL REFERENCES patients (id),
      runs_out_on date,
      state text NOT NULL CHECK (state IN ('open', 'done', 'declined')),
      created_at timestamptz NOT NULL,
      UNIQUE (plan_id, runs_out_on)
    )`,
    sql`CREATE TABLE follow_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      kind text NOT NULL CHECK (kind IN ('follow_up', 'screening')),
      service_id text,
      due_on date NOT NULL,
      note_enc text,
      state text NOT NULL CHECK (state IN ('planned', 'reminded', 'booked', 'cancelled')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    sql`CREATE TABLE outreach_recipients (
      sender text NOT NULL,
      patient_id uuid NOT NULL REFERENCES patients (id),
      last_sent_at timestamptz NOT NULL,
      PRIMARY KEY (sender, patient_id)
    )`,
    sql`CREATE INDEX outreach_recipients_window_idx ON outreach_recipients (sender, last_sent_at)`,
    sql`CREATE TABLE staff_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      dedupe_key text NOT NULL UNIQUE,
      patient_id uuid REFERENCES patients (id),
      subject_id uuid,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL,
      acknowledged_at timestamptz,
      acknowledged_by text
    )`,
    sql`CREATE INDEX staff_alerts_open_idx ON staff_alerts (created_at) WHERE acknowledged_at IS NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP TABLE IF EXISTS staff_alerts`,
    sql`DROP TABLE IF EXISTS outreach_recipients`,
    sql`DROP TABLE IF EXISTS follow_ups`,
    sql`DROP TABLE IF EXISTS refill_requests`,
    sql`DROP TABLE IF EXISTS medication_doses`,
    sql`DROP TABLE IF EXISTS medication_plans`,
    sql`DROP TABLE IF EXISTS reminders`,
    sql`DROP INDEX IF EXISTS appointments_attendance_due_idx`,
    sql`ALTER TABLE appointments DROP COLUMN IF EXISTS confirmed_at`,
    sql`ALTER TABLE appointments DROP COLUMN IF EXISTS attendance_by`,
    sql`ALTER TABLE appointments DROP COLUMN IF EXISTS attendance_at`,
    sql`ALTER TABLE appointments DROP COLUMN IF EXISTS attendance`,
    sql`ALTER TABLE patients DROP COLUMN IF EXISTS time_zone`,
  ]) {
    await statement.execute(db);
  }
}
