/**
 * Drives the phone UI in headless Chromium against a stub "Hale" that answers a text with a list
 * message through the Graph API. Saves screenshots to .tmp/ for a visual check.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium, skipWithoutChromium } from '../test/support/launch-chromium.ts';
import { startTestSimulator } from './start-test-simulator.ts';
import type { TestSimulator } from './start-test-simulator.ts';

const skip = skipWithoutChromium;
const SHOTS = new URL('../.tmp/', import.meta.url).pathname;

const departmentsList = (to: string) => ({
  to,
  type: 'interactive',
  interactive: {
    type: 'list',
    header: { type: 'text', text: 'Book an appointment' },
    body: { text: 'Hi! 👋 I can book a visit for you. Which department would you like to see?' },
    footer: { text: 'Hale Clinic · reply STOP to opt out' },
    action: {
      button: 'Departments',
      sections: [
        { title: 'Primary care', rows: [{ id: 'gp', title: 'General practice', description: 'Check-ups, prescriptions, referrals' }] },
        {
          title: 'Specialists',
          rows: [
            { id: 'derm', title: 'Dermatology', description: 'Skin, hair and nails' },
            { id: 'cardio', title: 'Cardiology', description: 'Heart and blood pressure' },
          ],
        },
      ],
    },
  },
});

let t: TestSimulator;
let profileDir = '';

before(async () => {
  if (skip) return;
  // Stub Hale: text → list message; list_reply → reply buttons; everything through the Graph API.
  t = await startTestSimulator({ statusDelayMs: 30 }, async (body, sim) => {
    for (const message of body.entry[0]?.changes[0]?.value.messages ?? []) {
      if (message.type === 'text') await sim.send(departmentsList(message.from));
      if (message.type === 'interactive') {
        const reply = (message.interactive as { list_reply?: { title: string } }).list_reply;
        if (reply) {
          await sim.send({
            to: message.from,
            type: 'interactive',
            interactive: {
              type: 'button',
              body: { text: `*${reply.title}*: the next free slot is Tuesday 3 June at 10:30 with Dr. Weber. Shall I book it?` },
              action: { buttons: [{ type: 'reply', reply: { id: 'book', title: 'Book it' } }, { type: 'reply', reply: { id: 'other', title: 'Other times' } }] },
            },
          });
        }
      }
    }
  });
  profileDir = await mkdtemp(join(tmpdir(), 'hale-sim-chromium-'));
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  if (skip) return;
  await t.close();
  await rm(profileDir, { recursive: true, force: true });
});

test('phone UI: create a persona, chat, open the list, tap a row', { skip, timeout: 60_000 }, async () => {
  const context = await launchChromium(profileDir, { width: 390, height: 800 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${t.base}/simulator`);

    await page.getByRole('button', { name: 'Create a persona' }).click();
    await page.locator('#persona-dialog input[name="name"]').fill('Ana Lima');
    await page.locator('#persona-dialog input[name="wa_id"]').fill('+34 600 111 222');
    await page.locator('#persona-dialog select[name="language"]').selectOption('es');
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const phone = page.locator('.phone.active');
    await phone.locator('.input').fill('Hola, I would like an appointment 🙂');
    await phone.locator('.input').press('Enter');

    await phone.locator('.row.out', { hasText: 'I would like an appointment' }).waitFor();
    const listButton = phone.getByRole('button', { name: /Departments/ });
    await listButton.waitFor();
    await listButton.click();
    const sheet = phone.getByRole('dialog', { name: 'Departments' });
    await sheet.waitFor();
    assert.equal(await sheet.locator('.sheet-section').count(), 2);
    await sheet.getByRole('button', { name: /Dermatology/ }).click();

    const hit = await t.stub.waitFor((r) => r.body.entry[0]?.changes[0]?.value.messages?.some((m) => m.type === 'interactive') ?? false, 5000);
    const listReply = hit.body.entry[0]?.changes[0]?.value.messages?.[0];
    assert.deepEqual(listReply?.interactive, { type: 'list_reply', list_reply: { id: 'derm', title: 'Dermatology', description: 'Skin, hair and nails' } });
    assert.equal(listReply?.from, '34600111222');
    assert.equal(hit.signatureValid, true);

    await phone.getByRole('button', { name: 'Book it' }).waitFor();
    // The chat is on screen, so the persona reads Hale's messages: read statuses go to Hale.
    await t.stub.waitFor((r) => r.body.entry[0]?.changes[0]?.value.statuses?.some((s) => s.status === 'read') ?? false, 5000);
    await phone.locator('.row.in .tick.read').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'simulator-phone.png') });

    // The list sheet on its own, for the visual check.
    await listButton.click();
    await sheet.waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'simulator-list-sheet.png') });
    await sheet.getByRole('button', { name: 'Close' }).click();

    // Wide screen: two personas side by side.
    await t.api('POST', '/personas', { wa_id: '4915112345678', name: 'Jürgen Müller', language: 'de' });
    await t.send({
      to: '4915112345678',
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'de' },
        components: [{ type: 'body', parameters: ['Jürgen', 'Dr. Weber', '3. Juni', '10:30'].map((text) => ({ type: 'text', text })) }],
      },
    });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: /Jürgen Müller/ }).click();
    const second = page.locator('.phone[data-wa="4915112345678"]');
    await second.getByRole('button', { name: /Bestätigen/ }).click();
    const tap = await t.stub.waitFor((r) => r.body.entry[0]?.changes[0]?.value.messages?.some((m) => m.type === 'button') ?? false, 5000);
    const button = tap.body.entry[0]?.changes[0]?.value.messages?.[0];
    assert.deepEqual(button?.button, { payload: 'Bestätigen', text: 'Bestätigen' });
    assert.equal((button?.context as { id: string }).id.startsWith('wamid.'), true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'simulator-desk.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
