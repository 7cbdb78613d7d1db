import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The folder `vite build` writes the staff web app to (git-ignored; built by `npm start`). */
export const webDistDir = path.resolve(import.meta.dirname, '..', '..', '..', 'web', 'dist');

/**
 * Serves the staff web app at `/`: built files with long caching (their names carry a hash),
 * index.html for every other page path (client-side routes), never for /api or /webhooks.
 */
export async function serveWebApp(app: FastifyInstance, root = webDistDir): Promise<boolean> {
  if (!existsSync(path.join(root, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').code(503).send('The staff web app is not built. Run `npm start` (it builds it) or `npm run build:web`.\n'),
    );
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders(res, file) {
      res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || url.startsWith('/api/') || url.startsWith('/webhooks/') || path.extname(url) !== '') {
      return reply.code(404).send({ error: 'not_found', message: 'no such route' });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
