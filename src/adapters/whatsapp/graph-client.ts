import { z } from 'zod';
import { classifyGraphError } from './graph-errors.ts';
import { renderMarkAsRead, type GraphSendRequest } from './render-outbound.ts';

/**
 * The only code that talks to Meta's Graph API over HTTP. Every failure is a GraphApiError that
 * says whether a retry may help and why, in words staff can read.
 */
export interface GraphClientOptions {
  /** e.g. `https://graph.facebook.com` (or the simulator's address). */
  baseUrl: string;
  /** e.g. `v23.0`. */
  version: string;
  phoneNumberId: string;
  accessToken: string;
  /** Per request, for API calls (default 20 s). */
  timeoutMs?: number;
  /** For a whole media download, body included (default 120 s). */
  downloadTimeoutMs?: number;
  fetch?: typeof fetch;
}

export interface GraphClient {
  sendMessage(body: GraphSendRequest): Promise<{ providerMessageId: string }>;
  markAsRead(providerMessageId: string): Promise<void>;
  uploadMedia(bytes: Uint8Array, mimeType: string, filename: string): Promise<{ mediaId: string }>;
  getMediaUrl(mediaId: string): Promise<{ url: string; mimeType: string; sha256?: string; fileSize?: number }>;
  downloadMedia(url: string, maxBytes: number): Promise<{ bytes: Uint8Array; mimeType: string }>;
}

export interface GraphApiErrorInit {
  code?: number | undefined;
  httpStatus?: number | undefined;
  title: string;
  details?: string | undefined;
  fbtraceId?: string | undefined;
  retryable: boolean;
  reason: string;
  transport: boolean;
}

export class GraphApiError extends Error {
  /** Meta's `error.code` (e.g. 131047). */
  readonly code?: number;
  readonly httpStatus?: number;
  /** Meta's `error.message`; for local failures a stable code: `timeout`, `network_error`,
   *  `media_too_large`, `media_url_not_allowed`, `unexpected_response`. */
  readonly title: string;
  /** Meta's `error.error_data.details`. */
  readonly details?: string;
  readonly fbtraceId?: string;
  readonly retryable: boolean;
  /** Plain-words explanation for staff. */
  readonly reason: string;
  /** True when Meta may never have seen the request (network failure, timeout). */
  readonly transport: boolean;

  constructor(init: GraphApiErrorInit) {
    super(`WhatsApp API error${init.code === undefined ? '' : ` ${init.code}`}: ${init.title}`);
    this.name = 'GraphApiError';
    if (init.code !== undefined) this.code = init.code;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    this.title = init.title;
    if (init.details !== undefined) this.details = init.details;
    if (init.fbtraceId !== undefined) this.fbtraceId = init.fbtraceId;
    this.retryable = init.retryable;
    this.reason = init.reason;
    this.transport = init.transport;
  }
}

