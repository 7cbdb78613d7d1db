import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { DomainError, type DomainErrorCode } from '../../core/domain-error.ts';
import type { PrometheusMetrics } from './prometheus-metrics.ts';

const statusFor: Record<DomainErrorCode, number> = {
  not_found: 404,
  invalid_reply: 422,
  reply_window_closed: 409,
  conflict: 409,
  invalid_input: 400,
  opted_out: 409,
  slot_unavailable: 409,
  cancellation_cutoff: 409,
  unauthenticated: 401,
  forbidden: 403,
  invalid_credentials: 401,
  locked: 423,
  rate_limited: 429,
  totp_required: 401,
  invalid_totp: 401,
  csrf_failed: 403,
};

export interface HttpAppOptions {
  logger: FastifyBaseLogger;
  metrics: PrometheusMetrics;
  readiness(): Promise<Record<string, boolean>>;
}

/** The Fastify app with operations routes and the one mapping of error codes to HTTP statuses. */
export function buildHttpApp(options: HttpAppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    // No per-request logs: query strings (e.g. the webhook verify token) must not reach the logs.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof DomainError) {
      // Validation problems name the fields (paths and zod's messages; never the values sent).
      const issues = error.code === 'invalid_input' ? (error.details as { issues?: unknown } | undefined)?.issues : undefined;
      return reply.code(statusFor[error.code]).send({ error: error.code, message: error.message, ...(issues === undefined ? {} : { issues }) });
    }
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request.failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal_error' : 'bad_request', message: status >= 500 ? 'Something went wrong; the error was logged.' : (error as Error).message });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const checks = await options.readiness();
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  app.get('/metrics', async (_request, reply) => {
    const body = await options.metrics.registry.metrics();
    return reply.type(options.metrics.registry.contentType).send(body);
  });

  return app;
}
