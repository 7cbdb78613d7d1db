/**
 * Booking by chat: service → provider or "anyone" → day → time (a short hold) → confirm, then a
 * short pre-visit questionnaire; "my appointments" with change time and cancel (the cut-off
 * policy: inside it, staff contact instead); the waitlist when nothing fits, and answers to a
 * freed slot offered from it. Pure: when it needs availability or must hold/book/cancel, it
 * returns a request; the use case answers it and calls `resumeBooking` with the result.
 */
import { DateTime } from 'luxon';
import type { LocalizedText } from '../clinic/clinic-config.ts';
import { canCancel } from '../scheduling/appointment-status.ts';
import { groupByLocalDay } from '../scheduling/group-by-local-day.ts';
import { practitionersForService } from '../scheduling/practitioners-for-service.ts';
import type { Choice } from '../messages.ts';
import type { AssistantRequest, BookedSlot, RequestResult, SlotOption } from './effects.ts';
import { truncate } from './menus.ts';
import { parseBirthDate, parseFullName } from './parse-birth-date.ts';
import { languageOf, replyChoices, replyText, say, type Turn } from './turn.ts';

const MAX_ROWS = 10;
const ANY = 'any';
/** Waitlist windows offered, in days from now. */
const WAIT_DAYS = { 'wait:7': 7, 'wait:14': 14, 'wait:30': 30 } as const;

function localized(turn: Turn, text: LocalizedText): string {
  return text[languageOf(turn)] ?? text[turn.config.languages.default] ?? Object.values(text)[0] ?? '';
}

function services(turn: Turn) {
  return turn.config.departments.flatMap((d) => d.services.map((s) => ({ department: d, service: s })));
}

function findService(turn: Turn, serviceId: string) {
  return services(turn).find((x) => x.service.id === serviceId)?.service;
}

function serviceName(turn: Turn, serviceId: string): string {
  const found = findService(turn, serviceId);
  return found === undefined ? serviceId : localized(turn, found.name);
}

function practitionerName(turn: Turn, practitionerId: string): string {
  return turn.config.providers.find((p) => p.id === practitionerId)?.name ?? practitionerId;
}

function when(turn: Turn, start: number, format: Intl.DateTimeFormatOptions): string {
  return DateTime.fromMillis(start, { zone: turn.config.clinic.timeZone }).setLocale(languageOf(turn)).toLocaleString(format);
}

const LONG: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };

