import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { configVariables, missingWhatsAppSettings, parseConfig } from './config.ts';

test('defaults: embedded database in ./data, port 3000 on loopback, demo mode without Meta credentials', () => {
  const result = parseConfig({});
  assert.equal(result.ok, true);
  if (!result.ok) return;
  assert.deepEqual(result.config.http, { port: 3000, host: '127.0.0.1' });
  assert.deepEqual(result.config.database, { kind: 'pglite', dataDir: './data' });
  assert.equal(result.config.whatsapp.mps, 80);
  assert.equal(result.config.demo.enabled, true);
  assert.deepEqual(missingWhatsAppSettings(result.config.whatsapp), ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN']);
  assert.ok(Object.isFrozen(result.config) && Object.isFrozen(result.config.whatsapp));
});

test('DATABASE_URL selects PostgreSQL or a throwaway embedded database', () => {
  const pg = parseConfig({ DATABASE_URL: 'postgres://hale@db:5432/hale', DATABASE_POOL_SIZE: '5' });
  assert.deepEqual(pg.ok && pg.config.database, { kind: 'postgres', url: 'postgres://hale@db:5432/hale', poolSize: 5 });
  const memory = parseConfig({ DATABASE_URL: 'memory://' });
  assert.deepEqual(memory.ok && memory.config.database, { kind: 'pglite', dataDir: undefined });
});

test('every bad value is reported on its own line, naming the variable', () => {
  const result = parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WHATSAPP_MPS: '5000', HALE_ENCRYPTION_KEY: 'short', LOG_LEVEL: 'loud', WHATSAPP_API_VERSION: '23' });
  assert.equal(result.ok, false);
  if (result.ok) return;
  const names = result.problems.map((line) => line.split(':')[0]);
  assert.deepEqual(names.sort(), ['DATABASE_URL', 'HALE_ENCRYPTION_KEY', 'LOG_LEVEL', 'PORT', 'WHATSAPP_API_VERSION', 'WHATSAPP_MPS']);
  for (const line of result.problems) assert.ok(!line.includes('\n'));
});

test('production requires an encryption key; a token requires the other Meta settings', () => {
  const prod = parseConfig({ NODE_ENV: 'production' });
  assert.deepEqual(prod.ok ? [] : prod.problems, ['HALE_ENCRYPTION_KEY: required when NODE_ENV=production (openssl rand -base64 32)']);
  const partial = parseConfig({ WHATSAPP_ACCESS_TOKEN: 'EAAB' });
  assert.deepEqual(partial.ok ? [] : partial.problems.map((p) => p.split(':')[0]), ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN']);
  const full = parseConfig({
    NODE_ENV: 'production',
    HALE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    WHATSAPP_ACCESS_TOKEN: 'EAAB',
    WHATSAPP_PHONE_NUMBER_ID: '123456',
    WHATSAPP_APP_SECRET: 's',
    WHATSAPP_VERIFY_TOKEN: 'v',
  });
  assert.equal(full.ok, true);
  assert.equal(full.ok && full.config.demo.enabled, false);
});

test("README's configuration table lists every variable Hale reads", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Connect a real WhatsApp number'));
  assert.ok(configVariables.length >= 20);
  for (const name of configVariables) assert.match(table, new RegExp(`\\| \`${name}\` \\|`), name);
});
