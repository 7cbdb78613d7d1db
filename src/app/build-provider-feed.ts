import { timingSafeEqual } from 'node:crypto';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { buildCalendar } from '../core/scheduling/build-calendar.ts';
import { toCalendarEvent } from '../core/scheduling/to-calendar-event.ts';
import type { Cipher, Clock, Transactor } from './ports.ts';
import { calendarUidDomain } from './store-appointment-calendar.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; cipher: Pick<Cipher, 'blindIndex'> };

/** How far back and ahead the feed reaches. */
const PAST_DAYS = 30;

/**
 * The secret token of a provider's calendar feed: an HMAC of the provider id under the
 * encryption key (nothing stored; rotating HALE_ENCRYPTION_KEY changes every feed URL).
 */
export function providerFeedToken(cipher: Pick<Cipher, 'blindIndex'>, practitionerId: string): string {
  return cipher.blindIndex('calendar-feed', practitionerId);
}

/**
 * A provider's iCalendar feed (for a URL that needs no session, so it carries no PHI: each
 * event is the service and its status, never the patient). `not_found` for an unknown provider
 * or a wrong token, alike, so the URL reveals nothing.
 */
export async function buildProviderFeed(deps: Deps, input: { practitionerId: string; token: string }): Promise<string> {
  const provider = deps.clinic.providers.find((p) => p.id === input.practitionerId);
  const expected = Buffer.from(providerFeedToken(deps.cipher, input.practitionerId));
  const given = Buffer.from(input.token);
  if (provider === undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError('not_found', 'no such calendar');
  }
  const now = deps.clock.now();
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + (deps.clinic.scheduling.horizonDays + 1) * 86_400_000);
  const appointments = await deps.tx.run((repos) => repos.appointments.listForPractitioner(provider.id, { from, to }));
  const events = appointments
    .filter((a) => a.status !== 'proposed')
    .map((a) => toCalendarEvent(deps.clinic, a, { audience: 'provider', uidDomain: calendarUidDomain }));
  return buildCalendar(events, { stamp: now, calendarName: `${provider.name} – ${deps.clinic.clinic.name}` });
}
