import type { Effect } from '../core/assistant/effects.ts';
import type { Repositories } from './ports.ts';

type ReminderAnswer = Extract<Effect, { type: 'reminder.answered' }>;

/**
 * Records a patient's answer to a reminder button, in the assistant's transaction. The ids come
 * from the patient's tap, so nothing happens unless the subject is theirs. Confirm marks the
 * appointment confirmed; dose answers record adherence (Snooze plans one more prompt); "Request
 * refill" creates a refill request and alerts staff; a follow-up's "Book now" is noted.
 */
export async function applyReminderAnswer(repos: Repositories, effect: ReminderAnswer, ids: { patientId: string; at: Date }): Promise<void> {
  const { patientId, at } = ids;
  switch (effect.subject) {
    case 'appointment': {
      const appointment = await repos.appointments.find(effect.subjectId).catch(() => undefined);
      if (appointment?.patientId !== patientId || appointment.status !== 'booked') return;
      await repos.carePlans.markConfirmed(appointment.id, at);
      await repos.reminders.recordOutcome(appointment.id, 'confirmed', at);
      await repos.audit.append({ actorType: 'patient', actorId: patientId, action: 'appointment.confirmed_by_patient', entityType: 'Appointment', entityId: appointment.id, patientId, outcome: 'success' }, at);
      return;
    }
    case 'dose': {
      const dose = await repos.carePlans.findDose(effect.subjectId).catch(() => undefined);
      if (dose?.patientId !== patientId) return;
      if (effect.answer === 'snoozed') {
        if (dose.state !== 'pending') return;
        const snoozes = await repos.carePlans.snoozeDose(dose.id);
        const dueAt = new Date(at.getTime() + (effect.snoozeMinutes ?? 30) * 60_000);
        await repos.reminders.plan([{ key: `dose:${dose.id}:snooze:${snoozes}`, patientId, kind: 'medication_dose', subjectId: dose.id, dueAt, detail: { snooze: snoozes } }], at);
        await repos.reminders.recordOutcome(dose.id, 'snoozed', at);
        return;
      }
      const state = effect.answer === 'taken' ? 'taken' : 'skipped';
      if (!(await repos.carePlans.answerDose(dose.id, state, at))) return;
      await repos.reminders.cancelForSubject(dose.id, `dose_${state}`, at);
      await repos.reminders.recordOutcome(dose.id, state, at);
      await repos.audit.append({ actorType: 'patient', actorId: patientId, action: `medication.dose_${state}`, entityType: 'MedicationAdministration', entityId: dose.id, patientId, outcome: 'success', detail: { planId: dose.planId } }, at);
      return;
    }
    case 'refill': {
      const plan = await repos.carePlans.findMedicationPlan(effect.subjectId).catch(() => undefined);
      if (plan?.patientId !== patientId) return;
      const request = await repos.carePlans.createRefillRequest(plan.id, patientId, plan.runsOutOn, at);
      if (!request.created) return;
      await repos.reminders.recordOutcome(plan.id, 'refill_requested', at);
      await repos.reminders.alert({ kind: 'refill_requested', dedupeKey: `refill:${request.id}`, patientId, subjectId: plan.id, detail: { refillRequestId: request.id } }, at);
      await repos.audit.append({ actorType: 'patient', actorId: patientId, action: 'medication.refill_requested', entityType: 'MedicationRequest', entityId: request.id, patientId, outcome: 'success', detail: { planId: plan.id } }, at);
      return;
    }
    case 'follow_up': {
      const followUp = await repos.carePlans.findFollowUp(effect.subjectId).catch(() => undefined);
      if (followUp?.patientId !== patientId) return;
      await repos.reminders.recordOutcome(followUp.id, 'booked', at);
      return;
    }
  }
}
