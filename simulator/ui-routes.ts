/**
 * The phone UI: plain HTML/CSS/JS from simulator/public (no build step) at /simulator, and a
 * server-sent events stream of store changes at /simulator/api/events.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { SimulatorContext } from './simulator-context.ts';

const PUBLIC_DIR = new URL('./public/', import.meta.url);
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};
const HEARTBEAT_MS = 15_000;

export function registerUiRoutes(app: FastifyInstance, ctx: SimulatorContext): { endStreams: () => void } {
  const streams = new Set<ServerResponse>();

  const sendFile = async (name: string) => {
    const ext = name.split('.').pop() ?? '';
    const body = await readFile(new URL(name, PUBLIC_DIR));
    return { body, type: TYPES[ext] ?? 'application/octet-stream' };
  };

  app.get('/', async (_request, reply) => {
    const file = await sendFile('index.html');
    return reply.type(file.type).header('cache-control', 'no-store').send(file.body);
  });

  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const name = request.params.file;
    if (!/^[a-z0-9-]+\.(js|css|svg)$/.test(name)) return reply.code(404).send({ error: 'not found' });
    try {
      const file = await sendFile(name);
      return reply.type(file.type).header('cache-control', 'no-store').send(file.body);
    } catch {
      return reply.code(404).send({ error: 'not found' });
    }
  });

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
    streams.add(res);
    const unsubscribe = ctx.store.subscribe((event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    request.raw.on('close', cleanup);
    res.on('error', cleanup);
  });

  return {
    endStreams: () => {
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
