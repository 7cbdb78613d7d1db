/**
 * Graph API errors as Meta returns them:
 * `{"error":{"message","type","code","error_data":{"messaging_product","details"},"error_subcode"?,"fbtrace_id"}}`.
 * The HTTP status follows Meta's table (401 auth, 429 throughput, 400 parameters); clients
 * must key off `error.code` anyway.
 */
import { makeTraceId } from './make-wamid.ts';

/** Short titles Meta uses for the codes the simulator produces. */
const TITLES: Record<number, string> = {
  0: 'AuthException',
  4: 'Application request limit reached',
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  368: 'Temporarily blocked for policies violations',
  2500: 'Unknown path components',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131005: 'Access denied',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131016: 'Service unavailable',
  131021: 'Recipient cannot be sender',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131048: 'Spam rate limit hit',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.',
  131050: 'User has stopped marketing messages',
  131053: 'Media upload error',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  131057: 'Account in maintenance mode',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
  132012: 'Parameter format does not match format in the created template',
  132015: 'Template is Paused',
  132016: 'Template is Disabled',
  80007: 'Rate limit issues',
};

export function titleForCode(code: number): string {
  return TITLES[code] ?? 'Error';
}

/** HTTP status Meta uses for a code (CLOUD-API.md §4.1); 400 when Meta documents none. */
export function httpStatusForCode(code: number): number {
  if (code === 0 || code === 190) return 401;
  if ([4, 80007, 130429, 131048, 131056].includes(code)) return 429;
  if ([10, 368, 131005, 131031].includes(code) || (code >= 200 && code <= 299)) return 403;
  if (code === 131000) return 500;
  if (code === 2 || code === 131016) return 503;
  return 400;
}

export interface GraphErrorInit {
  details?: string;
  subcode?: number;
  httpStatus?: number;
  message?: string;
}

export class GraphError extends Error {
  readonly code: number;
  readonly details: string;
  readonly subcode: number | undefined;
  readonly httpStatus: number;

  constructor(code: number, init: GraphErrorInit = {}) {
    const title = init.message ?? titleForCode(code);
    super(code === 190 ? title : `(#${code}) ${title}`);
    this.name = 'GraphError';
    this.code = code;
    this.details = init.details ?? title;
    this.subcode = init.subcode;
    this.httpStatus = init.httpStatus ?? httpStatusForCode(code);
  }
}

export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_data: { messaging_product: 'whatsapp'; details: string };
    error_subcode?: number;
    fbtrace_id: string;
  };
}

export function toGraphErrorBody(err: GraphError): GraphErrorBody {
  return {
    error: {
      message: err.message,
      type: 'OAuthException',
      code: err.code,
      error_data: { messaging_product: 'whatsapp', details: err.details },
      ...(err.subcode === undefined ? {} : { error_subcode: err.subcode }),
      fbtrace_id: makeTraceId(),
    },
  };
}

/** The `errors[]` item Meta puts on `failed` statuses and async webhook errors. */
export function toWebhookError(code: number, details?: string): {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
} {
  const title = titleForCode(code);
  return {
    code,
    title,
    message: title,
    error_data: { details: details ?? title },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}
