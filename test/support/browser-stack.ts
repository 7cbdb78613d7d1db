/**
 * What the browser tests of the staff app share: the built web app, Hale and the simulator with a
 * first admin, extra staff accounts, a fresh Chromium profile and the screenshot folder (.tmp/).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWeb } from '../../scripts/build-web.ts';
import { signIn } from './staff-client.ts';
import { startTestStack, type TestStack } from './start-test-stack.ts';

export const SHOTS = path.resolve(import.meta.dirname, '..', '..', '.tmp');
export const BROWSER_ADMIN = { email: 'boss@clinic.example', password: 'first-admin-password' } as const;

export interface BrowserStack {
  stack: TestStack;
  /** A fresh Chromium user-data folder. */
  profile: string;
  close(): Promise<void>;
}

export async function startBrowserStack(name: string, users: ReadonlyArray<{ email: string; displayName: string; role: 'admin' | 'agent' | 'clinician'; password: string }>): Promise<BrowserStack> {
  await buildWeb({ ifNeeded: true, quiet: true });
  const stack = await startTestStack({ HALE_ADMIN_EMAIL: BROWSER_ADMIN.email, HALE_ADMIN_PASSWORD: BROWSER_ADMIN.password });
  const admin = await signIn(stack.hale.url, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  for (const user of users) {
    const created = await admin.post('/api/v1/admin/users', user);
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  const profile = await mkdtemp(path.join(tmpdir(), `hale-${name}-chromium-`));
  await mkdir(SHOTS, { recursive: true });
  return {
    stack,
    profile,
    async close() {
      await stack.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
