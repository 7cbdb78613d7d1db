/**
 * Runs the simulator standalone: `node simulator/cli.ts`.
 * Env: SIMULATOR_PORT (4010), SIMULATOR_HOST (127.0.0.1), HALE_WEBHOOK_URL, WHATSAPP_APP_SECRET,
 * WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, SIMULATOR_TEMPLATES, SIMULATOR_MPS.
 */
import { createSimulator } from './create-simulator.ts';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number (got "${raw}")`);
    process.exit(1);
  }
  return value;
}

const env = process.env;
const port = intFromEnv('SIMULATOR_PORT', 4010);
const host = env.SIMULATOR_HOST || '127.0.0.1';
const defaults = {
  appSecret: 'simulator_app_secret',
  accessToken: 'simulator_access_token',
  phoneNumberId: '106540352242922',
};

try {
  const sim = await createSimulator({
    webhookUrl: env.HALE_WEBHOOK_URL || 'http://127.0.0.1:3000/webhooks/whatsapp',
    appSecret: env.WHATSAPP_APP_SECRET || defaults.appSecret,
    accessToken: env.WHATSAPP_ACCESS_TOKEN || defaults.accessToken,
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID || defaults.phoneNumberId,
    ...(env.SIMULATOR_TEMPLATES ? { templatesFile: env.SIMULATOR_TEMPLATES } : {}),
    mps: intFromEnv('SIMULATOR_MPS', 80),
    logger: env.SIMULATOR_LOG === '1',
  });
  await sim.app.listen({ port, host });
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const c = sim.config;
  const note = (value: string, fallback: string) => (value === fallback ? ' (default; set the same value in Hale)' : '');
  console.log(`Hale WhatsApp simulator
  Phone UI           ${base}/simulator
  Graph API base     ${base}   → Hale: WHATSAPP_API_URL=${base}
  Scriptable API     ${base}/simulator/api
  Webhook target     ${c.webhookUrl}
  Phone number id    ${c.phoneNumberId}${note(c.phoneNumberId, defaults.phoneNumberId)}
  Access token       ${c.accessToken === defaults.accessToken ? `${c.accessToken}${note(c.accessToken, defaults.accessToken)}` : '(from WHATSAPP_ACCESS_TOKEN)'}
  App secret         ${c.appSecret === defaults.appSecret ? `${c.appSecret}${note(c.appSecret, defaults.appSecret)}` : '(from WHATSAPP_APP_SECRET)'}
  Templates          ${c.templatesFile}`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(`simulator failed to start: ${(err as Error).message}`);
  process.exit(1);
}
