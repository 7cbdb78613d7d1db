/**
 * What to do with one due reminder, decided from plain data (pure: the dispatcher loads the
 * data and carries the decision out): skip it (no longer relevant, no consent, opted out),
 * defer it (quiet hours in the patient's zone), or send it — as a free-form message with
 * buttons while the 24-hour window is open, else as the clinic's approved template in the
 * patient's language (the default language's template when there is no translation).
 */
import { DateTime } from 'luxon';
import type { ClinicConfig, Language } from '../clinic/clinic-config.ts';
import { translate } from '../locales/translate.ts';
import type { MessageKey } from '../locales/en.ts';
import type { Choice, OutboundReply } from '../messages.ts';
import type { AppointmentStatus } from '../scheduling/appointment-status.ts';
import { nextSendableTime } from './quiet-hours.ts';
import { careText } from '../care/care-texts.ts';
import { ratingChoices } from '../assistant/care-flows.ts';

export type ReminderKind = 'appointment' | 'medication_dose' | 'refill' | 'follow_up' | 'survey';

/** Template purposes in the clinic config (`templates:`), one per reminder kind. */
export const templatePurposeOf: Record<ReminderKind, string> = {
  appointment: 'appointment_reminder',
  medication_dose: 'medication_reminder',
  refill: 'refill_reminder',
  follow_up: 'follow_up_reminder',
  survey: 'feedback_survey',
};

export type ReminderSubject =
  | { kind: 'appointment'; status: AppointmentStatus; start: Date; serviceId: string; practitionerId: string }
  | { kind: 'medication_dose'; state: string; planActive: boolean; scheduledAt: Date; doseText: string }
  | { kind: 'refill'; planActive: boolean; medication: string; runsOutOn: string | undefined }
  | { kind: 'follow_up'; state: string; followUpKind: 'follow_up' | 'screening'; serviceId: string | undefined }
  /** The visit feedback survey (subject: the appointment marked attended). */
  | { kind: 'survey'; answered: boolean; attendedAt: Date; serviceId: string };

export interface ReminderPatient {
  language: Language | undefined;
  lastInboundAt: Date | undefined;
  optedOut: boolean;
  /** The patient's latest consent decision is "granted" (opt-in). */
  consented: boolean;
  timeZone: string | undefined;
  /** How the template greets them: first name on file, else a neutral word. */
  firstName: string | undefined;
}

export interface DueReminder {
  id: string;
  kind: ReminderKind;
  subjectId: string;
  dueAt: Date;
}

export type ReminderDecision =
  | { action: 'skip'; reason: 'not_found' | 'no_consent' | 'opted_out' | 'no_longer_relevant' | 'too_late' }
  | { action: 'defer'; until: Date; reason: 'quiet_hours' }
  | { action: 'send'; reply: OutboundReply; as: 'template' | 'session' }
  | { action: 'fail'; reason: 'no_template' };

/** A session message needs this much of the 24-hour window left, or a template is used. */
const WINDOW_MARGIN_MS = 10 * 60_000;

export function decideReminderSend(
  input: { reminder: DueReminder; patient: ReminderPatient | undefined; subject: ReminderSubject | undefined },
  options: { config: ClinicConfig; now: Date; replyWindowHours: number },
): ReminderDecision {
  const { reminder, patient, subject } = input;
  const { config, now } = options;
  if (patient === undefined || subject === undefined) return { action: 'skip', reason: 'not_found' };
  if (patient.optedOut) return { action: 'skip', reason: 'opted_out' };
  if (!patient.consented) return { action: 'skip', reason: 'no_consent' };

  // Still relevant, and still in time once quiet hours are over?
  const latest = latestUsefulTime(subject, config);
  if (latest === 'irrelevant') return { action: 'skip', reason: 'no_longer_relevant' };
  if (latest !== undefined && now.getTime() >= latest.getTime()) return { action: 'skip', reason: 'too_late' };
  const zone = patient.timeZone ?? config.clinic.timeZone;
  const sendable = nextSendableTime(now, zone, config.reminders.quietHours);
  if (sendable.getTime() > now.getTime()) {
    if (latest !== undefined && sendable.getTime() >= latest.getTime()) return { action: 'skip', reason: 'too_late' };
    return { action: 'defer', until: sendable, reason: 'quiet_hours' };
  }

  const language = patient.language !== undefined && config.languages.supported.includes(patient.language) ? patient.language : config.languages.default;
  const content = contentOf(reminder, subject, config, language, patient);
  const windowOpen = patient.lastInboundAt !== undefined && now.getTime() - patient.lastInboundAt.getTime() < options.replyWindowHours * 3_600_000 - WINDOW_MARGIN_MS;
  if (windowOpen) {
    return { action: 'send', as: 'session', reply: { kind: 'choices', text: content.text, choices: content.choices, ...(content.buttonLabel === undefined ? {} : { buttonLabel: content.buttonLabel }) } };
  }
  const template = config.templates[templatePurposeOf[reminder.kind]];
  const code = template?.languages[language] ?? template?.languages[config.languages.default];
  if (template === undefined || code === undefined) return { action: 'fail', reason: 'no_template' };
  return {
    action: 'send',
    as: 'template',
    reply: { kind: 'template', name: template.name, language: code, bodyParams: content.templateParams, quickReplyPayloads: (content.templateChoices ?? content.choices).map((c) => c.id) },
  };
}

