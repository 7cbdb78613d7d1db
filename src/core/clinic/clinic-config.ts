/**
 * What a clinic configures (CLINIC_CONFIG, a YAML file; docs/clinic-config.md documents every
 * key). Parsed and validated at start by src/adapters/clinic-config; everything downstream
 * receives this typed, frozen object.
 */
import { z } from 'zod';

/** Languages Hale ships patient text for (src/core/locales). */
export const supportedLanguages = ['en', 'de', 'es', 'fr', 'pt'] as const;
export type Language = (typeof supportedLanguages)[number];
export const languageSchema = z.enum(supportedLanguages);

/** Text in several languages; the clinic's default language must be present (checked below). */
export const localizedTextSchema = z.partialRecord(languageSchema, z.string().trim().min(1));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30');
const intervalSchema = z
  .object({ open: time, close: time })
  .refine((i) => i.open < i.close, { message: 'open must be before close' });

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const openingHoursSchema = z.strictObject(
  Object.fromEntries(weekdays.map((d) => [d, z.array(intervalSchema).default([])])) as Record<Weekday, z.ZodDefault<z.ZodArray<typeof intervalSchema>>>,
);

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lowercase letters, digits, - or _ (max 64)');

const faqEntrySchema = z.strictObject({
  id: idSchema,
  /** Example questions per language: the NLU is trained on these. */
  questions: z.partialRecord(languageSchema, z.array(z.string().trim().min(2)).min(1)),
  /** The approved answer per language: the only text Hale sends for this entry. */
  answer: localizedTextSchema,
  /** Short label for near-miss buttons (≤20 characters), per language. */
  label: localizedTextSchema.optional(),
  link: z.url().optional(),
});

/** Booking limits; each service may override the clinic-wide `scheduling` values. */
const minNoticeMinutesSchema = z.number().int().min(0).max(43_200);
const horizonDaysSchema = z.number().int().min(1).max(730);
const cancellationCutoffHoursSchema = z.number().min(0).max(720);
const slotStepMinutesSchema = z.number().int().min(5).max(480);

const intakeQuestionSchema = z.strictObject({
  id: idSchema,
  /** The question per language (≤ 1,000 characters). */
  text: z.partialRecord(languageSchema, z.string().trim().min(1).max(1000)),
  /** `yes_no` shows Yes / No buttons; `text` takes a free answer. */
  answer: z.enum(['text', 'yes_no']).default('text'),
});

const serviceSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  durationMinutes: z.number().int().min(5).max(480),
  bufferMinutes: z.number().int().min(0).max(120).default(0),
  booking: z.enum(['instant', 'request']).default('instant'),
  mode: z.enum(['in_person', 'video']).default('in_person'),
  minNoticeMinutes: minNoticeMinutesSchema.optional(),
  horizonDays: horizonDaysSchema.optional(),
  cancellationCutoffHours: cancellationCutoffHoursSchema.optional(),
  slotStepMinutes: slotStepMinutesSchema.optional(),
  /** A short pre-visit questionnaire asked after booking (stored as a FHIR QuestionnaireResponse). */
  intake: z.array(intakeQuestionSchema).max(5).default([]),
  /** Appointment reminders, minutes before the start; default: `reminders.appointmentOffsetsMinutes`. */
  reminderOffsetsMinutes: z.array(z.number().int().min(5).max(43_200)).max(5).optional(),
});

const departmentSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  services: z.array(serviceSchema).min(1),
});

/** `2026-08-03` (a whole day) or `2026-08-03T09:30` (wall-clock time), in the provider's zone. */
const localDateOrDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/, { message: 'must be a date like 2026-08-03 or a local date and time like 2026-08-03T09:30', abort: true })
  .refine(isRealDate, 'is not a real date');

/**
 * A change to a provider's weekly hours: `leave` removes time (whole days when given as dates,
 * `to` included), `extra` adds one-off hours (local date and time, `to` excluded).
 */
export const exceptionSchema = z
  .strictObject({
    kind: z.enum(['leave', 'extra']),
    from: localDateOrDateTime,
    to: localDateOrDateTime.optional(),
    note: z.string().trim().min(1).optional(),
  })
  .superRefine((e, ctx) => {
    const fromHasTime = e.from.includes('T');
    if (e.to === undefined) {
      if (fromHasTime) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required when from has a time' });
      else if (e.kind === 'extra') ctx.addIssue({ code: 'custom', path: ['from'], message: 'extra hours need a date and time, like 2026-08-03T09:30' });
      return;
    }
    if (fromHasTime !== e.to.includes('T')) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be written like from (both dates, or both dates with times)' });
    } else if (!fromHasTime && e.kind === 'extra') {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'extra hours need a date and time, like 2026-08-03T09:30' });
    } else if (fromHasTime ? e.to <= e.from : e.to < e.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: fromHasTime ? 'must be after from' : 'must not be before from' });
    }
  });

const providerSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1),
  departments: z.array(idSchema).min(1),
  timeZone: z.string().optional(),
  weeklyHours: openingHoursSchema.optional(),
  /** Service ids this provider offers; default: every service of their departments. */
  services: z.array(idSchema).min(1).optional(),
  exceptions: z.array(exceptionSchema).default([]),
});

const schedulingDefaults = { minNoticeMinutes: 120, horizonDays: 30, cancellationCutoffHours: 24, holdMinutes: 5 };

const remindersDefaults = {
  appointmentOffsetsMinutes: [1440, 120],
  quietHours: { start: '21:00', end: '08:00' },
  dailyRecipientLimit: 1000,
  missedDosesAlertAfter: 3,
  doseAnswerWindowMinutes: 120,
  snoozeMinutes: 30,
  refillDaysBefore: 5,
  refillReminderTime: '10:00',
  followUpReminderTime: '10:00',
  noShowAfterMinutes: 60,
};

const remindersSchema = z.strictObject({
  /** Minutes before an appointment's start; each service may override (reminderOffsetsMinutes). */
  appointmentOffsetsMinutes: z.array(z.number().int().min(5).max(43_200)).max(5).default(remindersDefaults.appointmentOffsetsMinutes),
  /** No business-initiated message between start and end, local time in the patient's zone (default: the clinic's). */
  quietHours: z.strictObject({ start: time, end: time }).default(remindersDefaults.quietHours),
  /**
   * WhatsApp's messaging limit tier: unique patients who may receive business-initiated messages
   * in any 24 hours (250, 1000, 10000, 100000). Overflow waits and staff are warned.
   */
  dailyRecipientLimit: z.number().int().min(1).max(10_000_000).default(remindersDefaults.dailyRecipientLimit),
  /** Doses in a row not answered (or skipped) before staff are alerted. */
  missedDosesAlertAfter: z.number().int().min(1).max(50).default(remindersDefaults.missedDosesAlertAfter),
  /** A dose prompt not answered within this time counts as missed. */
  doseAnswerWindowMinutes: z.number().int().min(15).max(1440).default(remindersDefaults.doseAnswerWindowMinutes),
  snoozeMinutes: z.number().int().min(5).max(240).default(remindersDefaults.snoozeMinutes),
  /** Days before a medication runs out that the refill reminder is sent. */
  refillDaysBefore: z.number().int().min(0).max(60).default(remindersDefaults.refillDaysBefore),
  refillReminderTime: time.default(remindersDefaults.refillReminderTime),
  followUpReminderTime: time.default(remindersDefaults.followUpReminderTime),
  /** A booked appointment nobody marked is recorded as a no-show this long after its end. */
  noShowAfterMinutes: z.number().int().min(0).max(10_080).default(remindersDefaults.noShowAfterMinutes),
});

export const assistantFeatures = ['booking', 'my_appointments', 'faq', 'opening_hours', 'talk_to_staff', 'language', 'refills'] as const;
export type AssistantFeature = (typeof assistantFeatures)[number];

