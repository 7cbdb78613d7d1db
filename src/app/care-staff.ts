/**
 * Staff use cases of the care flows (issue 9): refill requests (list, decide), patients'
 * documents (list, download, re-categorize), a payment link for an appointment, and visit
 * feedback (follow-up tasks, summary). Each read of PHI and each change is audited; the patient
 * is told a refill decision in their language (care notice).
 */
import type { DocumentCategory } from '../core/care/care-texts.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import type { RefillRecord } from './care-ports.ts';
import type { Clock, MediaStorage, Transactor } from './ports.ts';
import { queueCareNoticeWith, type NoticeOutcome } from './queue-care-notice.ts';

export type CareDeps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; storage: Pick<MediaStorage, 'get'> };

export interface RefillView {
  id: string;
  patientId: string;
  patientName: string | null;
  medication: string;
  source: 'reminder' | 'chat';
  state: RefillRecord['state'];
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

const toView = (r: RefillRecord, patientName: string | undefined): RefillView => ({
  id: r.id,
  patientId: r.patientId,
  patientName: patientName ?? null,
  medication: r.medication,
  source: r.source,
  state: r.state,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decidedBy: r.decidedBy ?? null,
  reason: r.reason ?? null,
});

/** Refill requests (open ones oldest first, or one patient's, newest first); the read is audited. */
export async function listRefillRequests(deps: CareDeps, input: { staffId: string; state?: RefillRecord['state']; patientId?: string }): Promise<RefillView[]> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const requests = await repos.refills.list({ ...(input.state === undefined ? {} : { state: input.state }), ...(input.patientId === undefined ? {} : { patientId: input.patientId }), limit: 200 });
    const names = new Map<string, string | undefined>();
    for (const id of new Set(requests.map((r) => r.patientId))) names.set(id, (await repos.patients.getDetails(id)).fullName);
    await repos.audit.append(
      { actorType: 'staff', actorId: input.staffId, action: 'refill_requests.viewed', entityType: 'MedicationRequest', ...(input.patientId === undefined ? {} : { patientId: input.patientId, entityId: input.patientId }), outcome: 'success', detail: { count: requests.length, state: input.state ?? null } },
      now,
    );
    return requests.map((r) => toView(r, names.get(r.patientId)));
  });
}

const decisionState = { approve: 'approved', decline: 'declined', book: 'book' } as const;

/**
 * Staff decide an open refill request: approve, decline (an optional reason goes to the patient)
 * or ask the patient to book an appointment first (their message has a "Book appointment"
 * button). The patient is told in their language, in the same transaction. Repeating the same
 * decision returns the request unchanged; deciding a decided request otherwise is a `conflict`.
 */
export async function decideRefillRequest(
  deps: CareDeps,
  input: { requestId: string; staffId: string; decision: 'approve' | 'decline' | 'book'; reason?: string },
): Promise<{ request: RefillView; patientNotified: NoticeOutcome | 'unchanged' }> {
  const now = deps.clock.now();
  const target = decisionState[input.decision];
  return deps.tx.run(async (repos) => {
    const current = await repos.refills.lock(input.requestId);
    if (current === undefined) throw new DomainError('not_found', 'no such refill request', { requestId: input.requestId });
    if (current.state === target) return { request: toView(current, undefined), patientNotified: 'unchanged' as const };
    if (current.state !== 'open') throw new DomainError('conflict', `only an open refill request can be decided; this one is ${current.state}`, { requestId: current.id, state: current.state });
    const reason = input.reason?.trim() === '' ? undefined : input.reason?.trim();
    await repos.refills.decide(current.id, { state: target, decidedBy: input.staffId, reason, at: now });
    await repos.audit.append(
      { actorType: 'staff', actorId: input.staffId, action: `medication.refill_${target === 'book' ? 'book_requested' : target}`, entityType: 'MedicationRequest', entityId: current.id, patientId: current.patientId, outcome: 'success', detail: { withReason: reason !== undefined } },
      now,
    );
    const notified = await queueCareNoticeWith(repos, deps.clinic, {
      patientId: current.patientId,
      notice: { kind: `refill_${target === 'book' ? 'book' : target}`, requestId: current.id, medication: current.medication, reason },
      idempotencyKey: `refill-decision:${current.id}`,
      now,
    });
    const updated = (await repos.refills.find(current.id)) ?? current;
    return { request: toView(updated, undefined), patientNotified: notified };
  });
}

export interface DocumentView {
  id: string;
  category: DocumentCategory | null;
  categorizedBy: 'caption' | 'patient' | 'staff' | null;
  caption: string | null;
  mimeType: string;
  byteSize: number | null;
  /** `stored` when the file can be opened. */
  state: string;
  createdAt: string;
  /** The FHIR DocumentReference (the attachment points at the download route). */
  resource: object;
}

const categoryCodes: Record<DocumentCategory, string> = { insurance_card: 'Insurance card', referral: 'Referral letter', report: 'Report or results', other: 'Other document' };

