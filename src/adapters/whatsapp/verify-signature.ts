import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the app secret) in
 * constant time. Meta signs the body with non-ASCII characters written as \uXXXX escapes,
 * which is what it sends; a body that carries raw UTF-8 is also checked in escaped form.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (header === undefined) return false;
  const match = HEADER_PATTERN.exec(header.trim());
  if (match === null) return false;
  const expected = Buffer.from(match[1]!.toLowerCase(), 'hex');
  if (safeEqual(hmac(appSecret, rawBody), expected)) return true;
  if (!hasNonAscii(rawBody)) return false;
  return safeEqual(hmac(appSecret, Buffer.from(escapeNonAscii(rawBody.toString('utf8')), 'utf8')), expected);
}

export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${hmac(appSecret, typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody).toString('hex')}`;
}

function hmac(secret: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function hasNonAscii(body: Buffer): boolean {
  for (const byte of body) if (byte > 0x7f) return true;
  return false;
}

function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
