/**
 * The signed-in staff member's own account: password change (needs the current password;
 * other sessions end) and the internal notes that @mention them (unread ones counted from the
 * last time they opened the list). Both audited.
 */
import type { ClinicConfig } from '../../core/clinic/clinic-config.ts';
import { DomainError } from '../../core/domain-error.ts';
import { locales } from '../../core/locales/translate.ts';
import type { Clock } from '../ports.ts';
import { templateOptions } from './inbox.ts';
import { secretHash } from './staff-sessions.ts';
import type { PasswordHasher, StaffTransactor } from './staff-ports.ts';

export interface AccountDeps {
  staffTx: StaffTransactor;
  clock: Clock;
  hasher: PasswordHasher;
}

export async function changePassword(deps: AccountDeps, input: { userId: string; sessionToken: string; currentPassword: string; newPassword: string }): Promise<{ otherSessionsEnded: number }> {
  const now = deps.clock.now();
  const user = await deps.staffTx.direct((staff) => staff.users.find(input.userId));
  if (user === undefined || user.disabled) throw new DomainError('not_found', 'staff member not found');
  const ok = await deps.hasher.verify(user.passwordHash, input.currentPassword);
  if (!ok) {
    await deps.staffTx.run((_staff, repos) =>
      repos.audit.append({ actorType: 'staff', actorId: user.id, action: 'staff.password_changed', entityType: 'StaffUser', entityId: user.id, outcome: 'failure', detail: { reason: 'wrong_current_password' } }, now),
    );
    // Not 401: the session is fine, only the password typed was wrong.
    throw new DomainError('invalid_input', 'the current password is not right', { field: 'currentPassword' });
  }
  if (input.newPassword === input.currentPassword) throw new DomainError('invalid_input', 'the new password must differ from the current one', { field: 'newPassword' });
  const passwordHash = await deps.hasher.hash(input.newPassword);
  return deps.staffTx.run(async (staff, repos) => {
    await staff.users.update(user.id, { passwordHash }, now);
    const ended = await staff.sessions.deleteOthers(user.id, secretHash(input.sessionToken));
    await repos.audit.append({ actorType: 'staff', actorId: user.id, action: 'staff.password_changed', entityType: 'StaffUser', entityId: user.id, outcome: 'success', detail: { otherSessionsEnded: ended } }, now);
    return { otherSessionsEnded: ended };
  });
}

const MENTIONS_LIMIT = 30;

/** Notes that mention the user (newest first), which of them are new, and the unread count. */
export async function listMentions(deps: AccountDeps, userId: string) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const [rows, seenAt, users] = await Promise.all([staff.notes.mentioning(userId, MENTIONS_LIMIT), staff.users.mentionsSeenAt(userId), staff.users.directory()]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const isNew = (at: Date) => seenAt === undefined || at.getTime() > seenAt.getTime();
    if (rows.length > 0) await repos.audit.append({ actorType: 'staff', actorId: userId, action: 'mentions.viewed', entityType: 'Conversation', outcome: 'success', detail: { count: rows.length } }, now);
    return {
      unread: rows.filter((r) => isNew(r.at)).length,
      items: rows.map((r) => ({ noteId: r.noteId, conversationId: r.conversationId, patientId: r.patientId, patientName: r.patientName ?? null, author: names.get(r.authorId) ?? 'Former staff member', body: r.body, at: r.at.toISOString(), unread: isNew(r.at) })),
    };
  });
}

/** Just the unread count (for the badge: no PHI, so no audit row). */
export async function countUnreadMentions(deps: AccountDeps, userId: string): Promise<number> {
  return deps.staffTx.direct(async (staff) => staff.notes.countMentioning(userId, await staff.users.mentionsSeenAt(userId)));
}

export async function markMentionsSeen(deps: AccountDeps, userId: string): Promise<void> {
  await deps.staffTx.direct((staff) => staff.users.setMentionsSeen(userId, deps.clock.now()));
}

/**
 * Opening hours, holidays, the away message per language and the WhatsApp templates map, as
 * the clinic configuration file sets them (read-only here: docs/clinic-config.md).
 */
export function clinicSettings(clinic: ClinicConfig) {
  const away = Object.fromEntries(
    clinic.languages.supported.map((lang) => {
      const custom = clinic.awayMessage === undefined ? undefined : (clinic.awayMessage as Record<string, string | undefined>)[lang];
      return [lang, { text: custom ?? locales[lang].handoverAway, custom: custom !== undefined }];
    }),
  );
  return {
    clinicName: clinic.clinic.name,
    timeZone: clinic.clinic.timeZone,
    openingHours: clinic.openingHours,
    holidays: clinic.holidays.map((h) => ({ date: h.date, name: h.name ?? null })),
    awayMessage: away,
    languages: clinic.languages.supported,
    templates: Object.entries(clinic.templates).map(([purpose, t]) => ({ purpose, name: t.name, languages: t.languages as Record<string, string>, params: t.params ?? [] })),
    sendable: templateOptions(clinic, undefined).map((t) => t.purpose),
  };
}
