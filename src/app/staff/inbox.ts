/**
 * The team inbox: queues, the conversation as the patient saw it, replies (through the one
 * outbound path, which enforces the 24-hour window), notes with @mentions, and ownership
 * (take over, assign, transfer, close, hand back). Every staff read writes an audit row.
 */
import type { ClinicConfig } from '../../core/clinic/clinic-config.ts';
import { DomainError } from '../../core/domain-error.ts';
import { isReplyWindowOpen } from '../../core/is-reply-window-open.ts';
import type { OutboundReply } from '../../core/messages.ts';
import { findMentions } from '../../core/staff/find-mentions.ts';
import { toPreview, toTimelineContent, type TimelineContent } from '../../core/staff/to-timeline-content.ts';
import { handBackConversation } from '../hand-back-conversation.ts';
import type { AuditEntry, ChannelSender, Clock, MediaStorage, Transactor } from '../ports.ts';
import { queueReply } from '../queue-reply.ts';
import type { ConversationRow, InboxQueue, StaffPrincipal, StaffStore, StaffTransactor } from './staff-ports.ts';

export interface InboxDeps {
  staffTx: StaffTransactor;
  tx: Transactor;
  clock: Clock;
  clinic: ClinicConfig;
  channel: Pick<ChannelSender, 'validate'>;
  replyWindowHours: number;
  storage: Pick<MediaStorage, 'get'>;
}

const TIMELINE_LIMIT = 500;
const iso = (d: Date | undefined) => (d === undefined ? null : d.toISOString());
const actorOf = (p: StaffPrincipal): Pick<AuditEntry, 'actorType' | 'actorId'> =>
  p.userId !== undefined ? { actorType: 'staff', actorId: p.userId } : { actorType: 'integration', ...(p.tokenId === undefined ? {} : { actorId: p.tokenId }) };

type Directory = Map<string, { id: string; displayName: string }>;
/** Who is who, for names on rows (ids and names only: no account secrets are read). */
const directory = async (staff: StaffStore): Promise<Directory> => new Map((await staff.users.directory()).map((u) => [u.id, u]));
const person = (dir: Directory, id: string | undefined) => {
  const user = id === undefined ? undefined : dir.get(id);
  return user === undefined ? null : { id: user.id, displayName: user.displayName };
};

function summary(row: ConversationRow, dir: Directory, preview: string | null) {
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: row.patientName ?? null,
    phone: row.phone === undefined ? null : `+${row.phone}`,
    owner: row.owner,
    urgent: row.urgent,
    assignedTo: person(dir, row.assignedTo),
    handoverReason: row.handoverReason ?? null,
    waitingSince: iso(row.waitingSince),
    lastMessageAt: iso(row.lastMessageAt),
    preview,
  };
}

export type ConversationSummaryOut = ReturnType<typeof summary>;

/** One page of a queue (keyset pagination) with the counts of every queue. */
export async function listInbox(deps: InboxDeps, principal: StaffPrincipal, input: { queue: InboxQueue; limit: number; cursor: string | undefined }) {
  const userId = principal.userId ?? '00000000-0000-0000-0000-000000000000';
  const after = parseCursor(input.cursor);
  // A read only: no transaction, and the three queries in parallel (PostgreSQL pool).
  return deps.staffTx.direct(async (staff) => {
    const [counts, rows, dir] = await Promise.all([staff.inbox.counts(userId), staff.inbox.list(input.queue, userId, { limit: input.limit, after }), directory(staff)]);
    const last = rows.length === input.limit ? rows.at(-1) : undefined;
    return {
      counts,
      items: rows.map((row) => summary(row, dir, row.preview === undefined ? null : toPreview(row.preview))),
      nextCursor: last === undefined ? null : Buffer.from(JSON.stringify([last.sortAt?.toISOString() ?? null, last.id])).toString('base64url'),
    };
  });
}

