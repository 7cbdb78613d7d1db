/**
 * Booking by chat: service → day → time (a short hold) → confirm, and "my appointments" with
 * cancel. Pure: when it needs availability or must hold/book/cancel, it returns a request; the
 * use case answers it and calls `resumeBooking` with the result.
 */
import { DateTime } from 'luxon';
import type { LocalizedText } from '../clinic/clinic-config.ts';
import { groupByLocalDay } from '../scheduling/group-by-local-day.ts';
import type { Choice } from '../messages.ts';
import type { AssistantRequest, RequestResult, SlotOption } from './effects.ts';
import { truncate } from './menus.ts';
import { parseBirthDate, parseFullName } from './parse-birth-date.ts';
import { languageOf, replyChoices, replyText, say, type Turn } from './turn.ts';

const MAX_ROWS = 10;

function localized(turn: Turn, text: LocalizedText): string {
  return text[languageOf(turn)] ?? text[turn.config.languages.default] ?? Object.values(text)[0] ?? '';
}

function services(turn: Turn) {
  return turn.config.departments.flatMap((d) => d.services.map((s) => ({ department: d, service: s })));
}

function serviceName(turn: Turn, serviceId: string): string {
  const found = services(turn).find((x) => x.service.id === serviceId);
  return found === undefined ? serviceId : localized(turn, found.service.name);
}

function practitionerName(turn: Turn, practitionerId: string): string {
  return turn.config.providers.find((p) => p.id === practitionerId)?.name ?? practitionerId;
}

function when(turn: Turn, start: number, format: Intl.DateTimeFormatOptions): string {
  return DateTime.fromMillis(start, { zone: turn.config.clinic.timeZone }).setLocale(languageOf(turn)).toLocaleString(format);
}

export function startBooking(turn: Turn): void {
  const rows: Choice[] = services(turn)
    .slice(0, MAX_ROWS)
    .map(({ department, service }) => ({
      id: `svc:${service.id}`,
      title: truncate(localized(turn, service.name), 24),
      description: truncate(`${localized(turn, department.name)} · ${service.durationMinutes} min`, 72),
    }));
  replyChoices(turn, say(turn, 'bookChooseService'), rows, say(turn, 'bookServicesButton'));
  turn.state.step = 'book_service';
  delete turn.state.booking;
}

/** A booking choice from the patient; returns a request when data or an action is needed. */
export function handleBookingChoice(turn: Turn, choiceId: string): AssistantRequest | undefined {
  if (choiceId.startsWith('svc:')) {
    const serviceId = choiceId.slice(4);
    turn.state.booking = { serviceId };
    turn.state.step = 'book_day';
    return { type: 'availability', serviceId };
  }
  const booking = turn.state.booking;
  if (booking === undefined) {
    startBooking(turn);
    return undefined;
  }
  if (choiceId.startsWith('day:')) {
    turn.state.step = 'book_time';
    return { type: 'availability', serviceId: booking.serviceId, day: choiceId.slice(4) };
  }
  if (choiceId === 'book:days') return { type: 'availability', serviceId: booking.serviceId };
  if (choiceId.startsWith('slot:')) {
    const [practitionerId, start] = choiceId.slice(5).split('@') as [string, string];
    turn.state.booking = { serviceId: booking.serviceId, practitionerId, start: Number(start), ...(booking.rescheduleOf === undefined ? {} : { rescheduleOf: booking.rescheduleOf }) };
    return { type: 'hold', serviceId: booking.serviceId, practitionerId, start: Number(start) };
  }
  if (choiceId === 'book:confirm' && booking.practitionerId !== undefined && booking.start !== undefined) {
    return {
      type: 'book',
      serviceId: booking.serviceId,
      practitionerId: booking.practitionerId,
      start: booking.start,
      ...(booking.holdId === undefined ? {} : { holdId: booking.holdId }),
      ...(booking.rescheduleOf === undefined ? {} : { rescheduleOf: booking.rescheduleOf }),
    };
  }
  if (choiceId === 'book:other') return { type: 'availability', serviceId: booking.serviceId };
  startBooking(turn);
  return undefined;
}

