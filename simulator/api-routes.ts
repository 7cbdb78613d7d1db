/**
 * The scriptable API under /simulator/api (JSON in, JSON out, errors as {"error": "..."}).
 * Public interface: POST /inbound and GET /conversations/:wa_id keep their shapes.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LOAD_LIMITS, LoadRunner } from './load-runner.ts';
import { ReplayError, replayDeliveries } from './replay-deliveries.ts';
import { InboundError, inboundRequestSchema, sendInboundMessage } from './send-inbound-message.ts';
import { markOutboundRead } from './send-status-webhook.ts';
import { toWaId } from './simulator-context.ts';
import type { SimulatorContext } from './simulator-context.ts';

export class ApiError extends Error {
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issues = explainIssues(result.error.issues).map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
    throw new ApiError(400, `invalid request: ${issues.slice(0, 5).join('; ')}`);
  }
  return result.data;
}

/** For a union, reports the alternative that came closest (fewest issues). */
function explainIssues(issues: readonly z.core.$ZodIssue[]): Array<{ path: PropertyKey[]; message: string }> {
  const first = issues[0];
  if (issues.length === 1 && first?.code === 'invalid_union' && first.errors.length > 0) {
    const closest = [...first.errors].sort((a, b) => a.length - b.length)[0] ?? [];
    return explainIssues(closest).map((i) => ({ path: [...first.path, ...i.path], message: i.message }));
  }
  return issues.map((i) => ({ path: [...i.path], message: i.message }));
}

const waIdSchema = z.string().transform((v, c) => {
  const waId = toWaId(v);
  if (waId === undefined) {
    c.addIssue({ code: 'custom', message: 'must be a phone number with 6–15 digits' });
    return z.NEVER;
  }
  return waId;
});

const personaSchema = z.strictObject({
  wa_id: waIdSchema,
  name: z.string().min(1).max(80).optional(),
  language: z.string().min(2).max(15).optional(),
  undeliverable: z.boolean().optional(),
});
const personaPatchSchema = personaSchema.omit({ wa_id: true });
const rewindSchema = z.strictObject({ hours: z.number().positive().max(24 * 365) });
const faultSchema = z.strictObject({
  code: z.number().int().nonnegative(),
  count: z.number().int().min(1).max(10_000).default(1),
  mode: z.enum(['sync', 'status']).default('sync'),
  details: z.string().max(500).optional(),
});
const replaySchema = z.strictObject({
  wa_id: waIdSchema.optional(),
  duplicate: z.boolean().optional(),
  reorder: z.boolean().optional(),
  count: z.number().int().min(1).max(100).optional(),
  message_id: z.string().min(1).optional(),
});
const configSchema = z.strictObject({
  mps: z.number().positive().max(10_000).optional(),
  pairLimit: z.strictObject({ capacity: z.number().int().min(1).max(10_000), refillPerSecond: z.number().positive().max(10_000) }).optional(),
  statusDelayMs: z.number().int().min(0).max(60_000).optional(),
  windowErrorMode: z.enum(['sync', 'status']).optional(),
});
const loadSchema = z.strictObject({
  personas: z.number().int().min(1).max(LOAD_LIMITS.personas),
  messagesPerPersona: z.number().int().min(1).max(LOAD_LIMITS.messagesPerPersona),
  ratePerSecond: z.number().positive().max(LOAD_LIMITS.ratePerSecond),
});