function parseCursor(cursor: string | undefined): { sortAt: Date | undefined; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string | null, string];
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad id');
    return { sortAt: at === null ? undefined : new Date(at), id };
  } catch {
    throw new DomainError('invalid_input', 'the cursor is not valid');
  }
}

export interface TimelineMessageOut extends TimelineContent {
  id: string;
  direction: 'inbound' | 'outbound';
  sender: 'patient' | 'bot' | 'staff' | 'system';
  staffName: string | null;
  media: (NonNullable<TimelineContent['media']> & { id: string | null; state: string }) | null;
  status: string;
  failure: { code: number | null; title: string | null; reason: string } | null;
  at: string;
}

/** Templates the clinic may send now, in the patient's language (else the clinic's default). */
export function templateOptions(clinic: ClinicConfig, patientLanguage: string | undefined) {
  return Object.entries(clinic.templates).flatMap(([purpose, template]) => {
    const languages = template.languages as Record<string, string | undefined>;
    const language = (patientLanguage === undefined ? undefined : languages[patientLanguage]) ?? languages[clinic.languages.default];
    return language === undefined ? [] : [{ purpose, name: template.name, language, params: template.params ?? [] }];
  });
}

/** The whole conversation for staff; the read is audited, and the patient gets blue ticks when staff own it. */
export async function viewConversation(deps: InboxDeps, principal: StaffPrincipal, conversationId: string) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const row = await staff.inbox.find(conversationId);
    if (row === undefined) throw new DomainError('not_found', 'conversation not found');
    const dir = await directory(staff);
    const patient = await repos.patients.get(row.patientId);
    const timeline = await staff.inbox.timeline(row.patientId, TIMELINE_LIMIT);
    const notes = await staff.notes.list(row.id);
    const events = await staff.inbox.events(row.id);
    await repos.audit.append({ ...actorOf(principal), action: 'conversation.viewed', entityType: 'Conversation', entityId: row.id, patientId: row.patientId, outcome: 'success', detail: { messages: timeline.length } }, now);
    const lastInbound = [...timeline].reverse().find((m) => m.direction === 'inbound');
    const lastProviderId = lastInbound?.providerMessageId;
    if (row.owner === 'staff' && lastProviderId !== undefined && lastInbound?.status === 'received') {
      await repos.jobs.enqueue('outbound.mark_read', { providerMessageId: lastProviderId });
    }
    const open = isReplyWindowOpen(patient.lastInboundAt, now, deps.replyWindowHours);
    const messages: TimelineMessageOut[] = timeline.map((m) => {
      const shown = toTimelineContent(m.content);
      return {
        ...shown,
        id: m.id,
        direction: m.direction,
        sender: m.direction === 'inbound' ? 'patient' : m.sender === 'staff' || m.sender === 'system' ? m.sender : 'bot',
        staffName: person(dir, m.staffUserId)?.displayName ?? null,
        media: shown.media === null ? null : { ...shown.media, id: m.media?.id ?? null, state: m.media?.state ?? (m.direction === 'outbound' ? 'sent' : 'pending') },
        status: m.status,
        failure: m.status === 'failed' ? { code: m.errorCode ?? null, title: m.errorTitle ?? null, reason: m.errorReason ?? 'WhatsApp did not deliver this message.' } : null,
        at: m.at.toISOString(),
      };
    });
    const last = timeline.at(-1);
    return {
      conversation: summary(row, dir, last === undefined ? null : toPreview(last.content)),
      handoverSummary: row.handoverSummary ?? null,
      urgentDetail: row.urgentDetail ?? null,
      replyWindow: { open, closesAt: patient.lastInboundAt === undefined ? null : new Date(patient.lastInboundAt.getTime() + deps.replyWindowHours * 3_600_000).toISOString() },
      optedOut: patient.optedOut,
      messages,
      notes: notes.map((n) => ({
        id: n.id,
        author: person(dir, n.authorId) ?? { id: n.authorId, displayName: 'Former staff member' },
        body: n.body,
        mentions: n.mentions.flatMap((id) => person(dir, id) ?? []),
        at: n.at.toISOString(),
      })),
      events: events.map((e) => ({ type: e.type, reason: e.reason ?? null, actorName: e.actorType === 'staff' ? (person(dir, e.actorId)?.displayName ?? null) : e.actorType === 'system' ? 'Assistant' : null, at: e.at.toISOString() })),
      templates: templateOptions(deps.clinic, patient.language),
    };
  });
}

