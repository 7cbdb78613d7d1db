/**
 * The fake Graph API at the root, where Hale's WHATSAPP_API_URL points:
 *   POST   /:version/:phoneNumberId/messages   send (and mark-as-read)
 *   POST   /:version/:phoneNumberId/media      multipart upload → {id}
 *   GET    /:version/:mediaId                  → {messaging_product,url,mime_type,sha256,file_size,id}
 *   DELETE /:version/:mediaId                  → {success:true}
 *   GET    /whatsapp_business/attachments/?mid… the media bytes (bearer required, URL valid 5 min)
 * Every answer and error is shaped like Meta's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptOutboundMessage } from './accept-outbound-message.ts';
import { GraphError, toGraphErrorBody } from './graph-error.ts';
import { handleMarkRead } from './handle-mark-read.ts';
import { parseSendRequest } from './parse-send-request.ts';
import type { SimulatorContext } from './simulator-context.ts';
import { buildUploadedMedia, MAX_UPLOAD_BYTES } from './upload-media.ts';

const MEDIA_URL_TTL_S = 5 * 60;
const VERSION = /^v\d{1,2}\.\d$/;

interface VersionParams {
  version: string;
  phoneNumberId: string;
}
interface ObjectParams {
  version: string;
  id: string;
}

export async function registerGraphRoutes(app: FastifyInstance, ctx: SimulatorContext): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } });

  const sendError = (request: FastifyRequest, reply: FastifyReply, err: GraphError, body?: unknown) => {
    logGraph(ctx, request, body, { httpStatus: err.httpStatus, code: err.code, details: err.details });
    return reply.code(err.httpStatus).send(toGraphErrorBody(err));
  };

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof GraphError) return sendError(request, reply, error, request.body);
    const fastifyError = error as { code?: string; message?: string; statusCode?: number };
    const details =
      fastifyError.code === 'FST_REQ_FILE_TOO_LARGE'
        ? 'Media file size too big.'
        : `Invalid request: ${fastifyError.message ?? 'malformed body'}`;
    const code = fastifyError.code === 'FST_REQ_FILE_TOO_LARGE' ? 131053 : 100;
    if ((fastifyError.statusCode ?? 500) >= 500) request.log.error({ err: error }, 'graph.error');
    return sendError(request, reply, new GraphError(code, { details }));
  });

  // Authentication runs before the body is read, like Graph.
  app.addHook('onRequest', async (request, reply) => {
    // Unknown /simulator/... paths fall through to `/:version/:id`; answer them as the UI's 404.
    if (request.url.startsWith('/simulator')) return reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
    if (!isAuthorized(request, ctx.config.accessToken)) {
      return sendError(request, reply, new GraphError(190, { details: 'The access token could not be decrypted or is invalid.' }));
    }
    const params = request.params as Partial<VersionParams>;
    if (params.version !== undefined && !VERSION.test(params.version)) {
      return sendError(request, reply, new GraphError(2500, { message: `Unknown path components: /${params.version}`, details: 'Unknown API version.' }));
    }
    if (params.phoneNumberId !== undefined && params.phoneNumberId !== ctx.config.phoneNumberId) {
      return sendError(request, reply, unknownObject(params.phoneNumberId, 'post'));
    }
    return undefined;
  });

  app.post<{ Params: VersionParams }>('/:version/:phoneNumberId/messages', async (request, reply) => {
    const parsed = parseSendRequest(request.body);
    if (parsed.kind === 'read') {
      const result = handleMarkRead(ctx, parsed.request);
      logGraph(ctx, request, request.body, { httpStatus: 200 });
      return reply.send(result);
    }
    const accepted = acceptOutboundMessage(ctx, parsed.request);
    logGraph(ctx, request, request.body, { httpStatus: 200, messageId: accepted.id });
    return reply.send({
      messaging_product: 'whatsapp',
      contacts: [{ input: accepted.input, wa_id: accepted.waId }],
      messages: [{ id: accepted.id }],
    });
  });

  app.post<{ Params: VersionParams }>('/:version/:phoneNumberId/media', async (request, reply) => {
    if (!request.isMultipart()) throw new GraphError(100, { details: 'Upload media as multipart/form-data with fields messaging_product and file.' });
    const fields: Record<string, string> = {};
    let file: { bytes: Buffer; mimeType: string; filename: string } | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        file = { bytes: await part.toBuffer(), mimeType: part.mimetype, filename: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    const item = buildUploadedMedia({
      messagingProduct: fields.messaging_product,
      mimeType: fields.type ?? file?.mimeType,
      bytes: file?.bytes,
      ...(file?.filename ? { filename: file.filename } : {}),
      phoneNumberId: ctx.config.phoneNumberId,
      now: ctx.config.now(),
    });
    ctx.store.putMedia(item);
    logGraph(ctx, request, { ...fields, file: file ? { filename: file.filename, mime_type: file.mimeType, bytes: file.bytes.length } : undefined }, { httpStatus: 200 });
    return reply.send({ id: item.id });
  });

  app.get('/whatsapp_business/attachments/', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const item = query.mid === undefined ? undefined : ctx.store.media.get(query.mid);
    const expires = Number(query.ext);
    const valid =
      item !== undefined &&
      Number.isFinite(expires) &&
      expires * 1000 >= ctx.config.now() &&
      safeEqual(query.hash ?? '', mediaUrlHash(ctx, item.id, expires));
    if (!valid) return reply.code(404).type('text/plain').send('Not Found');
    return reply.type(item.mimeType).header('content-length', item.bytes.length).send(item.bytes);
  });

  app.get<{ Params: ObjectParams }>('/:version/:id', async (request, reply) => {
    const { id } = request.params;
    if (id === ctx.config.phoneNumberId) {
      return reply.send({
        verified_name: ctx.config.businessName,
        display_phone_number: formatDisplay(ctx.config.displayPhoneNumber),
        id,
        quality_rating: 'GREEN',
        throughput: { level: ctx.config.mps > 80 ? 'HIGH' : 'STANDARD' },
      });
    }
    const item = ctx.store.media.get(id);
    const owner = (request.query as Record<string, string | undefined>).phone_number_id;
    if (item === undefined || (owner !== undefined && owner !== item.phoneNumberId)) throw unknownObject(id, 'get');
    const expires = Math.floor(ctx.config.now() / 1000) + MEDIA_URL_TTL_S;
    const origin = `${request.protocol}://${request.host}`;
    const url = `${origin}/whatsapp_business/attachments/?mid=${id}&ext=${expires}&hash=${mediaUrlHash(ctx, id, expires)}`;
    return reply.send({
      messaging_product: 'whatsapp',
      url,
      mime_type: item.mimeType,
      sha256: item.sha256,
      file_size: String(item.bytes.length),
      id,
    });
  });

  app.delete<{ Params: ObjectParams }>('/:version/:id', async (request, reply) => {
    const { id } = request.params;
    const item = ctx.store.media.get(id);
    const owner = (request.query as Record<string, string | undefined>).phone_number_id;
    if (item === undefined || (owner !== undefined && owner !== item.phoneNumberId)) throw unknownObject(id, 'delete');
    ctx.store.deleteMedia(id);
    logGraph(ctx, request, undefined, { httpStatus: 200 });
    return reply.send({ success: true });
  });
}

function unknownObject(id: string, method: 'get' | 'post' | 'delete'): GraphError {
  const message = `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`;
  return new GraphError(100, { message, details: message, subcode: 33 });
}

function isAuthorized(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  const fromHeader = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const fromQuery = (request.query as Record<string, string | undefined> | undefined)?.access_token;
  const given = fromHeader ?? fromQuery;
  return given !== undefined && safeEqual(given, token);
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function mediaUrlHash(ctx: SimulatorContext, id: string, expires: number): string {
  return createHmac('sha256', ctx.config.appSecret).update(`${id}:${expires}`).digest('base64url').slice(0, 22);
}

function formatDisplay(digits: string): string {
  return digits.length === 11 && digits.startsWith('1') ? `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}` : `+${digits}`;
}

function logGraph(
  ctx: SimulatorContext,
  request: FastifyRequest,
  body: unknown,
  verdict: { httpStatus: number; code?: number; details?: string; messageId?: string },
): void {
  ctx.store.logRequest({ at: new Date(ctx.config.now()).toISOString(), method: request.method, path: request.url.split('?')[0] ?? request.url, body, verdict });
}
