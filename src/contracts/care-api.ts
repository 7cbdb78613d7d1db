/**
 * The staff HTTP API of the care flows (issue 9): refill requests, patients' documents, payment
 * links and visit feedback, as zod schemas shared by the server and the web app. Imports zod only.
 */
import { z } from 'zod';

export const refillStates = ['open', 'done', 'approved', 'declined', 'book'] as const;
export const refillDecisions = ['approve', 'decline', 'book'] as const;

export const refillRequestSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string().nullable(),
  medication: z.string(),
  source: z.enum(['reminder', 'chat']),
  state: z.enum(refillStates),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RefillRequestView = z.infer<typeof refillRequestSchema>;
export const refillRequestListSchema = z.array(refillRequestSchema);

export const refillListQuerySchema = z.strictObject({
  state: z.enum(refillStates).optional(),
  patientId: z.uuid().optional(),
});

export const refillDecisionRequestSchema = z.strictObject({
  decision: z.enum(refillDecisions),
  /** Told to the patient (optional); stored encrypted. */
  reason: z.string().trim().max(500).optional(),
});

export const refillDecisionResponseSchema = z.object({
  request: refillRequestSchema,
  patientNotified: z.enum(['queued', 'duplicate', 'opted_out', 'no_template', 'unchanged']),
});

export const documentCategories = ['insurance_card', 'referral', 'report', 'other'] as const;

export const patientDocumentSchema = z.object({
  id: z.string(),
  category: z.enum(documentCategories).nullable(),
  categorizedBy: z.enum(['caption', 'patient', 'staff']).nullable(),
  caption: z.string().nullable(),
  mimeType: z.string(),
  byteSize: z.number().nullable(),
  state: z.string(),
  createdAt: z.string(),
  resource: z.record(z.string(), z.unknown()),
});
export type PatientDocumentView = z.infer<typeof patientDocumentSchema>;
export const patientDocumentListSchema = z.array(patientDocumentSchema);

export const documentCategoryRequestSchema = z.strictObject({ category: z.enum(documentCategories) });

export const paymentLinkResponseSchema = z.object({
  link: z.string(),
  patientNotified: z.enum(['queued', 'duplicate', 'opted_out', 'no_template']),
});

export const feedbackFollowUpSchema = z.object({
  alertId: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  patientId: z.string(),
  patientName: z.string().nullable(),
  appointmentId: z.string(),
  rating: z.number(),
  comment: z.string().nullable(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).nullable(),
});
export type FeedbackFollowUpView = z.infer<typeof feedbackFollowUpSchema>;
export const feedbackFollowUpListSchema = z.array(feedbackFollowUpSchema);

export const feedbackSummaryQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
export const feedbackSummarySchema = z.object({
  responses: z.number(),
  averageRating: z.number().nullable(),
  byRating: z.record(z.string(), z.number()),
  bySentiment: z.record(z.string(), z.number()),
});
