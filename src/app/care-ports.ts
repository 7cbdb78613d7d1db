/**
 * Ports of the care flows (issue 9): refill requests, patients' documents and visit feedback.
 * Part of `Repositories` (`refills`, `patientDocuments`, `feedback`), so a flow's effects commit
 * in the assistant's transaction.
 */
import type { DocumentCategory } from '../core/care/care-texts.ts';

export type RefillState = 'open' | 'done' | 'approved' | 'declined' | 'book';

export interface RefillRecord {
  id: string;
  patientId: string;
  planId: string | undefined;
  /** The plan's medication, or the patient's own description (decrypted). */
  medication: string;
  source: 'reminder' | 'chat';
  state: RefillState;
  createdAt: Date;
  decidedAt: Date | undefined;
  decidedBy: string | undefined;
  /** The care team's note to the patient (decrypted). */
  reason: string | undefined;
}

export interface RefillRepository {
  /** The patient's active medication plans (decrypted names), newest first. */
  activePlans(patientId: string): Promise<Array<{ id: string; medication: string }>>;
  /** A chat request: for a plan (the patient's own, active; one open request per plan) or described. */
  createFromChat(input: { patientId: string; planId?: string; description?: string; at: Date }): Promise<{ id: string; created: boolean } | undefined>;
  find(id: string): Promise<RefillRecord | undefined>;
  /** Finds and locks the request until the transaction ends. */
  lock(id: string): Promise<RefillRecord | undefined>;
  list(filter: { state?: RefillState; patientId?: string; limit: number }): Promise<RefillRecord[]>;
  decide(id: string, input: { state: 'approved' | 'declined' | 'book'; decidedBy: string; reason: string | undefined; at: Date }): Promise<void>;
}

export interface DocumentRecord {
  id: string;
  patientId: string;
  mediaId: string;
  category: DocumentCategory | undefined;
  categorizedBy: 'caption' | 'patient' | 'staff' | undefined;
  caption: string | undefined;
  mimeType: string;
  byteSize: number | undefined;
  /** The media row's state: `stored` once the bytes are in encrypted storage. */
  state: string;
  storageKey: string | undefined;
  createdAt: Date;
}

export interface PatientDocumentsRepository {
  /** The file of this message becomes a document (once); undefined when the message has no file. */
  createFromCommunication(input: { patientId: string; communicationId: string; category: DocumentCategory | undefined; at: Date }): Promise<{ id: string; created: boolean } | undefined>;
  /** Sets the category of the patient's uncategorized documents received since `since`; returns their ids. */
  categorizeRecent(patientId: string, category: DocumentCategory, since: Date, at: Date): Promise<string[]>;
  listForPatient(patientId: string): Promise<DocumentRecord[]>;
  find(id: string): Promise<DocumentRecord | undefined>;
  setCategory(id: string, category: DocumentCategory, at: Date): Promise<void>;
}

export interface FeedbackRecord {
  id: string;
  patientId: string;
  appointmentId: string;
  rating: number;
  comment: string | undefined;
  sentiment: 'positive' | 'neutral' | 'negative' | undefined;
  authoredAt: Date;
}

export interface FeedbackRepository {
  /** The rating of a visit, once per appointment (a second tap changes nothing). */
  saveRating(input: { patientId: string; appointmentId: string; rating: number; at: Date }): Promise<{ id: string; created: boolean }>;
  /** Adds the comment (encrypted) and its sentiment to the visit's response; undefined when there is none. */
  saveComment(input: { patientId: string; appointmentId: string; comment: string; sentiment: { vote: 'positive' | 'neutral' | 'negative'; score: number } | undefined; at: Date }): Promise<FeedbackRecord | undefined>;
  /** Whether the visit was rated already (the survey is then not sent). */
  find(id: string): Promise<FeedbackRecord | undefined>;
  /** Open follow-up tasks (unhappy feedback, staff alerts not yet done), oldest first, with their response. */
  openFollowUps(limit: number): Promise<Array<{ alertId: string; reason: string; createdAt: Date; response: FeedbackRecord }>>;
  /** Marks a follow-up task done; false when there is no such open task. */
  completeFollowUp(alertId: string, staffId: string, at: Date): Promise<{ patientId: string } | undefined>;
  /** Counts per rating and per sentiment in a window (no decryption needed). */
  summary(window: { from: Date; to: Date }): Promise<{ responses: number; averageRating: number | null; byRating: Record<string, number>; bySentiment: Record<string, number> }>;
}
