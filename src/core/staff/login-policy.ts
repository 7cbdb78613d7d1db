/**
 * Sign-in limits. An account locks for LOCK_MINUTES after MAX_FAILED_LOGINS wrong passwords in a
 * row; one address may fail MAX_FAILURES_PER_IP times per WINDOW_MINUTES across all accounts.
 */
export const loginPolicy = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  maxFailuresPerIp: 20,
  windowMinutes: 15,
  /** Sessions end after this long without a request, and after maxHours in any case. */
  idleHours: 4,
  maxHours: 12,
} as const;

/** After a wrong password: the new failure count and, at the limit, until when the account is locked. */
export function afterFailedLogin(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | undefined } {
  const next = failedLogins + 1;
  if (next < loginPolicy.maxFailedLogins) return { failedLogins: next, lockedUntil: undefined };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + loginPolicy.lockMinutes * 60_000) };
}

export function isLocked(lockedUntil: Date | undefined, now: Date): boolean {
  return lockedUntil !== undefined && lockedUntil.getTime() > now.getTime();
}

/** When a session created at `createdAt` and last used at `lastSeenAt` expires. */
export function sessionExpiry(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(Math.min(createdAt.getTime() + loginPolicy.maxHours * 3_600_000, lastSeenAt.getTime() + loginPolicy.idleHours * 3_600_000));
}