/**
 * Staff take the conversation (or give it to a colleague). The assistant falls silent from
 * this moment: the conversation row is locked as the assistant's turn locks it, its version
 * moves (a turn in flight retries and sees the new owner), and assistant messages still
 * queued are withdrawn.
 */
export async function assignConversation(deps: InboxDeps, principal: StaffPrincipal, conversationId: string, userId: string | undefined): Promise<void> {
  const now = deps.clock.now();
  const assignee = userId ?? principal.userId;
  if (assignee === undefined) throw new DomainError('invalid_input', 'say whom to assign the conversation to (userId)');
  await deps.staffTx.run(async (staff, repos) => {
    const row = await staff.inbox.lock(conversationId);
    if (row === undefined) throw new DomainError('not_found', 'conversation not found');
    const target = await staff.users.find(assignee);
    if (target === undefined || target.disabled) throw new DomainError('invalid_input', 'no such active staff member');
    const takingOver = row.owner !== 'staff';
    const withdrawn = takingOver ? await staff.inbox.withdrawQueuedBotMessages(row.patientId, now) : 0;
    await staff.inbox.setOwnership(row.id, { owner: 'staff', assignedTo: assignee, keepWaitingSince: !takingOver }, now);
    const type = takingOver ? 'conversation.taken_over' : row.assignedTo === undefined ? 'conversation.assigned' : 'conversation.transferred';
    const actor = actorOf(principal);
    await repos.conversations.addEvent(row.id, { type, actorType: actor.actorType, ...(actor.actorId === undefined ? {} : { actorId: actor.actorId }) }, now);
    await repos.audit.append({ ...actor, action: type, entityType: 'Conversation', entityId: row.id, patientId: row.patientId, outcome: 'success', detail: { assignee, withdrawn } }, now);
  });
}

/** Back to the assistant (the patient is told) or closed. */
export async function releaseConversation(deps: InboxDeps, principal: StaffPrincipal, conversationId: string, to: 'bot' | 'closed'): Promise<void> {
  const existing = await deps.staffTx.run((staff) => staff.inbox.find(conversationId));
  if (existing === undefined) throw new DomainError('not_found', 'conversation not found');
  const actor = actorOf(principal);
  await handBackConversation({ tx: deps.tx, clock: deps.clock, clinic: deps.clinic }, { conversationId: existing.id, to, actor: { type: actor.actorType, ...(actor.actorId === undefined ? {} : { id: actor.actorId }) } });
}

/**
 * A reply from staff. Text needs the 24-hour window (409 `reply_window_closed` otherwise: the
 * UI offers templates); a template is any the clinic configured, with its placeholders filled.
 * Replying to a conversation the assistant owns takes it over first.
 */
