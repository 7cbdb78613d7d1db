/**
 * The staff HTTP API (/api/v1), as zod schemas shared by the server (src/adapters/http) and
 * the web app (web/). Self-contained on purpose: it imports zod only, so the browser bundle
 * pulls in nothing else of the server.
 */
import { z } from 'zod';

export const staffRoles = ['admin', 'agent', 'clinician'] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRoleName = z.infer<typeof staffRoleSchema>;

export const uiLanguages = ['en', 'de'] as const;
export const uiLanguageSchema = z.enum(uiLanguages);

// ── Sign-in ──────────────────────────────────────────────────────────────────────────────────

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
  /** The 6-digit code of the authenticator app, when the account has a second factor. */
  totp: z.string().trim().regex(/^\d{6}$/).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  language: uiLanguageSchema,
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export const meResponseSchema = z.object({
  user: staffUserSchema,
  csrfToken: z.string(),
  /** Admins must set up a second factor before anything else when the server runs in production. */
  totpSetupRequired: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const loginFailureCodes = ['invalid_credentials', 'totp_required', 'invalid_totp', 'locked', 'rate_limited'] as const;
export const errorResponseSchema = z.object({ error: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const totpSetupResponseSchema = z.object({ secret: z.string(), uri: z.string() });
export const totpEnableRequestSchema = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/) });

// ── Inbox ────────────────────────────────────────────────────────────────────────────────────

export const queueNames = ['urgent', 'waiting', 'mine', 'assistant', 'closed'] as const;
export const queueNameSchema = z.enum(queueNames);
export type QueueName = z.infer<typeof queueNameSchema>;

export const queueCountsSchema = z.object({
  urgent: z.number(),
  waiting: z.number(),
  mine: z.number(),
  assistant: z.number(),
  closed: z.number(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const ownerSchema = z.enum(['bot', 'staff', 'closed']);

export const conversationSummarySchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string().nullable(),
  phone: z.string().nullable(),
  owner: ownerSchema,
  urgent: z.boolean(),
  assignedTo: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  handoverReason: z.string().nullable(),
  waitingSince: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  preview: z.string().nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationListQuerySchema = z.object({
  queue: queueNameSchema.default('waiting'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).optional(),
});

export const conversationListSchema = z.object({
  counts: queueCountsSchema,
  items: z.array(conversationSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ConversationList = z.infer<typeof conversationListSchema>;

/** One message as staff see it: what the patient saw or sent, rendered from Hale's message model. */
export const timelineMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  sender: z.enum(['patient', 'bot', 'staff', 'system']),
  staffName: z.string().nullable(),
  kind: z.string(),
  text: z.string().nullable(),
  /** Buttons or list rows offered to the patient, or the choice the patient tapped. */
  choices: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
  choiceTaken: z.string().nullable(),
  template: z.object({ name: z.string(), language: z.string(), params: z.array(z.string()) }).nullable(),
  media: z.object({ id: z.string().nullable(), mediaType: z.string(), mimeType: z.string().nullable(), filename: z.string().nullable(), caption: z.string().nullable(), state: z.string() }).nullable(),
  status: z.string(),
  failure: z.object({ code: z.number().nullable(), title: z.string().nullable(), reason: z.string() }).nullable(),
  at: z.string(),
});
export type TimelineMessage = z.infer<typeof timelineMessageSchema>;

export const noteSchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), displayName: z.string() }),
  body: z.string(),
  mentions: z.array(z.object({ id: z.string(), displayName: z.string() })),
  at: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export const conversationEventSchema = z.object({ type: z.string(), reason: z.string().nullable(), actorName: z.string().nullable(), at: z.string() });

export const templateOptionSchema = z.object({
  purpose: z.string(),
  name: z.string(),
  language: z.string(),
  params: z.array(z.string()),
});
export type TemplateOption = z.infer<typeof templateOptionSchema>;

export const conversationViewSchema = z.object({
  conversation: conversationSummarySchema,
  handoverSummary: z.string().nullable(),
  urgentDetail: z.string().nullable(),
  replyWindow: z.object({ open: z.boolean(), closesAt: z.string().nullable() }),
  optedOut: z.boolean(),
  messages: z.array(timelineMessageSchema),
  notes: z.array(noteSchema),
  events: z.array(conversationEventSchema),
  /** Templates the clinic may send when the 24-hour window is closed, in the patient's language. */
  templates: z.array(templateOptionSchema),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

export const replyRequestSchema = z.union([
  z.strictObject({ kind: z.literal('text'), text: z.string().trim().min(1).max(4096) }),
  z.strictObject({ kind: z.literal('template'), purpose: z.string().min(1).max(64), params: z.array(z.string().trim().min(1).max(200)).max(10) }),
]);
export type ReplyRequest = z.infer<typeof replyRequestSchema>;
export const replyResponseSchema = z.object({ communicationId: z.string() });

export const noteRequestSchema = z.strictObject({ body: z.string().trim().min(1).max(4000) });

export const assignRequestSchema = z.strictObject({
  /** Omit to take the conversation yourself. */
  userId: z.string().uuid().optional(),
});
export const handBackRequestSchema = z.strictObject({ to: z.enum(['bot', 'closed']) });

export const cannedReplySchema = z.object({ id: z.string(), shortcut: z.string(), title: z.string(), body: z.string() });
export type CannedReply = z.infer<typeof cannedReplySchema>;
export const cannedReplyInputSchema = z.strictObject({
  shortcut: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'letters, digits, - and _ (up to 32)'),
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(4096),
});

export const staffDirectorySchema = z.array(z.object({ id: z.string(), displayName: z.string(), role: staffRoleSchema }));

// ── Patients ─────────────────────────────────────────────────────────────────────────────────

export const patientSearchQuerySchema = z.object({ q: z.string().trim().min(2).max(100) });

export const patientHitSchema = z.object({ id: z.string(), name: z.string().nullable(), phone: z.string().nullable(), conversationId: z.string().nullable() });
export type PatientHit = z.infer<typeof patientHitSchema>;

export const appointmentItemSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string().nullable(),
  practitionerId: z.string(),
  practitionerName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string(),
  mode: z.string(),
  bookedVia: z.string(),
});
export type AppointmentItem = z.infer<typeof appointmentItemSchema>;

export const patientViewSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  profileName: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  consent: z.object({ decision: z.string(), policyVersion: z.string(), at: z.string() }).nullable(),
  optedOut: z.boolean(),
  lastInboundAt: z.string().nullable(),
  conversationId: z.string().nullable(),
  /** The patient's own IANA zone (reminders, quiet hours); null: the clinic's. Optional for older servers. */
  timeZone: z.string().nullable().optional(),
  appointments: z.array(appointmentItemSchema),
});
export type PatientView = z.infer<typeof patientViewSchema>;

