/**
 * Entry point: builds Hale's WhatsApp Cloud API simulator as a ready Fastify instance.
 * Graph API routes sit at the root (point WHATSAPP_API_URL here); the phone UI is at /simulator
 * and the scriptable API at /simulator/api. The caller listens: `await sim.app.listen({ port })`.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './api-routes.ts';
import { toGraphErrorBody, GraphError } from './graph-error.ts';
import { registerGraphRoutes } from './graph-routes.ts';
import { LoadRunner } from './load-runner.ts';
import { resolveSimulatorConfig } from './simulator-config.ts';
import type { SimulatorConfig, SimulatorOptions } from './simulator-config.ts';
import type { SimulatorContext } from './simulator-context.ts';
import { SimulatorStore } from './simulator-store.ts';
import { loadTemplateRegistry } from './template-registry.ts';
import { TokenBucket } from './token-bucket.ts';
import { registerUiRoutes } from './ui-routes.ts';
import { WebhookSender } from './webhook-sender.ts';

export type { SimulatorOptions } from './simulator-config.ts';

export interface Simulator {
  app: FastifyInstance;
  config: SimulatorConfig;
  store: SimulatorStore;
  sender: WebhookSender;
  load: LoadRunner;
  context: SimulatorContext;
  /** Same as app.close(): stops retries, timers, load runs and event streams. */
  close: () => Promise<void>;
}

export async function createSimulator(options: SimulatorOptions): Promise<Simulator> {
  const config = resolveSimulatorConfig(options);
  const templates = await loadTemplateRegistry(config.templatesFile);
  const store = new SimulatorStore(config.now);
  const sender = new WebhookSender(config);
  const ctx: SimulatorContext = {
    config,
    business: { wabaId: config.wabaId, displayPhoneNumber: config.displayPhoneNumber, phoneNumberId: config.phoneNumberId },
    store,
    templates,
    sender,
    limits: { mps: new TokenBucket(config.mps, config.mps, config.now()), pairs: new Map() },
    timers: new Set(),
  };
  const load = new LoadRunner(ctx);

  const app = Fastify({
    logger: config.logger ? { level: 'info' } : false,
    bodyLimit: 2 * 1024 * 1024,
    forceCloseConnections: true,
  });

  let endStreams = () => {};
  await app.register(async (scope) => registerGraphRoutes(scope, ctx));
  await app.register(async (scope) => registerApiRoutes(scope, ctx, load), { prefix: '/simulator/api' });
  await app.register(
    async (scope) => {
      endStreams = registerUiRoutes(scope, ctx).endStreams;
    },
    { prefix: '/simulator' },
  );

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/simulator')) return reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
    const path = request.url.split('?')[0] ?? '';
    return reply.code(400).send(toGraphErrorBody(new GraphError(2500, { message: `Unknown path components: ${path}`, details: 'Unknown path.' })));
  });

  app.addHook('preClose', async () => {
    load.stop();
    endStreams();
  });
  app.addHook('onClose', async () => {
    sender.close();
    for (const timer of ctx.timers) clearTimeout(timer);
    ctx.timers.clear();
  });

  await app.ready();
  return { app, config, store, sender, load, context: ctx, close: () => app.close() };
}
