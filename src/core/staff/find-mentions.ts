/**
 * The staff members an internal note mentions: `@` followed by the start of a display name
 * (case- and accent-insensitive, spaces allowed: "@Anna K" or "@anna.k") or of an e-mail's
 * local part. The longest matching name wins, so "@Anna Kraus" is not read as "@Anna".
 */
export function findMentions<T extends { id: string; displayName: string; email: string }>(text: string, staff: readonly T[]): T[] {
  const found = new Map<string, T>();
  const body = fold(text);
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}._-]/u.test(body[at - 1] ?? '')) continue; // an e-mail address in the text
    const rest = body.slice(at + 1);
    let best: { member: T; length: number } | undefined;
    for (const member of staff) {
      for (const handle of [fold(member.displayName), fold(member.email.split('@')[0] ?? ''), fold(member.displayName).replace(/\s+/g, '.')]) {
        if (handle === '' || !rest.startsWith(handle)) continue;
        const next = rest[handle.length];
        if (next !== undefined && /[\p{L}\p{N}]/u.test(next)) continue;
        if (best === undefined || handle.length > best.length) best = { member, length: handle.length };
      }
    }
    if (best !== undefined) found.set(best.member.id, best.member);
  }
  return [...found.values()];
}

function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
