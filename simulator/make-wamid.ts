/** Ids that look like Meta's: wamids, numeric media ids, BSUIDs and trace ids. */
import { randomBytes, randomInt } from 'node:crypto';

/**
 * `wamid.` + base64 of a protobuf-like blob carrying the user's number and a random message key,
 * the same structure as real ids (`wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI…`).
 */
export function makeWamid(waId: string): string {
  const number = Buffer.from(waId, 'ascii');
  const key = Buffer.from(randomBytes(10).toString('hex').toUpperCase(), 'ascii');
  const blob = Buffer.concat([
    Buffer.from([0x1c, 0x18, number.length]),
    number,
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, key.length]),
    key,
    Buffer.from([0x00]),
  ]);
  return `wamid.${blob.toString('base64')}`;
}

/** 15–16 digit numeric id, like Meta's media ids. */
export function makeMediaId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

const COUNTRY_BY_PREFIX: Array<[string, string]> = [
  ['1', 'US'],
  ['44', 'GB'],
  ['49', 'DE'],
  ['34', 'ES'],
  ['33', 'FR'],
  ['39', 'IT'],
  ['31', 'NL'],
  ['52', 'MX'],
  ['55', 'BR'],
  ['91', 'IN'],
];

/** A stable business-scoped user id (2026 BSUID) for a number, e.g. `US.13491208655302741918`. */
export function makeUserId(waId: string): string {
  const country = COUNTRY_BY_PREFIX.find(([prefix]) => waId.startsWith(prefix))?.[1] ?? 'US';
  let digits = '';
  let seed = 0;
  for (const ch of waId) seed = (seed * 31 + ch.charCodeAt(0)) % 2147483647;
  while (digits.length < 20) {
    seed = (seed * 48271) % 2147483647;
    digits += String(seed % 10);
  }
  return `${country}.1${digits.slice(1)}`;
}

export function makeTraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}
