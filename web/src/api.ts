/** The staff API as the browser calls it: JSON, the session cookie (sent by the browser), the CSRF header. */
import type { z } from 'zod';
import { errorResponseSchema } from '../../src/contracts/staff-api.ts';

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Called on every 401 (session ended): the app goes back to the sign-in page. */
let onSignedOut: () => void = () => undefined;
export const whenSignedOut = (fn: () => void) => {
  onSignedOut = fn;
};

export async function call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json: unknown = text === '' ? {} : JSON.parse(text);
  if (!res.ok) {
    const parsed = errorResponseSchema.safeParse(json);
    const error = new ApiError(res.status, parsed.success ? parsed.data.error : 'error', parsed.success ? parsed.data.message : res.statusText);
    if (res.status === 401 && !path.endsWith('/auth/login')) onSignedOut();
    throw error;
  }
  return schema.parse(json);
}

/** Like `call`, for a multipart upload (the browser sets the boundary; the CSRF header is added). */
export async function callForm<S extends z.ZodType>(schema: S, path: string, form: FormData): Promise<z.output<S>> {
  const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrfToken }, body: form });
  const text = await res.text();
  const json: unknown = text === '' ? {} : JSON.parse(text);
  if (!res.ok) {
    const parsed = errorResponseSchema.safeParse(json);
    if (res.status === 401) onSignedOut();
    throw new ApiError(res.status, parsed.success ? parsed.data.error : 'error', parsed.success ? parsed.data.message : res.statusText);
  }
  return schema.parse(json);
}
