/**
 * Staff API for care plans and reminders (issue 6) and the signed-in user's account (issue 7):
 *
 * - medication plans: list/create/stop — clinicians and admins only (medication is clinical
 *   information; the front desk sees follow-ups and appointments, not drugs);
 * - follow-up and screening reminders: list/create/cancel — every staff role (the front desk
 *   plans "book your follow-up in 6 weeks");
 * - the patient's time zone, unconfirmed appointments, open staff alerts and acknowledging
 *   them — every staff role;
 * - own password and @mentions — anyone signed in with a session (not API tokens);
 * - clinic settings (opening hours, away message, templates map) — admins.
 *
 * Bodies and queries are parsed with the shared contracts; the use cases audit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import * as api from '../../contracts/staff-api.ts';
import type { ClinicConfig } from '../../core/clinic/clinic-config.ts';
import {
  acknowledgeStaffAlert,
  cancelPatientFollowUp,
  createPatientFollowUp,
  createPatientMedicationPlan,
  listStaffAlerts,
  listUnconfirmedForStaff,
  setPatientTimeZone,
  stopPatientMedicationPlan,
  viewPatientCare,
  type PatientCareDeps,
} from '../../app/staff/patient-care.ts';
import { changePassword, clinicSettings, countUnreadMentions, listMentions, markMentionsSeen, type AccountDeps } from '../../app/staff/staff-account.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';
import { principalOf } from './staff-auth.ts';

export interface PatientCareRouteDeps {
  care: PatientCareDeps;
  account: AccountDeps;
  clinic: ClinicConfig;
}

const ALL_STAFF: readonly StaffRole[] = ['admin', 'agent', 'clinician'];
const CLINICAL: readonly StaffRole[] = ['admin', 'clinician'];
const ADMIN: readonly StaffRole[] = ['admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new DomainError('invalid_input', result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

function param(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !UUID.test(value)) throw new DomainError('not_found', `no such ${name === 'id' ? 'record' : name}`);
  return value;
}

function sessionOf(request: FastifyRequest): { userId: string; token: string } {
  const session = request.staff?.session;
  if (session === undefined) throw new DomainError('invalid_input', 'API tokens have no account of their own');
  return { userId: session.user.id, token: session.token };
}

const undefinedFree = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function registerPatientCareRoutes(app: FastifyInstance, deps: PatientCareRouteDeps): void {
  // ── A patient's care plans ──
  app.get('/api/v1/patients/:id/care', { config: { roles: ALL_STAFF } }, async (request) => {
    const principal = principalOf(request);
    return viewPatientCare(deps.care, principal, param(request, 'id'), { withMedication: CLINICAL.includes(principal.role) }) satisfies Promise<api.PatientCare>;
  });

  app.post('/api/v1/patients/:id/medication-plans', { config: { roles: CLINICAL } }, async (request, reply) => {
    const body = parse(api.medicationPlanRequestSchema, request.body);
    return reply.code(201).send(await createPatientMedicationPlan(deps.care, principalOf(request), param(request, 'id'), undefinedFree(body)));
  });

  app.post('/api/v1/patients/:id/medication-plans/:planId/stop', { config: { roles: CLINICAL } }, async (request) => {
    await stopPatientMedicationPlan(deps.care, principalOf(request), param(request, 'id'), param(request, 'planId'));
    return { ok: true };
  });

  app.post('/api/v1/patients/:id/follow-ups', { config: { roles: ALL_STAFF } }, async (request, reply) => {
    const body = parse(api.followUpRequestSchema, request.body);
    return reply.code(201).send(await createPatientFollowUp(deps.care, principalOf(request), param(request, 'id'), body));
  });

  app.post('/api/v1/patients/:id/follow-ups/:followUpId/cancel', { config: { roles: ALL_STAFF } }, async (request) => {
    await cancelPatientFollowUp(deps.care, principalOf(request), param(request, 'id'), param(request, 'followUpId'));
    return { ok: true };
  });

  app.put('/api/v1/patients/:id/time-zone', { config: { roles: ALL_STAFF } }, async (request) => {
    const body = parse(api.timeZoneRequestSchema, request.body);
    await setPatientTimeZone(deps.care, principalOf(request), param(request, 'id'), body.timeZone);
    return { ok: true };
  });

  // ── Work lists ──
  app.get('/api/v1/appointments/unconfirmed', { config: { roles: ALL_STAFF } }, async (request) => {
    const query = parse(api.unconfirmedQuerySchema, request.query);
    return listUnconfirmedForStaff(deps.care, principalOf(request), query.hours) satisfies Promise<api.UnconfirmedItem[]>;
  });

  app.get('/api/v1/alerts', { config: { roles: ALL_STAFF } }, async (request) => {
    const query = parse(api.staffAlertQuerySchema, request.query);
    return listStaffAlerts(deps.care, principalOf(request), query.limit);
  });

  app.post('/api/v1/alerts/:id/acknowledge', { config: { roles: ALL_STAFF } }, async (request) => {
    await acknowledgeStaffAlert(deps.care, principalOf(request), param(request, 'id'));
    return { ok: true };
  });

  // ── The signed-in user ──
  app.post('/api/v1/auth/password', { config: { roles: ALL_STAFF } }, async (request) => {
    const body = parse(api.passwordChangeRequestSchema, request.body);
    const session = sessionOf(request);
    const result = await changePassword(deps.account, { userId: session.userId, sessionToken: session.token, currentPassword: body.currentPassword, newPassword: body.newPassword });
    return { ok: true, otherSessionsEnded: result.otherSessionsEnded };
  });

  app.get('/api/v1/me/mentions', { config: { roles: ALL_STAFF } }, async (request) => listMentions(deps.account, sessionOf(request).userId));
  app.get('/api/v1/me/mentions/count', { config: { roles: ALL_STAFF } }, async (request) => ({ unread: await countUnreadMentions(deps.account, sessionOf(request).userId) }));
  app.post('/api/v1/me/mentions/seen', { config: { roles: ALL_STAFF } }, async (request) => {
    await markMentionsSeen(deps.account, sessionOf(request).userId);
    return { ok: true };
  });

  // ── Admin: clinic settings as configured ──
  app.get('/api/v1/admin/settings', { config: { roles: ADMIN } }, async () => clinicSettings(deps.clinic) satisfies api.ClinicSettings);
}