export const clinicConfigSchema = z
  .strictObject({
    clinic: z.strictObject({
      name: z.string().trim().min(1),
      timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid'),
      address: z.string().trim().min(1).optional(),
      phone: z.string().trim().min(3).optional(),
      website: z.url().optional(),
    }),
    languages: z.strictObject({
      default: languageSchema,
      supported: z.array(languageSchema).min(1),
    }),
    openingHours: openingHoursSchema,
    holidays: z
      .array(z.strictObject({ date: z.iso.date(), name: z.string().trim().min(1).optional() }))
      .default([]),
    /** Sent outside opening hours; per language. Optional: Hale's locale text is used otherwise. */
    awayMessage: localizedTextSchema.optional(),
    features: z.array(z.enum(assistantFeatures)).default([...assistantFeatures]),
    faq: z.array(faqEntrySchema).default([]),
    departments: z.array(departmentSchema).default([]),
    providers: z.array(providerSchema).default([]),
    /** WhatsApp template names per purpose, and the template language code per patient language. */
    templates: z
      .record(
        idSchema,
        z.strictObject({
          name: z.string().regex(/^[a-z0-9_]{1,512}$/),
          languages: z.partialRecord(languageSchema, z.string().min(2)),
          /** Labels of the body placeholders {{1}}, {{2}}… for staff sending it from the inbox. */
          params: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
        }),
      )
      .default({}),
    consent: z.strictObject({
      version: z.string().trim().min(1),
      privacyUrl: z.url(),
    }),
    emergency: z.strictObject({
      /** The number patients are told to call, e.g. "112" or "911". Public interface. */
      number: z.string().trim().regex(/^[0-9+ -]{2,20}$/, 'must be a phone number such as "112" or "911"'),
    }),
    assistant: z
      .strictObject({
        /** After this many idle hours a conversation starts again at the menu. */
        sessionIdleHours: z.number().min(0.25).max(168).default(12),
        /** Misunderstood messages in a row before a human takes over. */
        handoverAfterMisunderstandings: z.number().int().min(1).max(5).default(2),
        /** FAQ answers need at least this NLU confidence (0–1). */
        faqThreshold: z.number().min(0.3).max(0.99).default(0.4),
        /** Candidates at or above this (but below the threshold) are offered as buttons. */
        nearMissThreshold: z.number().min(0.1).max(0.98).default(0.3),
      })
      .default({ sessionIdleHours: 12, handoverAfterMisunderstandings: 2, faqThreshold: 0.4, nearMissThreshold: 0.3 }),
    /** Symptom triage in the chat (src/core/triage, docs/clinical-safety.md). */
    triage: z
      .strictObject({
        /** Offer "Symptoms / I feel unwell" in the menu and triage symptoms written in free text. */
        enabled: z.boolean().default(true),
        /** Where mental-health distress is pointed to (besides the clinic): a counselling or crisis service. */
        counselling: z
          .strictObject({
            name: localizedTextSchema,
            phone: z.string().trim().regex(/^[0-9+ ()-]{2,25}$/, 'must be a phone number').optional(),
            url: z.url().optional(),
            hours: localizedTextSchema.optional(),
          })
          .refine((c) => c.phone !== undefined || c.url !== undefined, { message: 'needs a phone or a url' })
          .optional(),
      })
      .default({ enabled: true }),
    /** Clinic-wide booking limits (src/core/scheduling); services may override all but holdMinutes. */
    scheduling: z
      .strictObject({
        /** Earliest bookable start: now + this. */
        minNoticeMinutes: minNoticeMinutesSchema.default(schedulingDefaults.minNoticeMinutes),
        /** Latest bookable start: now + this many calendar days. */
        horizonDays: horizonDaysSchema.default(schedulingDefaults.horizonDays),
        /** Patients may cancel or move until this many hours before the start. */
        cancellationCutoffHours: cancellationCutoffHoursSchema.default(schedulingDefaults.cancellationCutoffHours),
        /** How long a slot offered in the chat is held for the patient. */
        holdMinutes: z.number().int().min(1).max(60).default(schedulingDefaults.holdMinutes),
        /** Distance between offered start times; default: each service's duration. */
        slotStepMinutes: slotStepMinutesSchema.optional(),
      })
      .default(schedulingDefaults),
    /** Reminders and other business-initiated messages (docs/reminders.md). */
    reminders: remindersSchema.default(remindersDefaults),
    /** The short survey after a visit marked attended (docs/clinic-config.md, ADR 13). */
    feedback: z
      .strictObject({
        enabled: z.boolean().default(true),
        /** Sent this long after the visit was marked attended (then quiet hours apply). */
        delayMinutes: z.number().int().min(0).max(10_080).default(120),
        /** Not sent any more this many days after the visit. */
        expireDays: z.number().int().min(1).max(30).default(7),
      })
      .default({ enabled: true, delayMinutes: 120, expireDays: 7 }),
    /** Online payment: a per-appointment link staff can send (no card data ever passes through chat). */
    payments: z
      .strictObject({
        /** An https URL with `{appointmentId}` where the appointment's id goes, e.g. https://pay.example.org/hale/{appointmentId}. */
        linkTemplate: z
          .string()
          .regex(/^https:\/\/[^\s]+$/, 'must be an https URL')
          .refine((t) => t.includes('{appointmentId}'), 'must contain {appointmentId}')
          .optional(),
      })
      .default({}),
  })
  .superRefine((config, ctx) => {
    const supported = new Set(config.languages.supported);
    if (!supported.has(config.languages.default)) {
      ctx.addIssue({ code: 'custom', path: ['languages', 'default'], message: `must be one of languages.supported (${[...supported].join(', ')})` });
    }
    const needDefault = (text: LocalizedText | undefined, path: Array<string | number>) => {
      if (text !== undefined && text[config.languages.default] === undefined) {
        ctx.addIssue({ code: 'custom', path, message: `needs text in the default language "${config.languages.default}"` });
      }
    };
    needDefault(config.awayMessage, ['awayMessage']);
    needDefault(config.triage.counselling?.name, ['triage', 'counselling', 'name']);
    needDefault(config.triage.counselling?.hours, ['triage', 'counselling', 'hours']);
    const faqIds = new Set<string>();
    config.faq.forEach((entry, i) => {
      if (faqIds.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['faq', i, 'id'], message: `duplicate FAQ id "${entry.id}"` });
      faqIds.add(entry.id);
      needDefault(entry.answer, ['faq', i, 'answer']);
      for (const lang of Object.keys(entry.answer)) {
        if (!supported.has(lang as Language)) ctx.addIssue({ code: 'custom', path: ['faq', i, 'answer', lang], message: `language "${lang}" is not in languages.supported` });
      }
      for (const [lang, label] of Object.entries(entry.label ?? {})) {
        if (label.length > 20) ctx.addIssue({ code: 'custom', path: ['faq', i, 'label', lang], message: 'must be at most 20 characters (WhatsApp button title)' });
      }
    });
    const departmentIds = new Set(config.departments.map((d) => d.id));
    const departmentOfService = new Map<string, string>();
    config.departments.forEach((department, i) => {
      department.services.forEach((service, j) => {
        if (departmentOfService.has(service.id)) {
          ctx.addIssue({ code: 'custom', path: ['departments', i, 'services', j, 'id'], message: `duplicate service id "${service.id}"` });
        } else departmentOfService.set(service.id, department.id);
        const questionIds = new Set<string>();
        service.intake.forEach((question, k) => {
          const path = ['departments', i, 'services', j, 'intake', k];
          if (questionIds.has(question.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate question id "${question.id}"` });
          questionIds.add(question.id);
          needDefault(question.text, [...path, 'text']);
        });
      });
    });
    const providerIds = new Set<string>();
    config.providers.forEach((provider, i) => {
      if (providerIds.has(provider.id)) ctx.addIssue({ code: 'custom', path: ['providers', i, 'id'], message: `duplicate provider id "${provider.id}"` });
      if (provider.id === 'any') ctx.addIssue({ code: 'custom', path: ['providers', i, 'id'], message: '"any" is reserved (it means any provider)' });
      providerIds.add(provider.id);
      provider.departments.forEach((dep, j) => {
        if (!departmentIds.has(dep)) ctx.addIssue({ code: 'custom', path: ['providers', i, 'departments', j], message: `unknown department "${dep}"` });
      });
      if (provider.timeZone !== undefined && !isTimeZone(provider.timeZone)) {
        ctx.addIssue({ code: 'custom', path: ['providers', i, 'timeZone'], message: 'must be an IANA time zone' });
      }
      const departmentsKnown = provider.departments.every((dep) => departmentIds.has(dep));
      provider.services?.forEach((serviceId, j) => {
        const department = departmentOfService.get(serviceId);
        if (department === undefined) {
          ctx.addIssue({ code: 'custom', path: ['providers', i, 'services', j], message: `unknown service "${serviceId}"` });
        } else if (departmentsKnown && !provider.departments.includes(department)) {
          ctx.addIssue({ code: 'custom', path: ['providers', i, 'services', j], message: `service "${serviceId}" belongs to department "${department}", which is not in this provider's departments` });
        }
      });
    });
  });

export type ClinicConfig = z.infer<typeof clinicConfigSchema>;
export type FaqEntry = ClinicConfig['faq'][number];
export type Department = ClinicConfig['departments'][number];
export type Service = Department['services'][number];
export type Provider = ClinicConfig['providers'][number];
export type ProviderException = Provider['exceptions'][number];
export type WeeklyHours = ClinicConfig['openingHours'];
export type SchedulingSettings = ClinicConfig['scheduling'];
export type ReminderSettings = ClinicConfig['reminders'];

/** `YYYY-MM-DD` (optionally followed by a time) names a day that exists, e.g. not 2026-02-30. */
function isRealDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
