/**
 * Answers to reminder buttons (template quick replies or session buttons, see
 * core/reminders/decide-reminder-send.ts): Confirm records the confirmation; Cancel goes through
 * the cancel use case (with its cut-off); Reschedule enters booking for the same service and
 * moves the appointment when a new time is confirmed; dose prompts record Taken / Snooze / Skip;
 * "Request refill" creates a refill request; a follow-up's "Book now" starts booking.
 */
import type { AssistantRequest } from './effects.ts';
import { handleBookingChoice, startBooking } from './booking-flow.ts';
import { replyText, say, type Turn } from './turn.ts';

export const reminderChoicePattern = /^(rem|med|refill|fu):/;

export function handleReminderChoice(turn: Turn, choiceId: string): AssistantRequest | undefined {
  const [group, action, id, extra] = choiceId.split(':') as [string, string, string | undefined, string | undefined];
  if (id === undefined || id === '') return undefined;
  turn.state.step = 'menu';
  switch (`${group}:${action}`) {
    case 'rem:confirm':
      turn.effects.push({ type: 'reminder.answered', subject: 'appointment', subjectId: id, answer: 'confirmed' });
      replyText(turn, say(turn, 'reminderConfirmed'));
      return undefined;
    case 'rem:cancel':
      return { type: 'cancel', appointmentId: id };
    case 'rem:reschedule': {
      const serviceId = extra ?? '';
      const request = handleBookingChoice(turn, `svc:${serviceId}`);
      if (turn.state.booking !== undefined) turn.state.booking.rescheduleOf = id;
      return request;
    }
    case 'med:taken':
    case 'med:snooze':
    case 'med:skip': {
      const answer = action === 'taken' ? 'taken' : action === 'snooze' ? 'snoozed' : 'skipped';
      const minutes = turn.config.reminders.snoozeMinutes;
      turn.effects.push({ type: 'reminder.answered', subject: 'dose', subjectId: id, answer, snoozeMinutes: minutes });
      replyText(turn, say(turn, answer === 'taken' ? 'reminderTakenReply' : answer === 'snoozed' ? 'reminderSnoozedReply' : 'reminderSkippedReply', { minutes: String(minutes) }));
      return undefined;
    }
    case 'refill:request':
      turn.effects.push({ type: 'reminder.answered', subject: 'refill', subjectId: id, answer: 'refill_requested' });
      replyText(turn, say(turn, 'reminderRefillRequested'));
      return undefined;
    case 'fu:book': {
      const known = extra !== undefined && turn.config.departments.some((d) => d.services.some((s) => s.id === extra));
      turn.effects.push({ type: 'reminder.answered', subject: 'follow_up', subjectId: id, answer: 'booked' });
      if (!known) {
        startBooking(turn);
        return undefined;
      }
      return handleBookingChoice(turn, `svc:${extra}`);
    }
    case 'refill:later':
    case 'fu:later':
      replyText(turn, say(turn, 'reminderLaterReply'));
      return undefined;
    default:
      return undefined;
  }
}