/** After this the reminder is pointless; 'irrelevant' when it already is. */
function latestUsefulTime(subject: ReminderSubject, config: ClinicConfig): Date | undefined | 'irrelevant' {
  switch (subject.kind) {
    case 'appointment':
      return subject.status === 'booked' || subject.status === 'pending' ? subject.start : 'irrelevant';
    case 'medication_dose':
      return subject.state === 'pending' && subject.planActive ? new Date(subject.scheduledAt.getTime() + config.reminders.doseAnswerWindowMinutes * 60_000) : 'irrelevant';
    case 'refill':
      return subject.planActive ? undefined : 'irrelevant';
    case 'follow_up':
      return subject.state === 'planned' || subject.state === 'reminded' ? undefined : 'irrelevant';
    case 'survey':
      return subject.answered ? 'irrelevant' : new Date(subject.attendedAt.getTime() + config.feedback.expireDays * 86_400_000);
  }
}

interface ReminderContent {
  text: string;
  choices: Choice[];
  templateParams: string[];
  /** The list's button label (more than three choices). */
  buttonLabel?: string;
  /** The template's quick replies, when they differ from the session message's choices. */
  templateChoices?: Choice[];
}

/** Template values may not hold newlines, tabs or long runs of spaces (Meta refuses them). */
function param(value: string): string {
  const clean = value.replace(/[\n\r\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return clean === '' ? '-' : clean.slice(0, 200);
}

function contentOf(reminder: DueReminder, subject: ReminderSubject, config: ClinicConfig, language: Language, patient: ReminderPatient): ReminderContent {
  const say = (key: MessageKey, params: Record<string, string> = {}) => translate(language, key, { clinic: config.clinic.name, ...params });
  const name = param(patient.firstName ?? say('reminderNameFallback'));
  const button = (id: string, key: MessageKey, params?: Record<string, string>): Choice => ({ id, title: say(key, params) });
  switch (subject.kind) {
    case 'appointment': {
      const start = DateTime.fromJSDate(subject.start, { zone: config.clinic.timeZone }).setLocale(language);
      const date = start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
      const time = start.toLocaleString(DateTime.TIME_SIMPLE);
      const practitioner = config.providers.find((p) => p.id === subject.practitionerId)?.name ?? config.clinic.name;
      const service = serviceName(config, subject.serviceId, language);
      return {
        text: say('reminderAppointment', { service, practitioner, date, time }),
        choices: [
          button(`rem:confirm:${reminder.subjectId}`, 'reminderConfirmButton'),
          button(`rem:reschedule:${reminder.subjectId}:${subject.serviceId}`, 'reminderRescheduleButton'),
          button(`rem:cancel:${reminder.subjectId}`, 'reminderCancelButton'),
        ],
        templateParams: [name, param(practitioner), param(date), param(time)],
      };
    }
    case 'medication_dose':
      return {
        text: say('reminderDose', { dose: subject.doseText }),
        choices: [
          button(`med:taken:${reminder.subjectId}`, 'reminderTakenButton'),
          button(`med:snooze:${reminder.subjectId}`, 'reminderSnoozeButton', { minutes: String(config.reminders.snoozeMinutes) }),
          button(`med:skip:${reminder.subjectId}`, 'reminderSkipButton'),
        ],
        templateParams: [name, param(subject.doseText)],
      };
    case 'refill': {
      const date = subject.runsOutOn === undefined ? '-' : DateTime.fromISO(subject.runsOutOn).setLocale(language).toLocaleString({ day: 'numeric', month: 'long' });
      return {
        text: say('reminderRefill', { medication: subject.medication, date }),
        choices: [button(`refill:request:${reminder.subjectId}`, 'reminderRefillButton'), button(`refill:later:${reminder.subjectId}`, 'reminderLaterButton')],
        templateParams: [name, param(subject.medication), param(date)],
      };
    }
    case 'follow_up': {
      const what = subject.serviceId === undefined ? say(subject.followUpKind === 'screening' ? 'reminderScreeningWhat' : 'reminderFollowUpWhat') : serviceName(config, subject.serviceId, language);
      return {
        text: say('reminderFollowUp', { what }),
        choices: [button(`fu:book:${reminder.subjectId}:${subject.serviceId ?? '-'}`, 'reminderBookButton'), button(`fu:later:${reminder.subjectId}`, 'reminderLaterButton')],
        templateParams: [name, param(what)],
      };
    }
    case 'survey': {
      // Five ratings make a list in a session message; a template gets one "Rate my visit" button that opens it.
      const service = serviceName(config, subject.serviceId, language);
      const care = (key: Parameters<typeof careText>[1], params: Record<string, string> = {}) => careText(language, key, { clinic: config.clinic.name, ...params });
      return {
        text: care('surveyQuestion', { service }),
        choices: ratingChoices(language, reminder.subjectId),
        buttonLabel: care('surveyButton'),
        templateChoices: [{ id: `fb:start:${reminder.subjectId}`, title: care('surveyStartButton') }],
        templateParams: [param(patient.firstName ?? care('surveyNameFallback')), param(service)],
      };
    }
  }
}

function serviceName(config: ClinicConfig, serviceId: string, language: Language): string {
  for (const department of config.departments) {
    const service = department.services.find((s) => s.id === serviceId);
    if (service !== undefined) return service.name[language] ?? service.name[config.languages.default] ?? serviceId;
  }
  return serviceId;
}
