/** Errors with stable codes; src/adapters/http maps codes to HTTP statuses in one place. */
export type DomainErrorCode =
  | 'not_found'
  | 'invalid_reply'
  | 'reply_window_closed'
  | 'conflict'
  | 'invalid_input'
  | 'opted_out'
  /** The slot is taken (lost race, hold elsewhere, outside hours); details.alternatives offers others. */
  | 'slot_unavailable'
  /** Too close to the start for the patient to cancel or move it; details.cutoffHours. */
  | 'cancellation_cutoff';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}
