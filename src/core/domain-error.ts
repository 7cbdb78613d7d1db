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
  | 'cancellation_cutoff'
  /** Staff sign-in: no valid session or API token. */
  | 'unauthenticated'
  /** Signed in, but the role does not allow this. */
  | 'forbidden'
  /** Wrong e-mail or password (never says which). */
  | 'invalid_credentials'
  /** Too many failed sign-ins: the account is locked for a while. */
  | 'locked'
  | 'rate_limited'
  /** The account has a second factor: the 6-digit code is needed (or was wrong). */
  | 'totp_required'
  | 'invalid_totp'
  /** A state-changing request without the session's CSRF token or from another origin. */
  | 'csrf_failed';

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
