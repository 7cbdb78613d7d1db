/**
 * Staff sign-in: passwords (argon2id), lockout and per-address limits, optional TOTP, sessions
 * and API tokens. Session and token secrets are random; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../core/domain-error.ts';
import { afterFailedLogin, isLocked, loginPolicy, sessionExpiry } from '../../core/staff/login-policy.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';
import type { Clock } from '../ports.ts';
import type { PasswordHasher, StaffPrincipal, StaffTransactor, StaffUserRecord, TotpService } from './staff-ports.ts';

export interface StaffAuthDeps {
  staffTx: StaffTransactor;
  clock: Clock;
  hasher: PasswordHasher;
  totp: TotpService;
  /** Admins must use a second factor (NODE_ENV=production). */
  adminsNeedTotp: boolean;
}

export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const newSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

// A real argon2id hash of a random password: unknown e-mails cost the same time as known ones.
let dummyHash: Promise<string> | undefined;

export async function signIn(
  deps: StaffAuthDeps,
  input: { email: string; password: string; totp?: string | undefined; ip: string },
): Promise<{ sessionToken: string; user: StaffUserRecord }> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - loginPolicy.windowMinutes * 60_000);
  const { found, ipFailures } = await deps.staffTx.run(async (staff) => ({
    found: await staff.users.findByEmail(email),
    ipFailures: await staff.loginAttempts.countFailuresFromIp(input.ip, since),
  }));
  if (ipFailures >= loginPolicy.maxFailuresPerIp) {
    throw new DomainError('rate_limited', `too many failed sign-ins from this address; try again in ${loginPolicy.windowMinutes} minutes`);
  }
  const fail = async (code: 'invalid_credentials' | 'invalid_totp' | 'locked', countsAsFailure: boolean) => {
    let locked = false;
    await deps.staffTx.run(async (staff, repos) => {
      await staff.loginAttempts.record({ email, ip: input.ip, succeeded: false, at: now });
      if (found !== undefined && countsAsFailure) {
        const current = await staff.users.find(found.id);
        const next = afterFailedLogin(current?.failedLogins ?? found.failedLogins, now);
        locked = next.lockedUntil !== undefined;
        await staff.users.recordLogin(found.id, { ok: false, failedLogins: next.failedLogins, lockedUntil: next.lockedUntil }, now);
      }
      await repos.audit.append({ actorType: 'staff', ...(found === undefined ? {} : { actorId: found.id }), action: 'staff.sign_in', entityType: 'StaffUser', ...(found === undefined ? {} : { entityId: found.id }), outcome: 'failure', detail: { reason: locked ? 'locked' : code } }, now);
    });
    if (locked || code === 'locked') throw new DomainError('locked', `too many failed sign-ins: the account is locked for ${loginPolicy.lockMinutes} minutes`);
    throw new DomainError(code, code === 'invalid_totp' ? 'the 6-digit code is not right' : 'e-mail or password is not right');
  };

  if (found === undefined) {
    dummyHash ??= deps.hasher.hash(newSecret());
    await deps.hasher.verify(await dummyHash, input.password);
    return fail('invalid_credentials', false);
  }
  if (isLocked(found.lockedUntil, now)) return fail('locked', false);
  const passwordOk = await deps.hasher.verify(found.passwordHash, input.password);
  if (!passwordOk || found.disabled) return fail('invalid_credentials', true);
  if (found.totpEnabled && found.totpSecret !== undefined) {
    if (input.totp === undefined) throw new DomainError('totp_required', 'enter the 6-digit code from your authenticator app');
    if (!deps.totp.verify(found.totpSecret, input.totp, now)) return fail('invalid_totp', true);
  }

  const sessionToken = newSecret();
  await deps.staffTx.run(async (staff, repos) => {
    await staff.loginAttempts.record({ email, ip: input.ip, succeeded: true, at: now });
    await staff.users.recordLogin(found.id, { ok: true }, now);
    await staff.sessions.create({ tokenHash: secretHash(sessionToken), userId: found.id, csrfToken: newSecret(), at: now, expiresAt: sessionExpiry(now, now) });
    await repos.audit.append({ actorType: 'staff', actorId: found.id, action: 'staff.sign_in', entityType: 'StaffUser', entityId: found.id, outcome: 'success', detail: { totp: found.totpEnabled } }, now);
  });
  return { sessionToken, user: found };
}

export interface AuthenticatedSession {
  principal: StaffPrincipal;
  user: StaffUserRecord;
  csrfToken: string;
  /** Production admins without a second factor may only set one up. */
  totpSetupRequired: boolean;
}