/** Asks to confirm the held slot. */
function askToConfirm(turn: Turn): void {
  const booking = turn.state.booking;
  if (booking?.practitionerId === undefined || booking.start === undefined) return startBooking(turn);
  const summary = say(turn, 'bookSummary', {
    service: serviceName(turn, booking.serviceId),
    practitioner: practitionerName(turn, booking.practitionerId),
    when: when(turn, booking.start, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  });
  replyChoices(turn, `${summary}\n\n${say(turn, 'bookConfirmQuestion', { minutes: String(turn.config.scheduling.holdMinutes) })}`, [
    { id: 'book:confirm', title: say(turn, 'bookConfirmButton') },
    { id: 'book:other', title: say(turn, 'bookOtherTimeButton') },
  ]);
  turn.state.step = 'book_confirm';
}

/** The first booking asks for the full name, then the date of birth; both are kept encrypted. */
export function handleDetailsText(turn: Turn, text: string): void {
  const booking = turn.state.booking;
  if (booking === undefined) return startBooking(turn);
  if (turn.state.step === 'book_name') {
    const fullName = parseFullName(text);
    if (fullName === undefined) return replyText(turn, say(turn, 'bookBadName'));
    booking.fullName = fullName;
    replyText(turn, say(turn, 'bookAskBirthDate'));
    turn.state.step = 'book_dob';
    return;
  }
  const birthDate = parseBirthDate(text, turn.now);
  if (birthDate === undefined || booking.fullName === undefined) return replyText(turn, say(turn, 'bookBadBirthDate'));
  turn.effects.push({ type: 'patient.details_recorded', fullName: booking.fullName, birthDate });
  delete booking.fullName;
  turn.patientHasDetails = true;
  askToConfirm(turn);
}

export function handleAppointmentChoice(choiceId: string): AssistantRequest | undefined {
  if (choiceId.startsWith('cancel:')) return { type: 'cancel', appointmentId: choiceId.slice(7) };
  return undefined;
}

/** Continues after the use case answered a request. */
export function resumeBooking(turn: Turn, request: AssistantRequest, result: RequestResult): void {
  const booking = turn.state.booking;
  if (result.type === 'availability' && request.type === 'availability') {
    if (request.day === undefined) return offerDays(turn, result.slots);
    return offerTimes(turn, result.slots);
  }
  if (result.type === 'hold' && booking?.practitionerId !== undefined && booking.start !== undefined) {
    if (!result.ok) return offerAlternatives(turn, result.alternatives);
    booking.holdId = result.holdId;
    if (!turn.patientHasDetails) {
      replyText(turn, say(turn, 'bookAskName'));
      turn.state.step = 'book_name';
      return;
    }
    askToConfirm(turn);
    return;
  }
  if (result.type === 'book' && booking?.practitionerId !== undefined && booking.start !== undefined) {
    if (!result.ok) return offerAlternatives(turn, result.alternatives);
    const details = {
      service: serviceName(turn, booking.serviceId),
      practitioner: practitionerName(turn, booking.practitionerId),
      when: when(turn, booking.start, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
      address: turn.config.clinic.address ?? turn.config.clinic.name,
    };
    replyText(turn, say(turn, result.status === 'booked' ? 'bookBooked' : 'bookRequested', details));
    delete turn.state.booking;
    turn.state.step = 'menu';
    return;
  }
  if (result.type === 'appointments') return listAppointments(turn, result.items);
  if (result.type === 'cancel') {
    replyText(turn, say(turn, result.ok ? 'apptCancelled' : result.reason === 'cutoff' ? 'apptCancelTooLate' : 'apptNotFound'));
    turn.state.step = 'menu';
  }
}

function offerDays(turn: Turn, slots: SlotOption[]): void {
  const booking = turn.state.booking;
  const days = groupByLocalDay(slots.map((s) => ({ ...s, start: new Date(s.start) })), turn.config.clinic.timeZone).slice(0, MAX_ROWS - 1);
  if (days.length === 0) {
    replyChoices(turn, say(turn, 'bookNoDays'), [{ id: 'menu:staff', title: say(turn, 'faqNoneOfThese') }]);
    turn.state.step = 'menu';
    return;
  }
  const rows: Choice[] = days.map((day) => ({
    id: `day:${day.date}`,
    title: truncate(when(turn, day.slots[0]!.start.getTime(), { weekday: 'long', day: 'numeric', month: 'short' }), 24),
    description: say(turn, 'bookFreeTimes', { count: String(day.slots.length) }),
  }));
  rows.push({ id: 'menu:staff', title: truncate(say(turn, 'faqNoneOfThese'), 24) });
  replyChoices(turn, say(turn, 'bookChooseDay', { service: serviceName(turn, booking?.serviceId ?? '') }), rows, say(turn, 'bookDaysButton'));
  turn.state.step = 'book_day';
}

function offerTimes(turn: Turn, slots: SlotOption[], text = say(turn, 'bookChooseTime')): void {
  const rows: Choice[] = slots.slice(0, MAX_ROWS - 1).map((slot) => ({
    id: `slot:${slot.practitionerId}@${slot.start}`,
    title: truncate(when(turn, slot.start, { weekday: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }), 24),
    description: truncate(practitionerName(turn, slot.practitionerId), 72),
  }));
  rows.push({ id: 'book:days', title: truncate(say(turn, 'bookAnotherDay'), 24) });
  replyChoices(turn, text, rows, say(turn, 'bookTimesButton'));
  turn.state.step = 'book_time';
}

function offerAlternatives(turn: Turn, alternatives: SlotOption[]): void {
  const previous = turn.state.booking;
  if (previous !== undefined) turn.state.booking = { serviceId: previous.serviceId, ...(previous.rescheduleOf === undefined ? {} : { rescheduleOf: previous.rescheduleOf }) };
  if (alternatives.length === 0) {
    replyChoices(turn, say(turn, 'bookSlotTakenNoAlternatives'), [{ id: 'book:days', title: say(turn, 'bookOtherTimeButton') }]);
    turn.state.step = 'book_time';
    return;
  }
  offerTimes(turn, alternatives, say(turn, 'bookSlotTaken'));
}

function listAppointments(turn: Turn, items: Array<{ id: string; serviceId: string; practitionerId: string; start: number; status: string }>): void {
  if (items.length === 0) {
    replyChoices(turn, say(turn, 'apptNone'), [{ id: 'menu:book', title: truncate(say(turn, 'menuBook'), 20) }]);
    turn.state.step = 'menu';
    return;
  }
  const lines = items.map((a) =>
    `• ${when(turn, a.start, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} — ${serviceName(turn, a.serviceId)}, ${practitionerName(turn, a.practitionerId)}${a.status === 'pending' ? ` (${say(turn, 'apptPending')})` : ''}`,
  );
  // Rows carry a description, so they always render as a list (row titles may be 24 characters; buttons only 20).
  const rows: Choice[] = items.slice(0, MAX_ROWS).map((a) => ({
    id: `cancel:${a.id}`,
    title: truncate(say(turn, 'apptCancelRow', { when: when(turn, a.start, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) }), 24),
    description: truncate(`${serviceName(turn, a.serviceId)} · ${practitionerName(turn, a.practitionerId)}`, 72),
  }));
  replyChoices(turn, `${say(turn, 'apptListIntro')}\n${lines.join('\n')}`, rows, say(turn, 'apptManageButton'));
  turn.state.step = 'appointments';
}
