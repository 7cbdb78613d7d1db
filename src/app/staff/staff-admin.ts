/** Admin: staff users and roles, canned replies, API tokens, the audit log. Every change is audited. */
import { DomainError } from '../../core/domain-error.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';
import type { AuditEntry, Clock } from '../ports.ts';
import type { PasswordHasher, StaffPrincipal, StaffTransactor, StaffUserRecord } from './staff-ports.ts';

export interface AdminDeps {
  staffTx: StaffTransactor;
  clock: Clock;
  hasher: PasswordHasher;
}

const actorOf = (p: StaffPrincipal): Pick<AuditEntry, 'actorType' | 'actorId'> =>
  p.userId !== undefined ? { actorType: 'staff', actorId: p.userId } : { actorType: 'integration', ...(p.tokenId === undefined ? {} : { actorId: p.tokenId }) };

export const toUserOut = (u: StaffUserRecord) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  language: u.language,
  totpEnabled: u.totpEnabled,
  disabled: u.disabled,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

export async function listStaff(deps: AdminDeps) {
  return deps.staffTx.run(async (staff) => (await staff.users.list()).map(toUserOut));
}

export async function createStaffUser(deps: AdminDeps, principal: StaffPrincipal, input: { email: string; displayName: string; role: StaffRole; password: string; language: 'en' | 'de' }) {
  const now = deps.clock.now();
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.staffTx.run(async (staff, repos) => {
    if ((await staff.users.findByEmail(input.email)) !== undefined) throw new DomainError('conflict', 'a staff member with this e-mail exists');
    const user = await staff.users.create({ email: input.email, displayName: input.displayName, role: input.role, passwordHash, language: input.language, at: now });
    await repos.audit.append({ ...actorOf(principal), action: 'staff_user.created', entityType: 'StaffUser', entityId: user.id, outcome: 'success', detail: { role: input.role } }, now);
    return toUserOut(user);
  });
}

export async function updateStaffUser(deps: AdminDeps, principal: StaffPrincipal, userId: string, input: { role?: StaffRole | undefined; disabled?: boolean | undefined; displayName?: string | undefined }) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const user = await staff.users.find(userId);
    if (user === undefined) throw new DomainError('not_found', 'staff member not found');
    if (user.id === principal.userId && (input.disabled === true || (input.role !== undefined && input.role !== 'admin'))) {
      throw new DomainError('conflict', 'you cannot disable yourself or take away your own admin role');
    }
    await staff.users.update(user.id, { ...(input.role === undefined ? {} : { role: input.role }), ...(input.disabled === undefined ? {} : { disabled: input.disabled }), ...(input.displayName === undefined ? {} : { displayName: input.displayName }) }, now);
    // A changed role or a disabled account takes effect at once: sessions end.
    if (input.disabled === true || (input.role !== undefined && input.role !== user.role)) await staff.sessions.deleteForUser(user.id);
    await repos.audit.append({ ...actorOf(principal), action: 'staff_user.updated', entityType: 'StaffUser', entityId: user.id, outcome: 'success', detail: { role: input.role ?? null, disabled: input.disabled ?? null } }, now);
    const updated = await staff.users.find(user.id);
    if (updated === undefined) throw new DomainError('not_found', 'staff member not found');
    return toUserOut(updated);
  });
}

export async function listCannedReplies(deps: AdminDeps) {
  return deps.staffTx.run((staff) => staff.canned.list());
}

export async function saveCannedReply(deps: AdminDeps, principal: StaffPrincipal, id: string | undefined, input: { shortcut: string; title: string; body: string }) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const existing = (await staff.canned.list()).find((c) => c.shortcut === input.shortcut);
    if (existing !== undefined && existing.id !== id) throw new DomainError('conflict', `the shortcut /${input.shortcut} is taken`);
    let saved;
    if (id === undefined) saved = await staff.canned.create(input, now);
    else if (await staff.canned.update(id, input, now)) saved = { id, ...input };
    else throw new DomainError('not_found', 'canned reply not found');
    await repos.audit.append({ ...actorOf(principal), action: id === undefined ? 'canned_reply.created' : 'canned_reply.updated', entityType: 'CannedReply', entityId: saved.id, outcome: 'success' }, now);
    return saved;
  });
}

export async function deleteCannedReply(deps: AdminDeps, principal: StaffPrincipal, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.staffTx.run(async (staff, repos) => {
    if (!(await staff.canned.delete(id))) throw new DomainError('not_found', 'canned reply not found');
    await repos.audit.append({ ...actorOf(principal), action: 'canned_reply.deleted', entityType: 'CannedReply', entityId: id, outcome: 'success' }, now);
  });
}

export async function listApiTokens(deps: AdminDeps) {
  return deps.staffTx.run(async (staff) => (await staff.apiTokens.list()).map((t) => ({ id: t.id, name: t.name, role: t.role, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revoked: t.revoked })));
}

export async function revokeApiToken(deps: AdminDeps, principal: StaffPrincipal, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.staffTx.run(async (staff, repos) => {
    if (!(await staff.apiTokens.revoke(id, now))) throw new DomainError('not_found', 'API token not found (or already revoked)');
    await repos.audit.append({ ...actorOf(principal), action: 'api_token.revoked', entityType: 'ApiToken', entityId: id, outcome: 'success' }, now);
  });
}

/** The audit log, newest first, with the chain check; reading it is itself audited. */
export async function readAuditLog(deps: AdminDeps, principal: StaffPrincipal, filter: { actorId?: string | undefined; patientId?: string | undefined; action?: string | undefined; limit: number; beforeId?: number | undefined }) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const rows = await staff.audit.list({
      limit: filter.limit,
      ...(filter.actorId === undefined ? {} : { actorId: filter.actorId }),
      ...(filter.patientId === undefined ? {} : { patientId: filter.patientId }),
      ...(filter.action === undefined ? {} : { action: filter.action }),
      ...(filter.beforeId === undefined ? {} : { beforeId: filter.beforeId }),
    });
    const users = new Map((await staff.users.list()).map((u) => [u.id, u.displayName]));
    const chainIntact = filter.beforeId === undefined ? await staff.audit.verifyChain() : null;
    await repos.audit.append({ ...actorOf(principal), action: 'audit_log.viewed', entityType: 'AuditEvent', outcome: 'success', detail: { rows: rows.length } }, now);
    return {
      items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actorType: r.actorType, actorId: r.actorId ?? null, actorName: r.actorId === undefined ? null : (users.get(r.actorId) ?? null), action: r.action, entityType: r.entityType, entityId: r.entityId ?? null, patientId: r.patientId ?? null, outcome: r.outcome, detail: r.detail })),
      chainIntact,
    };
  });
}