export const dayListQuerySchema = z.object({
  date: z.iso.date(),
  practitionerId: z.string().max(64).optional(),
});
export const dayListSchema = z.object({
  date: z.string(),
  timeZone: z.string(),
  practitioners: z.array(z.object({ id: z.string(), name: z.string() })),
  appointments: z.array(appointmentItemSchema),
});
export type DayList = z.infer<typeof dayListSchema>;
export const appointmentMarkRequestSchema = z.strictObject({ status: z.enum(['arrived', 'noshow', 'fulfilled']) });

export const bookingOptionsSchema = z.object({
  services: z.array(z.object({ id: z.string(), name: z.string(), practitioners: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type BookingOptions = z.infer<typeof bookingOptionsSchema>;
export const slotsQuerySchema = z.object({
  serviceId: z.string().min(1).max(64),
  practitionerId: z.string().min(1).max(64).default('any'),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});
export const slotSchema = z.object({ practitionerId: z.string(), practitionerName: z.string(), start: z.string(), end: z.string() });
export type Slot = z.infer<typeof slotSchema>;
export const bookRequestSchema = z.strictObject({ serviceId: z.string().min(1).max(64), practitionerId: z.string().min(1).max(64), start: z.iso.datetime({ offset: true }) });

export const moveRequestSchema = z.strictObject({ practitionerId: z.string().min(1), start: z.iso.datetime({ offset: true }) });

// ── Care plans, reminders, alerts (issue 6) ──────────────────────────────────────────────────

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time like 08:00');
const isoDay = z.iso.date();

export const medicationPlanRequestSchema = z.strictObject({
  medication: z.string().trim().min(1).max(120),
  /** What the patient reads at each dose, e.g. "1 tablet with water". */
  doseText: z.string().trim().min(1).max(200),
  times: z.array(localTime).min(1).max(12),
  /** ISO weekdays 1 (Monday) … 7 (Sunday); default every day. */
  daysOfWeek: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  startDate: isoDay,
  endDate: isoDay.optional(),
  /** The day the supply runs out (a refill reminder goes out some days before). */
  runsOutOn: isoDay.optional(),
  refillDaysBefore: z.number().int().min(1).max(60).optional(),
});
export type MedicationPlanRequest = z.infer<typeof medicationPlanRequestSchema>;

export const followUpRequestSchema = z.strictObject({
  kind: z.enum(['follow_up', 'screening']),
  /** The service the patient's "Book now" button starts booking; omit for the service list. */
  serviceId: z.string().min(1).max(64).optional(),
  dueOn: isoDay,
  /** For staff only (encrypted); the patient sees the service name. */
  note: z.string().trim().max(500).optional(),
});

export const medicationPlanSchema = z.object({
  id: z.string(),
  medication: z.string(),
  doseText: z.string(),
  times: z.array(z.string()),
  daysOfWeek: z.array(z.number()),
  startDate: z.string(),
  endDate: z.string().nullable(),
  timeZone: z.string(),
  runsOutOn: z.string().nullable(),
  state: z.enum(['active', 'stopped']),
  createdAt: z.string(),
  /** Doses of the last 14 days. */
  doses: z.object({ taken: z.number(), skipped: z.number(), missed: z.number() }),
});
export type MedicationPlan = z.infer<typeof medicationPlanSchema>;

export const followUpSchema = z.object({
  id: z.string(),
  kind: z.enum(['follow_up', 'screening']),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  dueOn: z.string(),
  note: z.string().nullable(),
  state: z.enum(['planned', 'reminded', 'booked', 'cancelled']),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const patientCareSchema = z.object({
  timeZone: z.string().nullable(),
  clinicTimeZone: z.string(),
  /** null when the caller's role may not see medication (front desk). */
  medicationPlans: z.array(medicationPlanSchema).nullable(),
  followUps: z.array(followUpSchema),
});
export type PatientCare = z.infer<typeof patientCareSchema>;

export const createdSchema = z.object({ id: z.string(), state: z.string() });

export const timeZoneRequestSchema = z.strictObject({
  /** An IANA zone such as Europe/Berlin; null: use the clinic's. */
  timeZone: z.string().trim().min(1).max(64).nullable(),
});

export const staffAlertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  conversationId: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  createdAt: z.string(),
});
export type StaffAlert = z.infer<typeof staffAlertSchema>;
export const staffAlertListSchema = z.object({ total: z.number(), items: z.array(staffAlertSchema) });
export const staffAlertQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const unconfirmedQuerySchema = z.object({ hours: z.coerce.number().int().min(1).max(24 * 14).default(48) });
export const unconfirmedItemSchema = z.object({
  appointmentId: z.string(),
  patientId: z.string(),
  patientName: z.string().nullable(),
  start: z.string(),
  serviceName: z.string(),
  practitionerName: z.string(),
  remindersSent: z.number(),
});
export type UnconfirmedItem = z.infer<typeof unconfirmedItemSchema>;

/** Home measurements (GET /api/v1/patients/:id/observations): FHIR Observation resources, newest first. */
const quantitySchema = z.object({ value: z.number(), unit: z.string() });
export const observationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  interpretation: z.enum(['danger', 'out_of_range', 'in_range']),
  effectiveAt: z.string(),
  resource: z.object({
    valueQuantity: quantitySchema.optional(),
    component: z.array(z.object({ code: z.object({ coding: z.array(z.object({ code: z.string() })) }), valueQuantity: quantitySchema })).optional(),
  }),
});
export type Observation = z.infer<typeof observationSchema>;
const rangeSchema = z.object({ low: z.number().optional(), high: z.number().optional() });
export const vitalTargetKeys = ['glucoseFasting', 'glucoseAfterMeal', 'glucoseOther', 'systolic', 'diastolic', 'weight', 'temperature', 'pulse', 'spo2'] as const;
export type VitalTargetKey = (typeof vitalTargetKeys)[number];
export const vitalTargetsSchema = z.partialRecord(z.enum(vitalTargetKeys), rangeSchema);
export type VitalTargetsOut = z.infer<typeof vitalTargetsSchema>;
export const observationListSchema = z.object({ targets: vitalTargetsSchema, observations: z.array(observationSchema) });
export type ObservationList = z.infer<typeof observationListSchema>;

// ── The signed-in user's account ─────────────────────────────────────────────────────────────

export const passwordChangeRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12, 'at least 12 characters').max(1024),
});

