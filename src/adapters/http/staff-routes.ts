/**
 * The staff API (/api/v1): sign-in, inbox, patients, day list, admin, realtime events. Inputs
 * are parsed with the shared contracts (src/contracts); each route declares its roles, which
 * the staff-auth plugin enforces.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import * as api from '../../contracts/staff-api.ts';
import { addNote, assignConversation, listInbox, openMedia, releaseConversation, sendStaffReply, viewConversation, type InboxDeps } from '../../app/staff/inbox.ts';
import { bookForPatient, bookingOptions, dayList, findSlotsForStaff, markAppointment, searchPatients, viewPatient, type PatientDeps } from '../../app/staff/patient-records.ts';
import {
  createStaffUser,
  deleteCannedReply,
  listApiTokens,
  listCannedReplies,
  listStaff,
  readAuditLog,
  revokeApiToken,
  saveCannedReply,
  toUserOut,
  updateStaffUser,
  type AdminDeps,
} from '../../app/staff/staff-admin.ts';
import { authenticateSession, createApiToken, enableTotp, signIn, signOut, startTotpSetup, type StaffAuthDeps } from '../../app/staff/staff-sessions.ts';
import { DomainError } from '../../core/domain-error.ts';
import { anyStaff, type StaffRole } from '../../core/staff/staff-role.ts';
import { registerPatientCareRoutes, type PatientCareRouteDeps } from './patient-care-routes.ts';
import { principalOf, SESSION_COOKIE } from './staff-auth.ts';

export interface StaffRouteDeps {
  auth: StaffAuthDeps;
  inbox: InboxDeps;
  patients: PatientDeps;
  admin: AdminDeps;
  /** Care plans, reminders, alerts, the signed-in user's account (patient-care-routes.ts). */
  care: PatientCareRouteDeps;
  /** Subscribes to inbox changes from every Hale process (LISTEN/NOTIFY); returns the unsubscribe. */
  subscribe(listener: (event: api.InboxEvent) => void): () => void;
  secureCookies: boolean;
  issuer: string;
}