/** A patient's documents (newest first), as the patient panel shows them; the read is audited. */
export async function listPatientDocuments(deps: CareDeps, input: { patientId: string; staffId: string }): Promise<DocumentView[]> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    await repos.patients.get(input.patientId); // unknown patient → not_found
    const documents = await repos.patientDocuments.listForPatient(input.patientId);
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'documents.viewed', entityType: 'Patient', entityId: input.patientId, patientId: input.patientId, outcome: 'success', detail: { count: documents.length } }, now);
    return documents.map((d) => ({
      id: d.id,
      category: d.category ?? null,
      categorizedBy: d.categorizedBy ?? null,
      caption: d.caption ?? null,
      mimeType: d.mimeType,
      byteSize: d.byteSize ?? null,
      state: d.state,
      createdAt: d.createdAt.toISOString(),
      resource: {
        resourceType: 'DocumentReference',
        id: d.id,
        status: 'current',
        subject: { reference: `Patient/${d.patientId}` },
        date: d.createdAt.toISOString(),
        ...(d.category === undefined ? {} : { category: [{ coding: [{ system: 'https://hale.health/fhir/document-category', code: d.category, display: categoryCodes[d.category] }] }] }),
        ...(d.caption === undefined ? {} : { description: d.caption }),
        content: [{ attachment: { contentType: d.mimeType, ...(d.byteSize === undefined ? {} : { size: d.byteSize }), url: `/api/v1/documents/${d.id}/content` } }],
      },
    }));
  });
}

/** The bytes of one document (decrypted from storage); every download is audited. */
export async function openPatientDocument(deps: CareDeps, input: { documentId: string; staffId: string }): Promise<{ bytes: Buffer; mimeType: string }> {
  const now = deps.clock.now();
  const document = await deps.tx.run(async (repos) => {
    const found = await repos.patientDocuments.find(input.documentId);
    if (found === undefined) throw new DomainError('not_found', 'no such document', { documentId: input.documentId });
    if (found.state !== 'stored' || found.storageKey === undefined) throw new DomainError('conflict', `the file is not available (${found.state})`, { documentId: found.id, state: found.state });
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'document.downloaded', entityType: 'DocumentReference', entityId: found.id, patientId: found.patientId, outcome: 'success' }, now);
    return found;
  });
  return { bytes: await deps.storage.get(document.storageKey ?? ''), mimeType: document.mimeType };
}

/** Staff correct a document's category. Audited. */
export async function setDocumentCategory(deps: CareDeps, input: { documentId: string; staffId: string; category: DocumentCategory }): Promise<void> {
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    const found = await repos.patientDocuments.find(input.documentId);
    if (found === undefined) throw new DomainError('not_found', 'no such document', { documentId: input.documentId });
    await repos.patientDocuments.setCategory(found.id, input.category, now);
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'document.categorized', entityType: 'DocumentReference', entityId: found.id, patientId: found.patientId, outcome: 'success', detail: { category: input.category } }, now);
  });
}

/**
 * Sends the patient the payment page of an appointment, made from `payments.linkTemplate`
 * (`{appointmentId}` filled in). Only a link: no card data ever passes through the chat. Audited.
 */
export async function sendPaymentLink(deps: CareDeps, input: { appointmentId: string; staffId: string }): Promise<{ link: string; patientNotified: NoticeOutcome }> {
  const template = deps.clinic.payments.linkTemplate;
  if (template === undefined) throw new DomainError('conflict', 'online payment is not configured (payments.linkTemplate in the clinic configuration)');
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const appointment = await repos.appointments.find(input.appointmentId);
    if (appointment === undefined) throw new DomainError('not_found', 'no such appointment', { appointmentId: input.appointmentId });
    if (appointment.status === 'cancelled') throw new DomainError('conflict', `the appointment is ${appointment.status}`, { appointmentId: appointment.id });
    const link = template.replaceAll('{appointmentId}', encodeURIComponent(appointment.id));
    const notified = await queueCareNoticeWith(repos, deps.clinic, {
      patientId: appointment.patientId,
      notice: { kind: 'payment_link', appointmentId: appointment.id, serviceId: appointment.serviceId, start: appointment.start, link },
      idempotencyKey: `payment-link:${appointment.id}:${now.getTime()}`,
      now,
    });
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'payment_link.sent', entityType: 'Appointment', entityId: appointment.id, patientId: appointment.patientId, outcome: notified === 'queued' ? 'success' : 'failure', detail: { outcome: notified } }, now);
    return { link, patientNotified: notified };
  });
}

export interface FeedbackFollowUpView {
  alertId: string;
  reason: string;
  createdAt: string;
  patientId: string;
  patientName: string | null;
  appointmentId: string;
  rating: number;
  comment: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
}

/** Open follow-up tasks from unhappy feedback, with the comment (decrypted); the read is audited. */
export async function listFeedbackFollowUps(deps: CareDeps, input: { staffId: string }): Promise<FeedbackFollowUpView[]> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const tasks = await repos.feedback.openFollowUps(200);
    const views: FeedbackFollowUpView[] = [];
    for (const t of tasks) {
      views.push({
        alertId: t.alertId,
        reason: t.reason,
        createdAt: t.createdAt.toISOString(),
        patientId: t.response.patientId,
        patientName: (await repos.patients.getDetails(t.response.patientId)).fullName ?? null,
        appointmentId: t.response.appointmentId,
        rating: t.response.rating,
        comment: t.response.comment ?? null,
        sentiment: t.response.sentiment ?? null,
      });
    }
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'feedback_follow_ups.viewed', entityType: 'QuestionnaireResponse', outcome: 'success', detail: { count: views.length } }, now);
    return views;
  });
}

/** A follow-up task done (the patient was contacted). Audited. */
export async function completeFeedbackFollowUp(deps: CareDeps, input: { alertId: string; staffId: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    const done = await repos.feedback.completeFollowUp(input.alertId, input.staffId, now);
    if (done === undefined) throw new DomainError('not_found', 'no such open follow-up task', { alertId: input.alertId });
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'feedback_follow_up.completed', entityType: 'Task', entityId: input.alertId, patientId: done.patientId, outcome: 'success' }, now);
  });
}

/** Ratings and comment sentiment in a window, for analytics (counts only: no PHI). */
export async function feedbackSummary(deps: CareDeps, window: { from: Date; to: Date }) {
  return deps.tx.run((repos) => repos.feedback.summary(window));
}
