/**
 * Hale as an operator runs it: `node src/main.ts` in a child process. Start-up output, health
 * and readiness, the webhook's answer without Meta settings, demo mode, bad configuration, and
 * a graceful SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from './support/test-database.ts';

const main = path.resolve(import.meta.dirname, '..', 'src', 'main.ts');
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exited };
}

async function waitForOutput(running: Running, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = running.output().match(pattern);
    if (match !== null) return match;
    if (running.child.exitCode !== null) throw new Error(`exited early:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${running.output()}`);
}

async function scratchEnv(): Promise<Record<string, string>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hale-ops-'));
  const scratch: ScratchDatabase = await createScratchDatabase();
  cleanups.push(async () => {
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { DATA_DIR: dataDir, ...(scratch.url === 'memory://' ? {} : { DATABASE_URL: scratch.url }) };
}

test('without Meta settings and demo off: Hale runs, is ready, and its webhook names what to set; SIGTERM exits cleanly', async () => {
  const running = start({ ...(await scratchEnv()), PORT: '0', HALE_DEMO: 'off' });
  const url = (await waitForOutput(running, /Hale is running at (http:\/\/\S+)/))[1] ?? '';
  assert.equal((await fetch(`${url}/healthz`)).status, 200);
  const ready = await fetch(`${url}/readyz`);
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready', checks: { database: true, queue: true } });
  const webhook = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  assert.equal(webhook.status, 503);
  const body = (await webhook.json()) as { message: string };
  for (const name of ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN']) assert.match(body.message, new RegExp(name));
  assert.match(await (await fetch(`${url}/metrics`)).text(), /hale_webhook_requests_total\{outcome="not_configured"\} 1/);
  running.child.kill('SIGTERM');
  assert.equal(await running.exited, 0);
  assert.match(running.output(), /shutting down/);
});

test('demo mode: npm start with no configuration runs the simulator and the assistant answers a patient', async () => {
  const running = start({ ...(await scratchEnv()), PORT: '0', SIMULATOR_PORT: '0' });
  const phone = (await waitForOutput(running, /Chat as a patient:\s+(http:\/\/\S+)/))[1] ?? '';
  const simulator = phone.replace(/\/simulator$/, '');
  const sent = await fetch(`${simulator}/simulator/api/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ wa_id: '34633000001', name: 'Demo Patient', text: 'Hello, what are your opening hours?' }),
  });
  assert.equal(((await sent.json()) as { webhookStatus: number }).webhookStatus, 200);
  let replies: Array<{ direction: string; text?: string }> = [];
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && replies.length < 2) {
    const conversation = (await (await fetch(`${simulator}/simulator/api/conversations/34633000001`)).json()) as { messages: Array<{ direction: string; text?: string }> };
    replies = conversation.messages.filter((m) => m.direction === 'outbound');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.ok(replies.length >= 2, running.output());
  assert.match(replies[0]?.text ?? '', /Hale Demo Clinic/);
  assert.equal((await fetch(phone)).status, 200, 'the phone UI is served');
  // The printed demo staff accounts sign in to the staff inbox.
  const inbox = (await waitForOutput(running, /Staff inbox:\s+(http:\/\/\S+)/))[1] ?? '';
  const [, email, password] = running.output().match(/agent\s+(\S+@\S+)\s+password: (\S+)/) ?? [];
  const login = await fetch(`${inbox.replace(/\/$/, '')}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(login.status, 200, running.output());
  running.child.kill('SIGTERM');
  assert.equal(await running.exited, 0);
});

test('a bad configuration stops start-up with one line per problem', async () => {
  const running = start({ PORT: 'abc', WHATSAPP_MPS: '0', DATABASE_URL: 'mysql://nope' });
  assert.equal(await running.exited, 1);
  const lines = running.output().split('\n').filter((line) => line.startsWith('Hale configuration error:'));
  assert.equal(lines.length, 3, running.output());
});

test('a bad clinic configuration file is reported with file, path and problem', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hale-clinic-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'clinic.yaml');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, 'clinic: { name: X, timeZone: Mars/Olympus }\nlanguages: { default: en, supported: [en] }\nopeningHours: {}\nconsent: { version: "1", privacyUrl: "https://x.example/p" }\nemergency: { number: "112" }\n');
  const running = start({ DATABASE_URL: 'memory://', HALE_DEMO: 'off', PORT: '0', CLINIC_CONFIG: file });
  assert.equal(await running.exited, 1);
  assert.match(running.output(), /clinic\.yaml: clinic\.timeZone: must be an IANA time zone/);
});