const ADMIN: readonly StaffRole[] = ['admin'];
const FRONT_DESK: readonly StaffRole[] = ['admin', 'agent', 'clinician'];

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new DomainError('invalid_input', result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

const idParam = (request: FastifyRequest): string => (request.params as { id: string }).id;

export async function registerStaffRoutes(app: FastifyInstance, deps: StaffRouteDeps): Promise<void> {
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: deps.secureCookies, path: '/', maxAge: 12 * 3600 };

  // ── Sign-in ──
  app.post('/api/v1/auth/login', { config: { roles: 'public' } }, async (request, reply) => {
    const body = parse(api.loginRequestSchema, request.body);
    const { sessionToken } = await signIn(deps.auth, { email: body.email, password: body.password, totp: body.totp, ip: request.ip });
    const session = await authenticateSession(deps.auth, sessionToken);
    if (session === undefined) throw new DomainError('unauthenticated', 'sign in again');
    void reply.setCookie(SESSION_COOKIE, sessionToken, cookieOptions);
    return { user: toUserOut(session.user), csrfToken: session.csrfToken, totpSetupRequired: session.totpSetupRequired } satisfies api.MeResponse;
  });

  app.get('/api/v1/auth/me', { config: { roles: anyStaff, beforeTotp: true } }, async (request) => {
    const session = request.staff?.session;
    if (session === undefined) throw new DomainError('invalid_input', 'API tokens have no session');
    return { user: toUserOut(session.user), csrfToken: session.csrfToken, totpSetupRequired: session.totpSetupRequired } satisfies api.MeResponse;
  });

  app.post('/api/v1/auth/logout', { config: { roles: anyStaff, beforeTotp: true } }, async (request, reply) => {
    const session = request.staff?.session;
    if (session !== undefined) await signOut(deps.auth, session.token, principalOf(request));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post('/api/v1/auth/totp/setup', { config: { roles: anyStaff, beforeTotp: true } }, async (request) => {
    const userId = principalOf(request).userId;
    if (userId === undefined) throw new DomainError('invalid_input', 'API tokens have no second factor');
    return startTotpSetup(deps.auth, userId, deps.issuer);
  });

  app.post('/api/v1/auth/totp/enable', { config: { roles: anyStaff, beforeTotp: true } }, async (request) => {
    const userId = principalOf(request).userId;
    if (userId === undefined) throw new DomainError('invalid_input', 'API tokens have no second factor');
    await enableTotp(deps.auth, userId, parse(api.totpEnableRequestSchema, request.body).code);
    return { ok: true };
  });

  // ── Inbox ──
  app.get('/api/v1/inbox/conversations', { config: { roles: FRONT_DESK } }, async (request) => {
    const query = parse(api.conversationListQuerySchema, request.query);
    return listInbox(deps.inbox, principalOf(request), { queue: query.queue, limit: query.limit, cursor: query.cursor }) satisfies Promise<api.ConversationList>;
  });

  app.get('/api/v1/inbox/conversations/:id', { config: { roles: FRONT_DESK } }, async (request) => {
    return viewConversation(deps.inbox, principalOf(request), idParam(request)) satisfies Promise<api.ConversationView>;
  });

  app.post('/api/v1/inbox/conversations/:id/messages', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const body = parse(api.replyRequestSchema, request.body);
    const result = await sendStaffReply(deps.inbox, principalOf(request), idParam(request), body);
    return reply.code(202).send(result);
  });

  app.post('/api/v1/inbox/conversations/:id/notes', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const body = parse(api.noteRequestSchema, request.body);
    return reply.code(201).send(await addNote(deps.inbox, principalOf(request), idParam(request), body.body));
  });

  app.post('/api/v1/inbox/conversations/:id/assign', { config: { roles: FRONT_DESK } }, async (request) => {
    const body = parse(api.assignRequestSchema, request.body);
    await assignConversation(deps.inbox, principalOf(request), idParam(request), body.userId);
    return { ok: true };
  });

  app.post('/api/v1/inbox/conversations/:id/release', { config: { roles: FRONT_DESK } }, async (request) => {
    const body = parse(api.handBackRequestSchema, request.body);
    await releaseConversation(deps.inbox, principalOf(request), idParam(request), body.to);
    return { ok: true };
  });

  // Patient files: shown inline only for kinds a browser cannot run (never HTML or SVG), sandboxed.
  app.get('/api/v1/media/:id', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const file = await openMedia(deps.inbox, principalOf(request), idParam(request));
    const inline = /^(image\/(png|jpeg|gif|webp)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/pdf)$/.test(file.mimeType);
    return reply
      .type(inline ? file.mimeType : 'application/octet-stream')
      .header('content-disposition', inline ? 'inline' : 'attachment')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  app.get('/api/v1/canned-replies', { config: { roles: FRONT_DESK } }, async () => listCannedReplies(deps.admin) satisfies Promise<api.CannedReply[]>);

  app.get('/api/v1/staff', { config: { roles: FRONT_DESK } }, async () => (await listStaff(deps.admin)).filter((u) => !u.disabled).map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })));

  // Realtime: one SSE stream per browser tab; events carry ids only.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  app.get('/api/v1/events', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write('retry: 2000\n: connected\n\n');
    const unsubscribe = deps.subscribe((event) => raw.write(`event: inbox\ndata: ${JSON.stringify(event)}\n\n`));
    const ping = setInterval(() => raw.write(': ping\n\n'), 25_000);
    const end = () => {
      clearInterval(ping);
      unsubscribe();
      streams.delete(end);
      raw.end();
    };
    streams.add(end);
    request.raw.on('close', end);
  });

  // ── Patients and day list ──
  app.get('/api/v1/patients', { config: { roles: FRONT_DESK } }, async (request) => {
    const query = parse(api.patientSearchQuerySchema, request.query);
    return searchPatients(deps.patients, principalOf(request), query.q) satisfies Promise<api.PatientHit[]>;
  });

  app.get('/api/v1/patients/:id', { config: { roles: FRONT_DESK } }, async (request) => viewPatient(deps.patients, principalOf(request), idParam(request)) satisfies Promise<api.PatientView>);

  app.get('/api/v1/booking/options', { config: { roles: FRONT_DESK } }, async () => bookingOptions(deps.patients.clinic) satisfies api.BookingOptions);

  app.get('/api/v1/patients/:id/slots', { config: { roles: FRONT_DESK } }, async (request) => {
    const query = parse(api.slotsQuerySchema, request.query);
    return findSlotsForStaff(deps.patients, { patientId: idParam(request), ...query }) satisfies Promise<api.Slot[]>;
  });

  app.post('/api/v1/patients/:id/appointments', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const body = parse(api.bookRequestSchema, request.body);
    return reply.code(201).send(await bookForPatient(deps.patients, principalOf(request), idParam(request), body));
  });

  app.get('/api/v1/day-list', { config: { roles: FRONT_DESK } }, async (request) => {
    const query = parse(api.dayListQuerySchema, request.query);
    return dayList(deps.patients, principalOf(request), { date: query.date, practitionerId: query.practitionerId }) satisfies Promise<api.DayList>;
  });

  app.post('/api/v1/appointments/:id/mark', { config: { roles: FRONT_DESK } }, async (request) => {
    const body = parse(api.appointmentMarkRequestSchema, request.body);
    await markAppointment(deps.patients, principalOf(request), idParam(request), body.status);
    return { ok: true };
  });

  // ── Admin ──
  app.get('/api/v1/admin/users', { config: { roles: ADMIN } }, async () => listStaff(deps.admin));

  app.post('/api/v1/admin/users', { config: { roles: ADMIN } }, async (request, reply) => {
    const body = parse(api.createUserRequestSchema, request.body);
    return reply.code(201).send(await createStaffUser(deps.admin, principalOf(request), body));
  });

  app.patch('/api/v1/admin/users/:id', { config: { roles: ADMIN } }, async (request) => {
    const body = parse(api.updateUserRequestSchema, request.body);
    return updateStaffUser(deps.admin, principalOf(request), idParam(request), body);
  });

  app.post('/api/v1/admin/canned-replies', { config: { roles: ADMIN } }, async (request, reply) => {
    const body = parse(api.cannedReplyInputSchema, request.body);
    return reply.code(201).send(await saveCannedReply(deps.admin, principalOf(request), undefined, body));
  });

  app.put('/api/v1/admin/canned-replies/:id', { config: { roles: ADMIN } }, async (request) => {
    const body = parse(api.cannedReplyInputSchema, request.body);
    return saveCannedReply(deps.admin, principalOf(request), idParam(request), body);
  });

  app.delete('/api/v1/admin/canned-replies/:id', { config: { roles: ADMIN } }, async (request) => {
    await deleteCannedReply(deps.admin, principalOf(request), idParam(request));
    return { ok: true };
  });

  app.get('/api/v1/admin/api-tokens', { config: { roles: ADMIN } }, async () => listApiTokens(deps.admin));

  app.post('/api/v1/admin/api-tokens', { config: { roles: ADMIN } }, async (request, reply) => {
    const body = parse(api.createApiTokenRequestSchema, request.body);
    const created = await createApiToken(deps.auth, principalOf(request), body);
    const t = created.token;
    return reply.code(201).send({ token: { id: t.id, name: t.name, role: t.role, createdAt: t.createdAt.toISOString(), lastUsedAt: null, revoked: false }, secret: created.secret });
  });

  app.delete('/api/v1/admin/api-tokens/:id', { config: { roles: ADMIN } }, async (request) => {
    await revokeApiToken(deps.admin, principalOf(request), idParam(request));
    return { ok: true };
  });

  app.get('/api/v1/admin/audit', { config: { roles: ADMIN } }, async (request) => {
    const query = parse(api.auditQuerySchema, request.query);
    return readAuditLog(deps.admin, principalOf(request), query);
  });

  registerPatientCareRoutes(app, deps.care);
}
