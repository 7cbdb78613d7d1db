/**
 * The care flows in the staff web app (headless Chromium, real Hale, the WhatsApp simulator): a
 * clinician sees "Open refill requests" on the Patients page and approves one (the patient is told
 * on the phone); the patient panel lists the insurance-card photo the patient sent, with its
 * category and a link that opens the file, and sends a payment link for an appointment. Saves .tmp/care-open-refills.png and
 * .tmp/care-patient-panel.png.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium, skipWithoutChromium } from './support/launch-chromium.ts';
import { patientChat, type SimMessage } from './support/patient-chat.ts';
import { waitFor } from './support/start-test-hale.ts';
import type { TestStack } from './support/start-test-stack.ts';
import { SHOTS, startBrowserStack, type BrowserStack } from './support/browser-stack.ts';

const skip = skipWithoutChromium;
let s: TestStack;
let profile = '';
let browserStack: BrowserStack | undefined;

before(async () => {
  if (skip) return;
  browserStack = await startBrowserStack('care', [{ email: 'nora@clinic.example', displayName: 'Nora Nurse', role: 'clinician', password: 'nora-password-1' }]);
  s = browserStack.stack;
  profile = browserStack.profile;
});
after(async () => {
  await browserStack?.close();
});

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a clinician approves an open refill request and sees the patient’s insurance card in the panel', { skip, timeout: 120_000 }, async () => {
  const waId = '447700900401';
  const chat = patientChat(s);
  await chat.say(waId, { name: 'Ines Karte', text: 'Hello' });
  await chat.say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
  const pid = await chat.patientId(waId);
  await s.hale.tx.run((repos) => repos.patients.setDetails(pid, { fullName: 'Ines Karte', birthDate: '1975-05-05' }, new Date()));
  await chat.say(waId, { text: 'I need a refill' });
  await chat.say(waId, { text: 'Salbutamol inhaler 100 mcg' });
  await chat.say(waId, { type: 'image', image: { base64: png.toString('base64'), mime_type: 'image/png', caption: 'my insurance card' } });
  await waitFor(async () => (await s.hale.db.selectFrom('media').select('state').where('patient_id', '=', pid).executeTakeFirst())?.state === 'stored', 'the photo stored');
  const start = new Date(Date.now() + 3 * 86_400_000);
  const booked = await s.hale.tx.run((repos) => repos.appointments.insert({ patientId: pid, practitionerId: 'dr-torres', serviceId: 'gp-visit', start, end: new Date(start.getTime() + 20 * 60_000), status: 'booked', mode: 'in_person', bookedVia: 'staff', at: new Date() }));
  assert.ok(booked.ok);

  const context = await launchChromium(profile, { width: 1440, height: 900 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(s.hale.url);
    await page.getByLabel('E-mail').fill('nora@clinic.example');
    await page.getByLabel('Password').fill('nora-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();

    const open = page.getByRole('region', { name: 'Open refill requests' });
    const item = open.getByRole('listitem', { name: /Salbutamol inhaler 100 mcg/ });
    await item.waitFor();
    await item.getByLabel('Note to the patient (optional)').fill('Ready at reception tomorrow.');
    await page.screenshot({ path: path.join(SHOTS, 'care-open-refills.png') });
    const before = (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.length;
    await item.getByRole('button', { name: 'Approve' }).click();
    await waitFor(async () => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.slice(before).some((m) => /approved your refill request for \*Salbutamol inhaler 100 mcg\*[\s\S]*Ready at reception tomorrow/.test(m.text ?? '')), 'the patient is told');
    await open.waitFor({ state: 'detached' });

    await page.getByLabel('Search patients').fill('Ines Karte');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: /Ines Karte/ }).first().click();
    const panel = page.locator('.patient-panel');
    const documents = panel.getByRole('region', { name: 'Documents' });
    await documents.locator('strong', { hasText: 'Insurance card' }).waitFor();
    assert.equal(await documents.getByLabel('Category').inputValue(), 'insurance_card');
    await documents.getByText('my insurance card').waitFor();
    const href = await documents.getByRole('link', { name: 'Open file' }).getAttribute('href');
    const file = await page.request.get(`${s.hale.url}${href}`);
    assert.equal(file.status(), 200);
    assert.deepEqual(Buffer.from(await file.body()), png);
    await panel.getByRole('region', { name: 'Refill requests' }).getByText('Approved').waitFor();
    // A payment link for the appointment, from the configured template.
    const payment = panel.getByRole('region', { name: 'Payment' });
    const beforeLink = (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.length;
    await payment.getByRole('button', { name: 'Send payment link' }).click();
    await payment.getByText('Link sent to the patient.').waitFor();
    await waitFor(async () => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.slice(beforeLink).some((m) => (m.text ?? '').includes(`https://pay.clinic.example.org/hale/${booked.ok ? booked.appointment.id : ''}`)), 'the payment link at the phone');
    // The whole screen, the panel scrolled to the care sections (a taller-than-screen element shot comes out garbled).
    await panel.getByRole('region', { name: 'Refill requests' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'care-patient-panel.png') });
    assert.deepEqual(errors, []);
  } catch (error) {
    await context.pages()[0]?.screenshot({ path: path.join(SHOTS, 'care-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
});
