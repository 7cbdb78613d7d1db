/** Zod schemas of the results API (ADR 0012), shared by the server and the staff web app. */
import { z } from 'zod';

/** Largest result file accepted: PDFs up to 10 MB, images up to 5 MB (WhatsApp's image limit). */
export const resultLimits = { pdfBytes: 10 * 1024 * 1024, imageBytes: 5 * 1024 * 1024, noteChars: 1000 } as const;
export const resultMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The text fields of the multipart upload (the file is the `file` part). */
export const resultUploadFieldsSchema = z
  .object({
    note: z
      .string()
      .trim()
      .max(resultLimits.noteChars)
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : v)),
    followUp: z
      .enum(['true', 'false', 'on', '1', '0'])
      .optional()
      .transform((v) => v === 'true' || v === 'on' || v === '1'),
  })
  .strict();

export const resultItemSchema = z.object({
  id: z.string(),
  mimeType: z.enum(resultMimeTypes),
  byteSize: z.number(),
  fileName: z.string().nullable(),
  /** Only for clinical roles (null otherwise; see hasNote). */
  note: z.string().nullable(),
  hasNote: z.boolean(),
  followUp: z.boolean(),
  status: z.enum(['ready', 'notified', 'delivered']),
  /** Why no "ready" notice went out: opted_out, no_consent, no_template. */
  noticeSkipped: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  notifiedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type ResultItem = z.infer<typeof resultItemSchema>;

export const verificationStateSchema = z.object({
  locked: z.boolean(),
  failedAttempts: z.number(),
  lockedAt: z.string().nullable(),
  unlockedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** Without a date of birth on file the patient cannot open results in chat. */
  birthDateOnFile: z.boolean(),
});

export const patientResultsSchema = z.object({ verification: verificationStateSchema, results: z.array(resultItemSchema) });
export type PatientResults = z.infer<typeof patientResultsSchema>;

export const resultUploadResponseSchema = z.object({
  result: resultItemSchema,
  notice: z.enum(['queued', 'opted_out', 'no_consent', 'no_template']),
  birthDateOnFile: z.boolean(),
});
export type ResultUploadResponse = z.infer<typeof resultUploadResponseSchema>;

export const unlockResponseSchema = z.object({ locked: z.literal(false), wasLocked: z.boolean() });

export const reofferResponseSchema = z.object({ result: resultItemSchema, notice: z.enum(['queued', 'opted_out', 'no_consent', 'no_template']) });