export async function sendStaffReply(
  deps: InboxDeps,
  principal: StaffPrincipal,
  conversationId: string,
  request: { kind: 'text'; text: string } | { kind: 'template'; purpose: string; params: string[] },
): Promise<{ communicationId: string }> {
  const now = deps.clock.now();
  const { row, patient } = await deps.staffTx.run(async (staff, repos) => {
    const found = await staff.inbox.find(conversationId);
    if (found === undefined) throw new DomainError('not_found', 'conversation not found');
    return { row: found, patient: await repos.patients.get(found.patientId) };
  });
  let reply: OutboundReply;
  if (request.kind === 'text') {
    if (!isReplyWindowOpen(patient.lastInboundAt, now, deps.replyWindowHours)) {
      throw new DomainError('reply_window_closed', 'More than 24 hours have passed since the patient last wrote: WhatsApp only allows an approved template now.');
    }
    reply = { kind: 'text', text: request.text };
  } else {
    const option = templateOptions(deps.clinic, patient.language).find((t) => t.purpose === request.purpose);
    if (option === undefined) throw new DomainError('invalid_input', `no template "${request.purpose}" in the clinic configuration`);
    if (request.params.length !== option.params.length) throw new DomainError('invalid_input', `template "${request.purpose}" needs ${option.params.length} value(s): ${option.params.join(', ')}`);
    reply = { kind: 'template', name: option.name, language: option.language, bodyParams: request.params };
  }
  if (patient.optedOut && request.kind === 'template') {
    throw new DomainError('opted_out', 'the patient wrote STOP: the clinic may not start a conversation with them');
  }
  if (row.owner !== 'staff' && principal.userId !== undefined) await assignConversation(deps, principal, conversationId, principal.userId);
  const queued = await queueReply({ tx: deps.tx, clock: deps.clock, channel: deps.channel }, { patientId: row.patientId, reply, sender: 'staff', businessInitiated: false });
  await deps.staffTx.run(async (staff, repos) => {
    if (principal.userId !== undefined) await staff.inbox.setStaffAuthor(queued.communicationId, principal.userId);
    await repos.audit.append({ ...actorOf(principal), action: 'communication.queued', entityType: 'Communication', entityId: queued.communicationId, patientId: row.patientId, outcome: 'success', detail: { kind: reply.kind } }, now);
  });
  return { communicationId: queued.communicationId };
}

/** An internal note (never sent to the patient); @mentions name colleagues. */
export async function addNote(deps: InboxDeps, principal: StaffPrincipal, conversationId: string, body: string) {
  const now = deps.clock.now();
  if (principal.userId === undefined) throw new DomainError('forbidden', 'notes are written by people, not API tokens');
  const authorId = principal.userId;
  return deps.staffTx.run(async (staff, repos) => {
    const row = await staff.inbox.find(conversationId);
    if (row === undefined) throw new DomainError('not_found', 'conversation not found');
    const users = (await staff.users.list()).filter((u) => !u.disabled);
    const mentions = findMentions(body, users);
    const note = await staff.notes.add({ conversationId: row.id, authorId, body, mentions: mentions.map((m) => m.id), at: now });
    await repos.audit.append({ actorType: 'staff', actorId: authorId, action: 'conversation.note_added', entityType: 'Conversation', entityId: row.id, patientId: row.patientId, outcome: 'success', detail: { mentions: mentions.length } }, now);
    return {
      id: note.id,
      author: { id: authorId, displayName: principal.displayName },
      body: note.body,
      mentions: mentions.map((m) => ({ id: m.id, displayName: m.displayName })),
      at: note.at.toISOString(),
    };
  });
}

/** A file the patient sent, decrypted for staff; the disclosure is audited. */
export async function openMedia(deps: InboxDeps, principal: StaffPrincipal, mediaId: string): Promise<{ bytes: Buffer; mimeType: string }> {
  const now = deps.clock.now();
  const file = await deps.staffTx.run(async (staff, repos) => {
    const found = await staff.inbox.mediaFile(mediaId);
    if (found === undefined || found.storageKey === undefined || found.state !== 'stored') throw new DomainError('not_found', 'file not found (or not downloaded from WhatsApp)');
    await repos.audit.append({ ...actorOf(principal), action: 'media.viewed', entityType: 'DocumentReference', entityId: mediaId, patientId: found.patientId, outcome: 'success' }, now);
    return found;
  });
  return { bytes: await deps.storage.get(file.storageKey ?? ''), mimeType: file.mimeType };
}
