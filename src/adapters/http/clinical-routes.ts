/**
 * Staff JSON API beyond the inbox: symptom assessment for staff tools (issue 8), booking on a
 * patient's behalf (providers, move, cancel, decide requests, pre-visit answers; issue 5) and
 * home-measurement targets (issue 9). Every route declares its roles (staff-auth.ts checks them
 * on the server and the route-walk test covers them); bodies are validated with zod here, the
 * work is done by the use cases passed in.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StaffPrincipal } from '../../app/staff/staff-ports.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';
import type { VitalTargets } from '../../core/vitals/assess-vital.ts';
import { exceptionSchema, openingHoursSchema, type ProviderException, type WeeklyHours } from '../../core/clinic/clinic-config.ts';
import { principalOf } from './staff-auth.ts';

const ALL_STAFF: readonly StaffRole[] = ['admin', 'agent', 'clinician'];
const CLINICAL: readonly StaffRole[] = ['admin', 'clinician'];
const ADMIN: readonly StaffRole[] = ['admin'];

export interface ClinicalRouteDeps {
  assessSymptoms(actorId: string, body: unknown): Promise<unknown>;
  providers(): unknown;
  move(input: { appointmentId: string; staffId: string; practitionerId: string; start: Date }): Promise<unknown>;
  cancel(input: { appointmentId: string; staffId: string }): Promise<unknown>;
  decideRequest(input: { appointmentId: string; staffId: string; decision: 'confirm' | 'decline' }): Promise<unknown>;
  intakeAnswers(input: { appointmentId: string; staffId: string }): Promise<unknown>;
  feedPath(practitionerId: string): string;
  observations(input: { patientId: string; staffId: string }): Promise<unknown>;
  setVitalTargets(input: { patientId: string; staffId: string; targets: VitalTargets }): Promise<void>;
  schedule(practitionerId: string): Promise<unknown>;
  setSchedule(input: { practitionerId: string; staffId: string; weeklyHours?: WeeklyHours; exceptions: ProviderException[] }): Promise<unknown>;
  addException(input: { practitionerId: string; staffId: string; exception: ProviderException }): Promise<unknown>;
  resetSchedule(input: { practitionerId: string; staffId: string }): Promise<unknown>;
}

/** Front desk and admins keep the providers' schedules (leave, extra hours); everyone reads them. */
const SCHEDULERS: readonly StaffRole[] = ['admin', 'agent'];

const range = z.object({ low: z.number().finite().optional(), high: z.number().finite().optional() }).strict();
const targetsSchema = z
  .object({
    glucoseFasting: range,
    glucoseAfterMeal: range,
    glucoseOther: range,
    systolic: range,
    diastolic: range,
    weight: range,
    temperature: range,
    pulse: range,
    spo2: range,
  })
  .partial()
  .strict();

export function registerClinicalRoutes(app: FastifyInstance, deps: ClinicalRouteDeps): void {
  app.post('/api/v1/triage', { config: { roles: ALL_STAFF } }, async (request) => deps.assessSymptoms(actorId(request), request.body));

  app.get('/api/v1/providers', { config: { roles: ALL_STAFF } }, async () => deps.providers());
  app.get('/api/v1/providers/:id/calendar-url', { config: { roles: ADMIN } }, async (request) => ({ path: deps.feedPath(idParam(request)) }));

  app.get('/api/v1/providers/:id/schedule', { config: { roles: ALL_STAFF } }, async (request) => deps.schedule(idParam(request)));
  app.put('/api/v1/providers/:id/schedule', { config: { roles: SCHEDULERS } }, async (request) => {
    const body = parse(z.strictObject({ weeklyHours: openingHoursSchema.optional(), exceptions: z.array(exceptionSchema).max(500) }), request.body);
    return deps.setSchedule({ practitionerId: idParam(request), staffId: actorId(request), exceptions: body.exceptions, ...(body.weeklyHours === undefined ? {} : { weeklyHours: body.weeklyHours }) });
  });
  app.post('/api/v1/providers/:id/exceptions', { config: { roles: SCHEDULERS } }, async (request) => {
    const exception = parse(exceptionSchema, request.body);
    return deps.addException({ practitionerId: idParam(request), staffId: actorId(request), exception });
  });
  app.delete('/api/v1/providers/:id/schedule', { config: { roles: SCHEDULERS } }, async (request) => deps.resetSchedule({ practitionerId: idParam(request), staffId: actorId(request) }));

  app.post('/api/v1/appointments/:id/move', { config: { roles: ALL_STAFF } }, async (request) => {
    const body = parse(z.object({ practitionerId: z.string().min(1), start: z.iso.datetime({ offset: true }) }).strict(), request.body);
    return deps.move({ appointmentId: uuidParam(request), staffId: actorId(request), practitionerId: body.practitionerId, start: new Date(body.start) });
  });
  app.post('/api/v1/appointments/:id/cancel', { config: { roles: ALL_STAFF } }, async (request) => deps.cancel({ appointmentId: uuidParam(request), staffId: actorId(request) }));
  app.post('/api/v1/appointments/:id/decision', { config: { roles: ALL_STAFF } }, async (request) => {
    const body = parse(z.object({ decision: z.enum(['confirm', 'decline']) }).strict(), request.body);
    return deps.decideRequest({ appointmentId: uuidParam(request), staffId: actorId(request), decision: body.decision });
  });
  // Pre-visit answers are clinical information: clinicians and admins.
  app.get('/api/v1/appointments/:id/intake', { config: { roles: CLINICAL } }, async (request) => deps.intakeAnswers({ appointmentId: uuidParam(request), staffId: actorId(request) }));

  app.get('/api/v1/patients/:id/observations', { config: { roles: CLINICAL } }, async (request) => deps.observations({ patientId: uuidParam(request), staffId: actorId(request) }));
  app.put('/api/v1/patients/:id/vital-targets', { config: { roles: CLINICAL } }, async (request, reply) => {
    const targets = parse(targetsSchema, request.body);
    await deps.setVitalTargets({ patientId: uuidParam(request), staffId: actorId(request), targets });
    return reply.code(204).send();
  });
}

function actorId(request: FastifyRequest): string {
  const principal: StaffPrincipal = principalOf(request);
  return principal.userId ?? `token:${principal.tokenId ?? 'unknown'}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidParam(request: FastifyRequest): string {
  const id = idParam(request);
  if (!UUID.test(id)) throw new DomainError('invalid_input', 'the id in the path is not a valid id');
  return id;
}

function idParam(request: FastifyRequest): string {
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) throw new DomainError('invalid_input', 'a valid id is required in the path');
  return id;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new DomainError('invalid_input', 'invalid request body', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}