export const mentionSchema = z.object({
  noteId: z.string(),
  conversationId: z.string(),
  patientId: z.string(),
  patientName: z.string().nullable(),
  author: z.string(),
  body: z.string(),
  at: z.string(),
  unread: z.boolean(),
});
export type Mention = z.infer<typeof mentionSchema>;
export const mentionListSchema = z.object({ unread: z.number(), items: z.array(mentionSchema) });
export const mentionCountSchema = z.object({ unread: z.number() });

// ── Admin ────────────────────────────────────────────────────────────────────────────────────

export const createUserRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  displayName: z.string().trim().min(1).max(80),
  role: staffRoleSchema,
  password: z.string().min(12, 'at least 12 characters').max(1024),
  language: uiLanguageSchema.default('en'),
});
export const updateUserRequestSchema = z.strictObject({
  role: staffRoleSchema.optional(),
  disabled: z.boolean().optional(),
  displayName: z.string().trim().min(1).max(80).optional(),
});

export const apiTokenSchema = z.object({ id: z.string(), name: z.string(), role: staffRoleSchema, createdAt: z.string(), lastUsedAt: z.string().nullable(), revoked: z.boolean() });
export const createApiTokenRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(80), role: staffRoleSchema });
export const createApiTokenResponseSchema = z.object({ token: apiTokenSchema, secret: z.string() });

