import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../core/domain-error.ts';

const paramsSchema = z.strictObject({
  practitionerId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  file: z.string().regex(/^[A-Za-z0-9_-]{16,128}\.ics$/),
});

/**
 * `GET /calendar/<provider id>/<secret token>.ics`: a provider's appointments as an iCalendar
 * feed for their calendar app. No session: the token in the URL is the secret; the feed carries
 * no patient data. Unknown provider, bad token and malformed URL all answer 404.
 */
export function registerCalendarFeedRoutes(app: FastifyInstance, deps: { feed(input: { practitionerId: string; token: string }): Promise<string> }): void {
  app.get('/calendar/:practitionerId/:file', async (request, reply) => {
    const params = paramsSchema.safeParse(request.params);
    if (!params.success) throw new DomainError('not_found', 'no such calendar');
    const text = await deps.feed({ practitionerId: params.data.practitionerId, token: params.data.file.slice(0, -'.ics'.length) });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .header('referrer-policy', 'no-referrer')
      .send(text);
  });
}
