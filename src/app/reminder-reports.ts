import type { Transactor } from './ports.ts';

/** Booked appointments in the window the patient has not confirmed (with how many reminders went out): for staff to call. */
export function listUnconfirmedAppointments(deps: { tx: Transactor }, window: { from: Date; to: Date }) {
  return deps.tx.direct((repos) => repos.carePlans.listUnconfirmed(window));
}

/**
 * No-show rate per reminder outcome (confirmed, answered otherwise, sent without answer, no
 * reminder) over appointments in the window whose attendance is known: ready for analytics.
 */
export function noShowRateByReminderOutcome(deps: { tx: Transactor }, window: { from: Date; to: Date }) {
  return deps.tx.direct((repos) => repos.carePlans.noShowRateByReminderOutcome(window));
}
