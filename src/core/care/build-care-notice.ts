/**
 * Messages the clinic starts in the care flows: the care team's decision on a refill request, and
 * a payment link for an appointment. Inside the 24-hour window an ordinary message (with a "Book
 * appointment" button when the team asks to book first); outside it the approved template of the
 * purpose (`templates` in the clinic configuration) with the same button payload. Undefined when
 * the window is closed and the clinic has no template for it. Pure.
 */
import { DateTime } from 'luxon';
import type { ClinicConfig, Language } from '../clinic/clinic-config.ts';
import type { OutboundReply } from '../messages.ts';
import { careText } from './care-texts.ts';

export type CareNotice =
  | { kind: 'refill_approved' | 'refill_declined' | 'refill_book'; requestId: string; medication: string; reason: string | undefined }
  | { kind: 'payment_link'; appointmentId: string; serviceId: string; start: Date; link: string };

/** Template purposes of these notices (keys of `templates`). */
export const careTemplatePurposes = ['refill_approved', 'refill_declined', 'refill_book', 'payment_link'] as const;

/** Template values may not hold newlines, tabs or long runs of spaces. */
function param(value: string): string {
  const clean = value.replace(/[\n\r\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return clean === '' ? '-' : clean.slice(0, 200);
}

export function buildCareNotice(config: ClinicConfig, language: Language | undefined, notice: CareNotice, windowOpen: boolean): OutboundReply | undefined {
  const lang = language !== undefined && config.languages.supported.includes(language) ? language : config.languages.default;
  const text = (key: Parameters<typeof careText>[1], params: Record<string, string>) => careText(lang, key, { clinic: config.clinic.name, ...params });
  let session: OutboundReply;
  let bodyParams: string[];
  let payloads: string[] | undefined;
  if (notice.kind === 'payment_link') {
    const service = config.departments.flatMap((d) => d.services).find((s) => s.id === notice.serviceId);
    const serviceName = service?.name[lang] ?? service?.name[config.languages.default] ?? notice.serviceId;
    const date = DateTime.fromJSDate(notice.start, { zone: config.clinic.timeZone }).setLocale(lang).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    session = { kind: 'text', text: text('paymentLink', { service: serviceName, date, link: notice.link }) };
    bodyParams = [param(serviceName), param(date), notice.link];
  } else {
    const reason = notice.reason === undefined ? '' : text('refillReason', { reason: notice.reason });
    const key = notice.kind === 'refill_approved' ? 'refillApproved' : notice.kind === 'refill_declined' ? 'refillDeclined' : 'refillBook';
    const body = text(key, { medication: notice.medication, reason });
    bodyParams = [param(notice.medication), param(notice.reason ?? '-')];
    if (notice.kind === 'refill_book') {
      payloads = [`rx:book:${notice.requestId}`];
      session = { kind: 'choices', text: body, choices: [{ id: payloads[0]!, title: text('refillBookButton', {}) }] };
    } else {
      session = { kind: 'text', text: body };
    }
  }
  if (windowOpen) return session;
  const template = config.templates[notice.kind];
  const code = template?.languages[lang] ?? template?.languages[config.languages.default];
  if (template === undefined || code === undefined) return undefined;
  return { kind: 'template', name: template.name, language: code, bodyParams, ...(payloads === undefined ? {} : { quickReplyPayloads: payloads }) };
}
