/**
 * The demo as a newcomer sees it: real Hale (bundled demo clinic) and the simulator's phone UI
 * in headless Chromium. Write, get the welcome and consent buttons, agree, open the menu list,
 * tap "Opening hours". Saves .tmp/demo-phone.png for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium, skipWithoutChromium } from './support/launch-chromium.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

const skip = skipWithoutChromium;
const SHOTS = path.resolve(import.meta.dirname, '..', '.tmp');

let s: TestStack;
let profile = '';
before(async () => {
  if (skip) return;
  s = await startTestStack();
  profile = await mkdtemp(path.join(tmpdir(), 'hale-demo-chromium-'));
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  if (skip) return;
  await s?.close();
  await rm(profile, { recursive: true, force: true });
});

test('a patient chats with the demo clinic in the phone UI', { skip, timeout: 90_000 }, async () => {
  const context = await launchChromium(profile, { width: 390, height: 844 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${s.simulatorUrl}/simulator`);
    await page.getByRole('button', { name: 'Create a persona' }).click();
    await page.locator('#persona-dialog input[name="name"]').fill('Sofia Martins');
    await page.locator('#persona-dialog input[name="wa_id"]').fill('+351 912 345 678');
    await page.locator('#persona-dialog select[name="language"]').selectOption('en');
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const phone = page.locator('.phone.active');
    await phone.locator('.input').fill('Hi! Do you have time for a question?');
    await phone.locator('.input').press('Enter');
    await phone.getByRole('button', { name: 'I agree' }).waitFor({ timeout: 30_000 });
    assert.ok(await phone.getByText(/Welcome to \*?Hale Demo Clinic/).count() >= 1 || (await phone.getByText(/Hale Demo Clinic/).count()) >= 1);
    await phone.getByRole('button', { name: 'I agree' }).click();

    const menuButton = phone.getByRole('button', { name: /Options/ }).last();
    await menuButton.waitFor({ timeout: 30_000 });
    await menuButton.click();
    const sheet = phone.getByRole('dialog');
    await sheet.getByRole('button', { name: /Opening hours/ }).click();
    await phone.getByText(/Opening hours/).last().waitFor({ timeout: 30_000 });
    await phone.locator('.row.in', { hasText: /Monday/ }).last().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'demo-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