export const auditQuerySchema = z.object({
  actorId: z.string().max(64).optional(),
  patientId: z.string().uuid().optional(),
  action: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().positive().optional(),
});
export const auditRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  outcome: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export const auditPageSchema = z.object({ items: z.array(auditRowSchema), chainIntact: z.boolean().nullable() });

const intervalOut = z.object({ open: z.string(), close: z.string() });
export const clinicSettingsSchema = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  openingHours: z.record(z.string(), z.array(intervalOut)),
  holidays: z.array(z.object({ date: z.string(), name: z.string().nullable() })),
  /** Per patient language: the text sent outside opening hours, and whether the clinic wrote its own. */
  awayMessage: z.record(z.string(), z.object({ text: z.string(), custom: z.boolean() })),
  languages: z.array(z.string()),
  templates: z.array(z.object({ purpose: z.string(), name: z.string(), languages: z.record(z.string(), z.string()), params: z.array(z.string()) })),
  sendable: z.array(z.string()),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

// ── Realtime ─────────────────────────────────────────────────────────────────────────────────

/** Server-sent event `inbox`: something changed in this patient's conversation (ids only). */
export const inboxEventSchema = z.object({ patientId: z.string(), kind: z.enum(['message', 'status', 'conversation', 'note']) });
export type InboxEvent = z.infer<typeof inboxEventSchema>;