export function registerApiRoutes(app: FastifyInstance, ctx: SimulatorContext, load: LoadRunner): void {
  const { store, config } = ctx;

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError || error instanceof InboundError) return reply.code(error.statusCode).send({ error: error.message });
    if (error instanceof ReplayError) return reply.code(409).send({ error: error.message });
    const e = error as { statusCode?: number; message?: string; code?: string };
    const status = e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'simulator.api_error');
    const message = e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(e.message ?? '') ? `invalid JSON body: ${e.message ?? ''}` : (e.message ?? 'error');
    return reply.code(status).send({ error: message });
  });

  const requirePersona = (raw: string) => {
    const waId = toWaId(raw);
    const persona = waId === undefined ? undefined : store.findPersona(waId);
    if (persona === undefined) throw new ApiError(404, `no persona with wa_id ${raw}`);
    return persona;
  };

  app.get('/info', async () => ({
    businessName: config.businessName,
    phoneNumberId: config.phoneNumberId,
    displayPhoneNumber: config.displayPhoneNumber,
    wabaId: config.wabaId,
    apiVersion: config.apiVersion,
    webhookUrl: config.webhookUrl,
  }));

  app.get('/templates', async () => ({
    templates: ctx.templates.list().map((t) => ({ name: t.name, language: t.language, category: t.category, status: t.status, ...t.translation })),
  }));

  app.get('/personas', async () => ({
    personas: [...store.personas.values()].map((p) => ({ ...toPersonaJson(p), lastMessage: store.conversation(p.waId).at(-1) ?? null })),
  }));

  app.post('/personas', async (request, reply) => {
    const body = parseBody(personaSchema, request.body);
    const existed = store.findPersona(body.wa_id) !== undefined;
    const persona = store.upsertPersona({
      waId: body.wa_id,
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.language === undefined ? {} : { language: body.language }),
      ...(body.undeliverable === undefined ? {} : { undeliverable: body.undeliverable }),
    });
    return reply.code(existed ? 200 : 201).send(toPersonaJson(persona));
  });

  app.patch<{ Params: { wa_id: string } }>('/personas/:wa_id', async (request) => {
    const persona = requirePersona(request.params.wa_id);
    const body = parseBody(personaPatchSchema, request.body);
    return toPersonaJson(
      store.upsertPersona({
        waId: persona.waId,
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.language === undefined ? {} : { language: body.language }),
        ...(body.undeliverable === undefined ? {} : { undeliverable: body.undeliverable }),
      }),
    );
  });

  app.post<{ Params: { wa_id: string } }>('/personas/:wa_id/rewind', async (request) => {
    const persona = requirePersona(request.params.wa_id);
    const { hours } = parseBody(rewindSchema, request.body);
    if (persona.lastInboundAt === null) throw new ApiError(409, `${persona.waId} has not sent a message yet: the 24-hour window is already closed`);
    store.setLastInbound(persona.waId, persona.lastInboundAt - hours * 3_600_000);
    return toPersonaJson(persona);
  });

  app.post<{ Params: { wa_id: string } }>('/personas/:wa_id/read', async (request) => {
    const persona = requirePersona(request.params.wa_id);
    return { read: markOutboundRead(ctx, persona.waId) };
  });

  app.post('/inbound', { bodyLimit: 40 * 1024 * 1024 }, async (request) => {
    const body = parseBody(inboundRequestSchema, request.body);
    return sendInboundMessage(ctx, body);
  });

  app.get<{ Params: { wa_id: string } }>('/conversations/:wa_id', async (request) => {
    const persona = requirePersona(request.params.wa_id);
    return { persona: toPersonaJson(persona), messages: store.conversation(persona.waId).map(toMessageJson) };
  });

  app.get('/faults', async () => ({ faults: store.faults }));
  app.post('/faults', async (request, reply) => {
    const body = parseBody(faultSchema, request.body);
    store.faults.push({ code: body.code, remaining: body.count, mode: body.mode, ...(body.details ? { details: body.details } : {}) });
    return reply.code(201).send({ faults: store.faults });
  });
  app.delete('/faults', async () => {
    store.faults = [];
    return { faults: [] };
  });

  app.get('/requests', async (request) => {
    const limit = Number((request.query as { limit?: string }).limit ?? 0);
    const all = store.requests();
    return { requests: limit > 0 ? all.slice(-limit) : all };
  });
  app.delete('/requests', async () => {
    store.clearRequests();
    return { requests: [] };
  });

  app.get('/deliveries', async () => ({
    pending: ctx.sender.pendingCount(),
    dropped: ctx.sender.dropped,
    deliveries: ctx.sender.deliveries(),
  }));

  app.post('/replay', async (request) => {
    const body = parseBody(replaySchema, request.body);
    if (!body.duplicate && !body.reorder) throw new ApiError(400, 'say what to replay: {"duplicate": true} or {"reorder": true}');
    return replayDeliveries(ctx, {
      ...(body.wa_id === undefined ? {} : { waId: body.wa_id }),
      ...(body.duplicate === undefined ? {} : { duplicate: body.duplicate }),
      ...(body.reorder === undefined ? {} : { reorder: body.reorder }),
      ...(body.count === undefined ? {} : { count: body.count }),
      ...(body.message_id === undefined ? {} : { messageId: body.message_id }),
    });
  });

  app.get('/config', async () => configJson(ctx));
  app.post('/config', async (request) => {
    const body = parseBody(configSchema, request.body);
    if (body.mps !== undefined) {
      config.mps = body.mps;
      ctx.limits.mps.reconfigure(body.mps, body.mps);
    }
    if (body.pairLimit !== undefined) {
      config.pairLimit = body.pairLimit;
      for (const bucket of ctx.limits.pairs.values()) bucket.reconfigure(body.pairLimit.capacity, body.pairLimit.refillPerSecond);
    }
    if (body.statusDelayMs !== undefined) config.statusDelayMs = body.statusDelayMs;
    if (body.windowErrorMode !== undefined) config.windowErrorMode = body.windowErrorMode;
    return configJson(ctx);
  });

  app.get('/load', async () => load.report());
  app.post('/load', async (request, reply) => {
    if (!isLoopback(request.ip)) throw new ApiError(403, 'load mode is only available from loopback');
    if (!isLoopbackUrl(config.webhookUrl)) throw new ApiError(403, 'load mode only targets a webhook on loopback (127.0.0.1, ::1, localhost)');
    const body = parseBody(loadSchema, request.body);
    if (body.personas * body.messagesPerPersona > LOAD_LIMITS.total) throw new ApiError(400, `at most ${LOAD_LIMITS.total} messages per run`);
    try {
      return reply.code(202).send(load.start(body));
    } catch (err) {
      throw new ApiError(409, (err as Error).message);
    }
  });
  app.delete('/load', async () => {
    load.stop();
    return load.report();
  });

  app.post('/reset', async () => {
    load.stop();
    ctx.sender.clear();
    store.reset();
    ctx.limits.pairs.clear();
    return { ok: true };
  });

  app.get<{ Params: { id: string } }>('/media/:id', async (request, reply) => {
    const item = store.media.get(request.params.id);
    if (item === undefined) throw new ApiError(404, 'media not found');
    return reply.type(item.mimeType).header('cache-control', 'private, max-age=3600').send(item.bytes);
  });
}

function toPersonaJson(p: { waId: string; name: string; language: string; undeliverable: boolean; userId: string; lastInboundAt: number | null }) {
  return {
    wa_id: p.waId,
    name: p.name,
    language: p.language,
    undeliverable: p.undeliverable,
    user_id: p.userId,
    last_inbound_at: p.lastInboundAt === null ? null : new Date(p.lastInboundAt).toISOString(),
  };
}

function toMessageJson(message: Record<string, unknown>) {
  const { bizOpaque, ...rest } = message;
  return bizOpaque === undefined ? rest : { ...rest, biz_opaque_callback_data: bizOpaque };
}

function configJson(ctx: SimulatorContext) {
  const c = ctx.config;
  return { mps: c.mps, pairLimit: c.pairLimit, statusDelayMs: c.statusDelayMs, windowErrorMode: c.windowErrorMode, retry: c.retry };
}

function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}

function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || isLoopback(host);
  } catch {
    return false;
  }
}
