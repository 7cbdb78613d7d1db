/**
 * Ports for results delivered in chat after an identity check (ADR 0012). Part of
 * `Repositories` (`results`), so a disclosure commits with the replies that carry it.
 */
import type { VerificationRecord } from '../core/results/identity-verification.ts';

export type ResultStatus = 'ready' | 'notified' | 'delivered';
export type ResultMimeType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface ResultRecord {
  id: string;
  patientId: string;
  storageKey: string;
  mimeType: ResultMimeType;
  byteSize: number;
  /** Decrypted: the original file name and staff's note for the patient. */
  fileName: string | undefined;
  note: string | undefined;
  followUp: boolean;
  status: ResultStatus;
  /** Why no "ready" notice went out: `opted_out`, `no_consent`, `no_template`. */
  noticeSkipped: string | undefined;
  createdBy: string;
  createdAt: Date;
  notifiedAt: Date | undefined;
  deliveredAt: Date | undefined;
  deliveries: number;
}

export interface VerificationStatus extends VerificationRecord {
  verifiedAt: Date | undefined;
  unlockedBy: string | undefined;
  unlockedAt: Date | undefined;
}

export interface ResultsRepository {
  insert(input: {
    id: string;
    patientId: string;
    storageKey: string;
    mimeType: ResultMimeType;
    byteSize: number;
    fileName: string | undefined;
    note: string | undefined;
    followUp: boolean;
    createdBy: string;
    at: Date;
  }): Promise<ResultRecord>;
  find(id: string): Promise<ResultRecord | undefined>;
  /** Newest first. */
  listForPatient(patientId: string): Promise<ResultRecord[]>;
  /** Results not yet sent to the patient, oldest first. */
  waiting(patientId: string): Promise<ResultRecord[]>;
  countWaiting(patientId: string): Promise<number>;
  markNotified(id: string, at: Date): Promise<void>;
  markNoticeSkipped(id: string, reason: string): Promise<void>;
  markDelivered(id: string, at: Date): Promise<void>;
  /** A delivered result is offered again (the patient lost it, or the send failed): back to `ready`. */
  reopen(id: string): Promise<void>;
  /** The patient's verification record, created empty if missing, locked until the transaction ends. */
  lockVerification(patientId: string, at: Date): Promise<VerificationRecord>;
  saveVerification(patientId: string, record: VerificationRecord, at: Date, extra?: { verified?: boolean; unlockedBy?: string }): Promise<void>;
  verificationOf(patientId: string): Promise<VerificationStatus>;
}
