/**
 * Messages the clinic starts (not answers): a freed slot offered from the waitlist, and staff's
 * decision on a booking request. Inside the 24-hour window they are ordinary messages with
 * buttons; outside it, the approved template configured for the purpose (`templates` in the
 * clinic configuration), with the same button payloads. Pure.
 */
import { DateTime } from 'luxon';
import type { ClinicConfig, Language } from '../clinic/clinic-config.ts';
import { translate } from '../locales/translate.ts';
import type { OutboundReply } from '../messages.ts';

/** Template purposes for these notices (keys of `templates` in the clinic configuration). */
export const noticeTemplatePurposes = ['waitlist_offer', 'request_confirmed', 'request_declined'] as const;

export type PatientNotice =
  | { kind: 'waitlist_offer'; entryId: string; serviceId: string; practitionerId: string; start: Date }
  | { kind: 'request_confirmed' | 'request_declined'; serviceId: string; practitionerId: string; start: Date };

export function buildPatientNotice(config: ClinicConfig, language: Language | undefined, notice: PatientNotice, windowOpen: boolean): OutboundReply {
  const lang = language !== undefined && config.languages.supported.includes(language) ? language : config.languages.default;
  const service = config.departments.flatMap((d) => d.services).find((s) => s.id === notice.serviceId);
  const params = {
    clinic: config.clinic.name,
    service: service === undefined ? notice.serviceId : (service.name[lang] ?? service.name[config.languages.default] ?? notice.serviceId),
    practitioner: config.providers.find((p) => p.id === notice.practitionerId)?.name ?? notice.practitionerId,
    when: DateTime.fromJSDate(notice.start, { zone: config.clinic.timeZone }).setLocale(lang).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
    address: config.clinic.address ?? config.clinic.name,
  };
  // The offered start is in the payload: an old button never books a later offer to the same entry.
  const offered = notice.kind === 'waitlist_offer' ? `${notice.entryId}@${notice.start.getTime()}` : '';
  const yes = `wl:yes:${offered}`;
  const no = `wl:no:${offered}`;
  const payloads = notice.kind === 'waitlist_offer' ? [yes, no] : undefined;
  const template = config.templates[notice.kind];
  if (!windowOpen && template !== undefined) {
    const code = template.languages[lang] ?? template.languages[config.languages.default];
    if (code !== undefined) {
      return { kind: 'template', name: template.name, language: code, bodyParams: [params.service, params.practitioner, params.when], ...(payloads === undefined ? {} : { quickReplyPayloads: payloads }) };
    }
  }
  // Inside the window (or with no template configured: the send then fails visibly for staff).
  if (notice.kind === 'waitlist_offer') {
    return {
      kind: 'choices',
      text: translate(lang, 'waitOffer', params),
      choices: [
        { id: yes, title: translate(lang, 'bookConfirmButton') },
        { id: no, title: translate(lang, 'waitOfferDecline') },
      ],
    };
  }
  return { kind: 'text', text: translate(lang, notice.kind === 'request_confirmed' ? 'requestConfirmed' : 'requestDeclined', params) };
}

/** The appointment's calendar file, sent after a confirmation inside the 24-hour window. */
export function buildCalendarReply(config: ClinicConfig, language: Language | undefined, storageKey: string): OutboundReply {
  const lang = language !== undefined && config.languages.supported.includes(language) ? language : config.languages.default;
  return { kind: 'media', mediaType: 'document', source: { storageKey }, filename: 'appointment.ics', mimeType: 'text/plain', caption: translate(lang, 'calendarCaption') };
}