/** The words the chat uses for an appointment: service, practitioner, when (clinic's zone), address. */
export function describeSlot(turn: Turn, slot: { serviceId: string; practitionerId: string; start: number }): Record<string, string> {
  return {
    service: serviceName(turn, slot.serviceId),
    practitioner: practitionerName(turn, slot.practitionerId),
    when: when(turn, slot.start, LONG),
    address: turn.config.clinic.address ?? turn.config.clinic.name,
  };
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

/** Provider or "anyone" when more than one provider offers the service; else straight to the days. */
function chooseProvider(turn: Turn): AssistantRequest | undefined {
  const booking = turn.state.booking;
  if (booking === undefined) return restart(turn);
  const providers = practitionersForService(turn.config, booking.serviceId);
  if (providers.length <= 1) {
    booking.provider = providers[0]?.id ?? ANY;
    turn.state.step = 'book_day';
    return { type: 'availability', serviceId: booking.serviceId, practitionerId: booking.provider };
  }
  const rows: Choice[] = [
    { id: `prov:${ANY}`, title: truncate(say(turn, 'bookAnyProvider'), 24), description: truncate(say(turn, 'bookAnyProviderDescription'), 72) },
    ...providers.slice(0, MAX_ROWS - 1).map((p) => ({ id: `prov:${p.id}`, title: truncate(p.name, 24) })),
  ];
  replyChoices(turn, say(turn, 'bookChooseProvider', { service: serviceName(turn, booking.serviceId) }), rows, say(turn, 'bookProvidersButton'));
  turn.state.step = 'book_provider';
  return undefined;
}

/** A booking choice from the patient; returns a request when data or an action is needed. */
export function handleBookingChoice(turn: Turn, choiceId: string): AssistantRequest | undefined {
  if (choiceId.startsWith('svc:')) {
    const serviceId = choiceId.slice(4);
    if (findService(turn, serviceId) === undefined) return restart(turn);
    turn.state.booking = { serviceId };
    return chooseProvider(turn);
  }
  const booking = turn.state.booking;
  if (booking === undefined) return restart(turn);
  const provider = booking.provider ?? ANY;
  if (choiceId.startsWith('prov:')) {
    const wanted = choiceId.slice(5);
    booking.provider = wanted === ANY || practitionersForService(turn.config, booking.serviceId).some((p) => p.id === wanted) ? wanted : ANY;
    turn.state.step = 'book_day';
    return { type: 'availability', serviceId: booking.serviceId, practitionerId: booking.provider };
  }
  if (choiceId.startsWith('day:')) {
    turn.state.step = 'book_time';
    return { type: 'availability', serviceId: booking.serviceId, practitionerId: provider, day: choiceId.slice(4) };
  }
  if (choiceId === 'book:days' || choiceId === 'book:other') return { type: 'availability', serviceId: booking.serviceId, practitionerId: provider };
  if (choiceId.startsWith('slot:')) {
    const [practitionerId, start] = choiceId.slice(5).split('@') as [string, string];
    Object.assign(booking, { practitionerId, start: Number(start) });
    delete booking.holdId;
    return { type: 'hold', serviceId: booking.serviceId, practitionerId, start: Number(start) };
  }
  if (choiceId === 'book:confirm' && booking.practitionerId !== undefined && booking.start !== undefined) {
    const hold = booking.holdId === undefined ? {} : { holdId: booking.holdId };
    if (booking.rescheduleOf !== undefined) {
      return { type: 'reschedule', appointmentId: booking.rescheduleOf, practitionerId: booking.practitionerId, start: booking.start, ...hold };
    }
    return { type: 'book', serviceId: booking.serviceId, practitionerId: booking.practitionerId, start: booking.start, ...hold };
  }
  if (choiceId === 'wait:join') {
    replyChoices(turn, say(turn, 'waitChooseWindow', { service: serviceName(turn, booking.serviceId) }), [
      { id: 'wait:7', title: say(turn, 'waitWeek') },
      { id: 'wait:14', title: say(turn, 'waitTwoWeeks') },
      { id: 'wait:30', title: say(turn, 'waitMonth') },
    ]);
    turn.state.step = 'waitlist_window';
    return undefined;
  }
  if (choiceId in WAIT_DAYS) {
    return { type: 'join_waitlist', serviceId: booking.serviceId, practitionerId: provider, days: WAIT_DAYS[choiceId as keyof typeof WAIT_DAYS] };
  }
  return restart(turn);
}

function restart(turn: Turn): undefined {
  startBooking(turn);
  return undefined;
}

/** Asks to confirm the held slot. */
function askToConfirm(turn: Turn): void {
  const booking = turn.state.booking;
  if (booking?.practitionerId === undefined || booking.start === undefined) return startBooking(turn);
  const { service, practitioner, when: at } = describeSlot(turn, { serviceId: booking.serviceId, practitionerId: booking.practitionerId, start: booking.start });
  const summary = say(turn, 'bookSummary', { service: service ?? '', practitioner: practitioner ?? '', when: at ?? '' });
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

/** Choices about existing appointments (`appt:`, `move:`, `cancel:`) and waitlist offers (`wl:yes:`, `wl:no:`). */
export function handleAppointmentChoice(turn: Turn, choiceId: string): AssistantRequest | undefined {
  if (choiceId.startsWith('wl:yes:') || choiceId.startsWith('wl:no:')) {
    const accept = choiceId.startsWith('wl:yes:');
    const [entryId = '', start = ''] = choiceId.slice(accept ? 7 : 6).split('@');
    return { type: 'waitlist_answer', entryId, start: Number(start), accept };
  }
  if (choiceId.startsWith('cancel:')) return { type: 'cancel', appointmentId: choiceId.slice(7) };
  const id = choiceId.slice(choiceId.indexOf(':') + 1);
  const shown = turn.state.appointmentsShown?.find((a) => a.id === id);
  // A choice from an old list: list the appointments again.
  if (shown === undefined) return { type: 'appointments' };
  if (choiceId.startsWith('move:')) {
    turn.state.booking = { serviceId: shown.serviceId, rescheduleOf: shown.id };
    return chooseProvider(turn);
  }
  const details = describeSlot(turn, shown);
  const cutoffHours = findService(turn, shown.serviceId)?.cancellationCutoffHours ?? turn.config.scheduling.cancellationCutoffHours;
  if (shown.status !== 'pending' && !canCancel(new Date(shown.start), turn.now, cutoffHours)) {
    replyChoices(turn, say(turn, 'apptInsideCutoff', { ...details, hours: String(cutoffHours) }), [
      { id: 'menu:staff', title: say(turn, 'faqNoneOfThese') },
      { id: 'menu:appointments', title: say(turn, 'apptBackButton') },
    ]);
    return undefined;
  }
  const moveable = shown.status === 'pending' || shown.status === 'booked';
  replyChoices(turn, say(turn, 'apptChooseAction', details), [
    ...(moveable ? [{ id: `move:${shown.id}`, title: say(turn, 'apptMoveButton') }] : []),
    { id: `cancel:${shown.id}`, title: say(turn, 'apptCancelButton') },
    { id: 'menu:appointments', title: say(turn, 'apptBackButton') },
  ]);
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
  if (result.type === 'book') {
    if (!result.ok) return offerAlternatives(turn, result.alternatives);
    return confirmBooked(turn, result, result.status === 'booked' ? 'bookBooked' : 'bookRequested');
  }
  if (result.type === 'reschedule') {
    if (result.ok) return confirmBooked(turn, result, result.status === 'booked' ? 'apptMoved' : 'apptMoveRequested');
    if (result.reason === 'taken') return offerAlternatives(turn, result.alternatives);
    delete turn.state.booking;
    return cannotChange(turn, result.reason);
  }
  if (result.type === 'appointments') return listAppointments(turn, result.items);
  if (result.type === 'cancel') {
    if (result.ok) {
      replyText(turn, say(turn, 'apptCancelled'));
      turn.state.step = 'menu';
      return;
    }
    return cannotChange(turn, result.reason);
  }
  if (result.type === 'join_waitlist' && booking !== undefined) {
    replyText(turn, say(turn, 'waitJoined', { service: serviceName(turn, booking.serviceId), until: when(turn, result.until, { day: 'numeric', month: 'long' }) }));
    delete turn.state.booking;
    turn.state.step = 'menu';
    return;
  }
  if (result.type === 'waitlist_answer') {
    if (result.ok && result.accepted) return confirmBooked(turn, result, result.status === 'booked' ? 'bookBooked' : 'bookRequested');
    replyText(turn, say(turn, result.ok ? 'waitOfferDeclined' : 'waitOfferGone'));
    turn.state.step = 'menu';
  }
}

function cannotChange(turn: Turn, reason: 'cutoff' | 'not_found'): void {
  if (reason === 'cutoff') {
    replyChoices(turn, say(turn, 'apptCancelTooLate'), [{ id: 'menu:staff', title: say(turn, 'faqNoneOfThese') }]);
  } else {
    replyText(turn, say(turn, 'apptNotFound'));
  }
  turn.state.step = 'menu';
}

/** The confirmation (with address), the calendar file, then the service's pre-visit questions. */
function confirmBooked(turn: Turn, slot: BookedSlot, key: 'bookBooked' | 'bookRequested' | 'apptMoved' | 'apptMoveRequested'): void {
  replyText(turn, say(turn, key, describeSlot(turn, slot)));
  if (slot.calendarKey !== undefined) {
    turn.replies.push({ kind: 'media', mediaType: 'document', source: { storageKey: slot.calendarKey }, filename: 'appointment.ics', mimeType: 'text/plain', caption: say(turn, 'calendarCaption') });
  }
  delete turn.state.booking;
  delete turn.state.appointmentsShown;
  turn.state.step = 'menu';
  const questions = findService(turn, slot.serviceId)?.intake ?? [];
  if (questions.length > 0 && key !== 'apptMoved' && key !== 'apptMoveRequested') {
    turn.state.intake = { appointmentId: slot.appointmentId, serviceId: slot.serviceId, index: 0, answers: [] };
    replyText(turn, say(turn, 'intakeIntro', { count: String(questions.length) }));
    askIntakeQuestion(turn);
  }
}

function askIntakeQuestion(turn: Turn): void {
  const intake = turn.state.intake;
  const question = intake === undefined ? undefined : findService(turn, intake.serviceId)?.intake[intake.index];
  if (intake === undefined || question === undefined) return finishIntake(turn);
  const text = localized(turn, question.text);
  const skip = { id: 'intake:skip', title: say(turn, 'intakeSkipButton') };
  if (question.answer === 'yes_no') {
    replyChoices(turn, text, [{ id: 'intake:yes', title: say(turn, 'intakeYes') }, { id: 'intake:no', title: say(turn, 'intakeNo') }, skip]);
  } else {
    replyChoices(turn, text, [skip]);
  }
  turn.state.step = 'intake';
}

/** An answer to the current questionnaire question: a tap (yes / no / skip) or free text. */
export function handleIntakeAnswer(turn: Turn, input: { choiceId?: string; text?: string }): void {
  const intake = turn.state.intake;
  const question = intake === undefined ? undefined : findService(turn, intake.serviceId)?.intake[intake.index];
  if (intake === undefined || question === undefined) return finishIntake(turn);
  const text = input.text?.trim();
  const skipped = input.choiceId === 'intake:skip' || (text !== undefined && text.toLowerCase() === say(turn, 'intakeSkipButton').toLowerCase());
  if (!skipped) {
    const asked = localized(turn, question.text);
    if (question.answer === 'yes_no') {
      const yes = input.choiceId === 'intake:yes' || (text !== undefined && text.toLowerCase() === say(turn, 'intakeYes').toLowerCase());
      const no = input.choiceId === 'intake:no' || (text !== undefined && text.toLowerCase() === say(turn, 'intakeNo').toLowerCase());
      if (!yes && !no) return askIntakeQuestion(turn);
      intake.answers.push({ linkId: question.id, text: asked, answer: { kind: 'boolean', value: yes } });
    } else {
      if (text === undefined || text === '') return askIntakeQuestion(turn);
      intake.answers.push({ linkId: question.id, text: asked, answer: { kind: 'text', value: text.slice(0, 2000) } });
    }
  }
  intake.index += 1;
  askIntakeQuestion(turn);
}

function finishIntake(turn: Turn): void {
  const intake = turn.state.intake;
  delete turn.state.intake;
  turn.state.step = 'menu';
  if (intake === undefined) return;
  turn.effects.push({ type: 'intake.answered', appointmentId: intake.appointmentId, serviceId: intake.serviceId, answers: intake.answers });
  replyText(turn, say(turn, 'intakeDone'));
}

function offerDays(turn: Turn, slots: SlotOption[]): void {
  const booking = turn.state.booking;
  const days = groupByLocalDay(slots.map((s) => ({ ...s, start: new Date(s.start) })), turn.config.clinic.timeZone).slice(0, MAX_ROWS - 2);
  if (days.length === 0) {
    replyChoices(turn, say(turn, 'bookNoDays'), [
      { id: 'wait:join', title: truncate(say(turn, 'waitJoinRow'), 20) },
      { id: 'menu:staff', title: say(turn, 'faqNoneOfThese') },
    ]);
    turn.state.step = 'book_day';
    return;
  }
  const rows: Choice[] = days.map((day) => ({
    id: `day:${day.date}`,
    title: truncate(when(turn, day.slots[0]!.start.getTime(), { weekday: 'long', day: 'numeric', month: 'short' }), 24),
    description: say(turn, 'bookFreeTimes', { count: String(day.slots.length) }),
  }));
  // A new booking can wait for a time that suits better; a move keeps the appointment meanwhile.
  if (booking?.rescheduleOf === undefined) rows.push({ id: 'wait:join', title: truncate(say(turn, 'waitJoinRow'), 24) });
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
  const booking = turn.state.booking;
  if (booking !== undefined) {
    delete booking.practitionerId;
    delete booking.start;
    delete booking.holdId;
  }
  if (alternatives.length === 0) {
    replyChoices(turn, say(turn, 'bookSlotTakenNoAlternatives'), [{ id: 'book:days', title: say(turn, 'bookOtherTimeButton') }]);
    turn.state.step = 'book_time';
    return;
  }
  offerTimes(turn, alternatives, say(turn, 'bookSlotTaken'));
}

function listAppointments(turn: Turn, items: Array<{ id: string; serviceId: string; practitionerId: string; start: number; status: string }>): void {
  if (items.length === 0) {
    delete turn.state.appointmentsShown;
    replyChoices(turn, say(turn, 'apptNone'), [{ id: 'menu:book', title: truncate(say(turn, 'menuBook'), 20) }]);
    turn.state.step = 'menu';
    return;
  }
  const shown = items.slice(0, MAX_ROWS);
  turn.state.appointmentsShown = shown;
  const lines = items.map((a) =>
    `• ${when(turn, a.start, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} — ${serviceName(turn, a.serviceId)}, ${practitionerName(turn, a.practitionerId)}${a.status === 'pending' ? ` (${say(turn, 'apptPending')})` : ''}`,
  );
  // Rows carry a description, so they always render as a list (row titles may be 24 characters; buttons only 20).
  const rows: Choice[] = shown.map((a) => ({
    id: `appt:${a.id}`,
    title: truncate(when(turn, a.start, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }), 24),
    description: truncate(`${serviceName(turn, a.serviceId)} · ${practitionerName(turn, a.practitionerId)}`, 72),
  }));
  replyChoices(turn, `${say(turn, 'apptListIntro')}\n${lines.join('\n')}`, rows, say(turn, 'apptManageButton'));
  turn.state.step = 'appointments';
}
