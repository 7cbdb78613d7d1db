/**
 * Staff JSON API of the care flows (issue 9): refill requests (list; clinicians decide), a
 * patient's documents (list, download, re-categorize), a payment link for an appointment, and
 * visit feedback (follow-up tasks, summary). Every route declares its roles (the route-walk test
 * covers them); input is validated with the shared zod schemas (src/contracts/care-api.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { StaffPrincipal } from '../../app/staff/staff-ports.ts';
import * as api from '../../contracts/care-api.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';
import { principalOf } from './staff-auth.ts';

const ALL_STAFF: readonly StaffRole[] = ['admin', 'agent', 'clinician'];
const CLINICAL: readonly StaffRole[] = ['admin', 'clinician'];

type DocumentCategory = (typeof api.documentCategories)[number];

export interface CareRouteDeps {
  refillRequests(input: { staffId: string; state?: (typeof api.refillStates)[number]; patientId?: string }): Promise<unknown>;
  decideRefill(input: { requestId: string; staffId: string; decision: (typeof api.refillDecisions)[number]; reason?: string }): Promise<unknown>;
  documents(input: { patientId: string; staffId: string }): Promise<unknown>;
  openDocument(input: { documentId: string; staffId: string }): Promise<{ bytes: Buffer; mimeType: string }>;
  categorizeDocument(input: { documentId: string; staffId: string; category: DocumentCategory }): Promise<void>;
  paymentLink(input: { appointmentId: string; staffId: string }): Promise<unknown>;
  feedbackFollowUps(input: { staffId: string }): Promise<unknown>;
  completeFollowUp(input: { alertId: string; staffId: string }): Promise<void>;
  feedbackSummary(window: { from: Date; to: Date }): Promise<unknown>;
}

export function registerCareRoutes(app: FastifyInstance, deps: CareRouteDeps): void {
  app.get('/api/v1/refill-requests', { config: { roles: ALL_STAFF } }, async (request) => {
    const query = parse(api.refillListQuerySchema, request.query);
    return deps.refillRequests({ staffId: actorId(request), ...(query.state === undefined ? {} : { state: query.state }), ...(query.patientId === undefined ? {} : { patientId: query.patientId }) });
  });
  // Whether a patient gets more of a medicine is a clinical decision.
  app.post('/api/v1/refill-requests/:id/decision', { config: { roles: CLINICAL } }, async (request) => {
    const body = parse(api.refillDecisionRequestSchema, request.body);
    return deps.decideRefill({ requestId: uuidParam(request), staffId: actorId(request), decision: body.decision, ...(body.reason === undefined ? {} : { reason: body.reason }) });
  });

  app.get('/api/v1/patients/:id/documents', { config: { roles: ALL_STAFF } }, async (request) => deps.documents({ patientId: uuidParam(request), staffId: actorId(request) }));
  // Patient files: shown inline only for kinds a browser cannot run (never HTML or SVG), sandboxed.
  app.get('/api/v1/documents/:id/content', { config: { roles: ALL_STAFF } }, async (request, reply) => {
    const file = await deps.openDocument({ documentId: uuidParam(request), staffId: actorId(request) });
    const inline = /^(image\/(png|jpeg|gif|webp)|application\/pdf)$/.test(file.mimeType);
    return reply
      .type(inline ? file.mimeType : 'application/octet-stream')
      .header('content-disposition', inline ? 'inline' : 'attachment')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });
  app.patch('/api/v1/documents/:id', { config: { roles: ALL_STAFF } }, async (request, reply) => {
    const body = parse(api.documentCategoryRequestSchema, request.body);
    await deps.categorizeDocument({ documentId: uuidParam(request), staffId: actorId(request), category: body.category });
    return reply.code(204).send();
  });

  app.post('/api/v1/appointments/:id/payment-link', { config: { roles: ALL_STAFF } }, async (request) => deps.paymentLink({ appointmentId: uuidParam(request), staffId: actorId(request) }));

  app.get('/api/v1/feedback/follow-ups', { config: { roles: ALL_STAFF } }, async (request) => deps.feedbackFollowUps({ staffId: actorId(request) }));
  app.post('/api/v1/feedback/follow-ups/:id/done', { config: { roles: ALL_STAFF } }, async (request, reply) => {
    await deps.completeFollowUp({ alertId: uuidParam(request), staffId: actorId(request) });
    return reply.code(204).send();
  });
  app.get('/api/v1/feedback/summary', { config: { roles: ALL_STAFF } }, async (request) => {
    const query = parse(api.feedbackSummaryQuerySchema, request.query);
    return deps.feedbackSummary({ from: new Date(query.from), to: new Date(query.to) });
  });
}

function actorId(request: FastifyRequest): string {
  const principal: StaffPrincipal = principalOf(request);
  return principal.userId ?? `token:${principal.tokenId ?? 'unknown'}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidParam(request: FastifyRequest): string {
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !UUID.test(id)) throw new DomainError('invalid_input', 'the id in the path is not a valid id');
  return id;
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new DomainError('invalid_input', 'invalid request', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}
