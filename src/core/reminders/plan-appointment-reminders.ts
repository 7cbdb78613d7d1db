/** One appointment reminder to plan: due `offsetMinutes` before the start. */
export interface AppointmentReminderPlan {
  key: string;
  dueAt: Date;
  offsetMinutes: number;
}

/**
 * The reminders of one appointment: one per offset (minutes before the start), keyed by
 * appointment and offset so planning twice plans once. Offsets already past are left out
 * (booked 3 hours ahead: no 24-hour reminder, the 2-hour one stays).
 */
export function planAppointmentReminders(input: { appointmentId: string; start: Date; offsetsMinutes: readonly number[]; now: Date }): AppointmentReminderPlan[] {
  const offsets = [...new Set(input.offsetsMinutes)].sort((a, b) => b - a);
  return offsets
    .map((offsetMinutes) => ({ key: `appt:${input.appointmentId}:${offsetMinutes}`, dueAt: new Date(input.start.getTime() - offsetMinutes * 60_000), offsetMinutes }))
    .filter((plan) => plan.dueAt.getTime() > input.now.getTime());
}