/** The session behind a cookie value, or undefined when it is unknown, expired or its user disabled. */
export async function authenticateSession(deps: StaffAuthDeps, sessionToken: string): Promise<AuthenticatedSession | undefined> {
  const now = deps.clock.now();
  const tokenHash = secretHash(sessionToken);
  return deps.staffTx.direct(async (staff) => {
    const session = await staff.sessions.find(tokenHash);
    if (session === undefined) return undefined;
    if (session.expiresAt.getTime() <= now.getTime() || session.user.disabled) {
      await staff.sessions.delete(tokenHash);
      return undefined;
    }
    // Sliding idle timeout, written at most once a minute.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await staff.sessions.touch(tokenHash, now, sessionExpiry(session.createdAt, now));
    const { user } = session;
    return {
      principal: { kind: 'session', userId: user.id, tokenId: undefined, role: user.role, displayName: user.displayName },
      user,
      csrfToken: session.csrfToken,
      totpSetupRequired: deps.adminsNeedTotp && user.role === 'admin' && !user.totpEnabled,
    };
  });
}

export async function signOut(deps: StaffAuthDeps, sessionToken: string, principal: StaffPrincipal): Promise<void> {
  const now = deps.clock.now();
  await deps.staffTx.run(async (staff, repos) => {
    await staff.sessions.delete(secretHash(sessionToken));
    await repos.audit.append({ actorType: 'staff', ...(principal.userId === undefined ? {} : { actorId: principal.userId }), action: 'staff.sign_out', entityType: 'StaffUser', ...(principal.userId === undefined ? {} : { entityId: principal.userId }), outcome: 'success' }, now);
  });
}

/** An integration's bearer token (`hale_…`), or undefined. */
export async function authenticateApiToken(deps: StaffAuthDeps, token: string): Promise<StaffPrincipal | undefined> {
  const now = deps.clock.now();
  return deps.staffTx.direct(async (staff) => {
    const found = await staff.apiTokens.findByHash(secretHash(token));
    if (found === undefined || found.revoked) return undefined;
    if (found.lastUsedAt === undefined || now.getTime() - found.lastUsedAt.getTime() > 60_000) await staff.apiTokens.touch(found.id, now);
    return { kind: 'token', userId: undefined, tokenId: found.id, role: found.role, displayName: `API token “${found.name}”` };
  });
}

export async function createApiToken(deps: StaffAuthDeps, actor: StaffPrincipal, input: { name: string; role: StaffRole }) {
  const now = deps.clock.now();
  const secret = newSecret('hale_');
  const token = await deps.staffTx.run(async (staff, repos) => {
    const created = await staff.apiTokens.create({ name: input.name, role: input.role, tokenHash: secretHash(secret), createdBy: actor.userId ?? '', at: now });
    await repos.audit.append({ actorType: 'staff', ...(actor.userId === undefined ? {} : { actorId: actor.userId }), action: 'api_token.created', entityType: 'ApiToken', entityId: created.id, outcome: 'success', detail: { role: input.role } }, now);
    return created;
  });
  return { token, secret };
}

/** First admin from HALE_ADMIN_EMAIL / HALE_ADMIN_PASSWORD, created once when no staff user exists. */
export async function ensureFirstAdmin(deps: StaffAuthDeps, input: { email: string; password: string; displayName: string }): Promise<'created' | 'exists'> {
  const now = deps.clock.now();
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.staffTx.run(async (staff, repos) => {
    if ((await staff.users.count()) > 0) return 'exists';
    const user = await staff.users.create({ email: input.email, displayName: input.displayName, role: 'admin', passwordHash, language: 'en', at: now });
    await repos.audit.append({ actorType: 'system', action: 'staff_user.created', entityType: 'StaffUser', entityId: user.id, outcome: 'success', detail: { role: 'admin', source: 'environment' } }, now);
    return 'created';
  });
}

export async function startTotpSetup(deps: StaffAuthDeps, userId: string, issuer: string): Promise<{ secret: string; uri: string }> {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff) => {
    const user = await staff.users.find(userId);
    if (user === undefined) throw new DomainError('not_found', 'user not found');
    if (user.totpEnabled) throw new DomainError('conflict', 'a second factor is already set up');
    const secret = deps.totp.generateSecret();
    await staff.users.setTotp(userId, { secret, enabled: false }, now);
    return { secret, uri: deps.totp.uri(secret, user.email, issuer) };
  });
}

export async function enableTotp(deps: StaffAuthDeps, userId: string, code: string): Promise<void> {
  const now = deps.clock.now();
  await deps.staffTx.run(async (staff, repos) => {
    const user = await staff.users.find(userId);
    if (user?.totpSecret === undefined) throw new DomainError('conflict', 'start the set-up first');
    if (!deps.totp.verify(user.totpSecret, code, now)) throw new DomainError('invalid_totp', 'the 6-digit code is not right');
    await staff.users.setTotp(userId, { secret: user.totpSecret, enabled: true }, now);
    await repos.audit.append({ actorType: 'staff', actorId: userId, action: 'staff.totp_enabled', entityType: 'StaffUser', entityId: userId, outcome: 'success' }, now);
  });
}
