import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IngestResult } from '../../app/ingest-webhook.ts';
import type { IncomingEvent, Metrics } from '../../app/ports.ts';
import { splitWebhook } from './split-webhook.ts';
import { verifySignature } from './verify-signature.ts';

/** Meta's documented maximum webhook payload. */
export const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

export interface WebhookRouteOptions {
  appSecret: string | undefined;
  verifyToken: string | undefined;
  /** Settings that must be set before webhooks can be accepted (empty = configured). */
  missingSettings: readonly string[];
  ingest(events: IncomingEvent[]): Promise<IngestResult>;
  metrics: Metrics;
}

/**
 * `GET /webhooks/whatsapp` answers Meta's verification handshake; `POST` verifies the
 * signature over the raw bytes, splits the body into events, stores them (duplicates dropped)
 * and answers 200. Signed but unreadable bodies are stored quarantined and still answered 200,
 * because Meta would otherwise retry them for seven days.
 */
export async function registerWhatsAppWebhook(app: FastifyInstance, options: WebhookRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));

    const notConfigured = () => ({
      error: 'whatsapp_not_configured',
      message: `WhatsApp is not configured: set ${options.missingSettings.join(', ')} (see README, "Connect a real WhatsApp number").`,
    });

    scope.get('/webhooks/whatsapp', async (request, reply) => {
      if (options.missingSettings.length > 0 || options.verifyToken === undefined) return reply.code(503).send(notConfigured());
      const query = request.query as Record<string, unknown>;
      const mode = query['hub.mode'];
      const token = query['hub.verify_token'];
      const challenge = query['hub.challenge'];
      if (mode === 'subscribe' && typeof token === 'string' && typeof challenge === 'string' && sameSecret(token, options.verifyToken)) {
        return reply.code(200).type('text/plain').send(challenge);
      }
      return reply.code(403).send({ error: 'verification_failed', message: 'hub.verify_token does not match WHATSAPP_VERIFY_TOKEN' });
    });

    scope.post('/webhooks/whatsapp', async (request, reply) => {
      if (options.missingSettings.length > 0 || options.appSecret === undefined) {
        options.metrics.count('webhook_requests_total', { outcome: 'not_configured' });
        return reply.code(503).send(notConfigured());
      }
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-hub-signature-256'];
      if (!verifySignature(raw, typeof signature === 'string' ? signature : undefined, options.appSecret)) {
        options.metrics.count('webhook_requests_total', { outcome: 'rejected_signature' });
        request.log.warn({ bytes: raw.length }, 'webhook.rejected_signature');
        return reply.code(401).send({ error: 'invalid_signature', message: 'X-Hub-Signature-256 is missing or does not match' });
      }
      const result = await options.ingest(toEvents(raw));
      options.metrics.count('webhook_requests_total', { outcome: 'accepted' });
      request.log.info(result, 'webhook.accepted');
      return reply.code(200).type('text/plain').send('EVENT_RECEIVED');
    });
  });
}

function toEvents(raw: Buffer): IncomingEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    const text = raw.toString('utf8');
    return [
      {
        kind: 'quarantined',
        dedupeKey: `quarantined:${createHash('sha256').update(raw).digest('hex')}`,
        raw: text,
        quarantineReason: `body is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
      },
    ];
  }
  return splitWebhook(body);
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
