/**
 * What a staff tool or integration sends to assess one free-text description
 * (`assessSymptoms`, behind `POST /api/v1/triage`): the same single-message assessment as the
 * triage command, with optional known facts.
 */
import { z } from 'zod';
import { languageSchema } from '../clinic/clinic-config.ts';

const idSchema = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be an id like q_chest_features');

export const triageRequestSchema = z.strictObject({
  /** The patient's description, as written. */
  text: z.string().trim().min(1).max(4000),
  /** The language it is written in, if known (every language is tried anyway). */
  lang: languageSchema.optional(),
  ageYears: z.number().min(0).max(130).optional(),
  sex: z.enum(['female', 'male']).optional(),
  pregnant: z.boolean().optional(),
  /** Answers to follow-up questions already asked: question id → answer id. */
  answers: z.record(idSchema, idSchema).optional(),
  /** The patient this is about, for the audit trail (never stored with the text). */
  patientId: z.uuid().optional(),
});
export type TriageRequest = z.infer<typeof triageRequestSchema>;