const metaErrorSchema = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    code: z.number().int().optional(),
    error_data: z.union([z.looseObject({ details: z.string().optional() }), z.string()]).optional(),
    fbtrace_id: z.string().optional(),
    is_transient: z.boolean().optional(),
  }),
});
const sendResponseSchema = z.looseObject({ messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1) });
const successSchema = z.looseObject({ success: z.literal(true) });
const uploadResponseSchema = z.looseObject({ id: z.string().min(1) });
const mediaUrlSchema = z.looseObject({
  url: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  file_size: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

/** Hosts Meta serves media from; the access token is only ever sent there (or to baseUrl's origin). */
const META_MEDIA_HOSTS = ['fbsbx.com', 'facebook.com', 'fbcdn.net', 'whatsapp.net', 'whatsapp.com'];

export function createGraphClient(opts: GraphClientOptions): GraphClient {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const downloadTimeoutMs = opts.downloadTimeoutMs ?? 120_000;
  const base = opts.baseUrl.replace(/\/+$/, '');
  const version = opts.version.startsWith('v') ? opts.version : `v${opts.version}`;
  const apiUrl = (...path: string[]): string => [base, version, ...path.map(encodeURIComponent)].join('/');
  const auth = { Authorization: `Bearer ${opts.accessToken}` };

  async function call<T>(url: string, init: RequestSpec, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, { ...init, headers: { ...auth, ...init.headers }, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      throw transportError(error, timeoutMs);
    }
    if (!response.ok) throw errorFromResponse(response.status, text);
    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success) {
      // The request may have taken effect (e.g. the message was sent): retrying could duplicate it.
      throw new GraphApiError({
        httpStatus: response.status,
        title: 'unexpected_response',
        details: `unexpected response from the Graph API: ${text.slice(0, 200)}`,
        retryable: false,
        reason: 'WhatsApp answered in an unexpected way; check the message before sending it again.',
        transport: false,
      });
    }
    return parsed.data;
  }

  return {
    async sendMessage(body) {
      const response = await call(apiUrl(opts.phoneNumberId, 'messages'), jsonPost(body), sendResponseSchema);
      return { providerMessageId: (response.messages[0] as { id: string }).id };
    },

    async markAsRead(providerMessageId) {
      await call(apiUrl(opts.phoneNumberId, 'messages'), jsonPost(renderMarkAsRead(providerMessageId)), successSchema);
    },

    async uploadMedia(bytes, mimeType, filename) {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('type', mimeType);
      form.append('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
      const response = await call(apiUrl(opts.phoneNumberId, 'media'), { method: 'POST', body: form }, uploadResponseSchema);
      return { mediaId: response.id };
    },

    async getMediaUrl(mediaId) {
      const url = `${apiUrl(mediaId)}?phone_number_id=${encodeURIComponent(opts.phoneNumberId)}`;
      const media = await call(url, { method: 'GET' }, mediaUrlSchema);
      return {
        url: media.url,
        mimeType: media.mime_type,
        ...(media.sha256 === undefined ? {} : { sha256: media.sha256 }),
        ...(media.file_size === undefined ? {} : { fileSize: media.file_size }),
      };
    },

    async downloadMedia(url, maxBytes) {
      if (!isAllowedMediaUrl(url, base)) {
        throw new GraphApiError({
          title: 'media_url_not_allowed',
          details: 'media URL is neither on a WhatsApp host (https) nor on the API base URL',
          retryable: false,
          reason: 'The file address is not a WhatsApp address, so Hale did not download it.',
          transport: false,
        });
      }
      const controller = new AbortController();
      const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(downloadTimeoutMs)]);
      let response: Response;
      try {
        response = await doFetch(url, { method: 'GET', headers: auth, signal });
      } catch (error) {
        throw transportError(error, downloadTimeoutMs);
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        throw errorFromResponse(response.status, text);
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        controller.abort();
        throw tooLarge(maxBytes);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      try {
        if (response.body !== null) {
          const reader = response.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            total += value.byteLength;
            if (total > maxBytes) {
              controller.abort();
              await reader.cancel().catch(() => undefined);
              throw tooLarge(maxBytes);
            }
            chunks.push(value);
          }
        }
      } catch (error) {
        if (error instanceof GraphApiError) throw error;
        throw transportError(error, downloadTimeoutMs);
      }
      const bytes = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return { bytes, mimeType: response.headers.get('content-type')?.trim() || 'application/octet-stream' };
    },
  };
}

interface RequestSpec {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | FormData;
}

function jsonPost(body: unknown): RequestSpec {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromResponse(httpStatus: number, text: string): GraphApiError {
  const parsed = metaErrorSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    return new GraphApiError({
      httpStatus,
      title: `HTTP ${httpStatus}`,
      ...classifyGraphError({ httpStatus }),
      transport: false,
    });
  }
  const error = parsed.data.error;
  const details = typeof error.error_data === 'string' ? error.error_data : error.error_data?.details;
  return new GraphApiError({
    code: error.code,
    httpStatus,
    title: error.message ?? `HTTP ${httpStatus}`,
    details,
    fbtraceId: error.fbtrace_id,
    ...classifyGraphError({ code: error.code, httpStatus, isTransient: error.is_transient }),
    transport: false,
  });
}

function transportError(error: unknown, timeoutMs: number): GraphApiError {
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const innerCode = inner !== undefined && 'code' in inner && typeof inner.code === 'string' ? inner.code : undefined;
  const cause = inner === undefined ? '' : `: ${[innerCode, inner.message].filter((part) => part !== undefined && part !== '').join(' ')}`;
  return new GraphApiError({
    title: timedOut ? 'timeout' : 'network_error',
    details: timedOut ? `no answer within ${timeoutMs} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`,
    ...classifyGraphError({ transport: true }),
    transport: true,
  });
}

function tooLarge(maxBytes: number): GraphApiError {
  return new GraphApiError({
    title: 'media_too_large',
    details: `media larger than ${maxBytes} bytes`,
    retryable: false,
    reason: `The file is larger than the ${formatBytes(maxBytes)} Hale accepts, so it was not downloaded.`,
    transport: false,
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function isAllowedMediaUrl(url: string, baseUrl: string): boolean {
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  if (URL.canParse(baseUrl) && target.origin === new URL(baseUrl).origin) return true;
  return target.protocol === 'https:' && META_MEDIA_HOSTS.some((host) => target.hostname === host || target.hostname.endsWith(`.${host}`));
}
