/**
 * Results in the staff web app (headless Chromium, real Hale and simulator; ADR 0012): a
 * clinician uploads a PDF with a note and "please book a follow-up" from the patient panel; the
 * patient is notified; after three wrong dates of birth in the chat the panel shows the lockout
 * to the front desk, who have no upload form but can unlock. Saves .tmp/staff-results.png.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from './support/launch-chromium.ts';
import { buttonsOf, patientChat, type SimMessage } from './support/patient-chat.ts';
import { waitFor } from './support/start-test-hale.ts';
import type { TestStack } from './support/start-test-stack.ts';
import { SHOTS, startBrowserStack, type BrowserStack } from './support/browser-stack.ts';

const skip = skipWithoutChromium;
let s: TestStack;
let profile = '';
let browserStack: BrowserStack | undefined;

before(async () => {
  if (skip) return;
  browserStack = await startBrowserStack('results', [
    { email: 'nora@clinic.example', displayName: 'Nora Nurse', role: 'clinician', password: 'nora-password-1' },
    { email: 'rita@clinic.example', displayName: 'Rita Reception', role: 'agent', password: 'rita-password-1' },
  ]);
  s = browserStack.stack;
  profile = browserStack.profile;
});
after(async () => {
  await browserStack?.close();
});

const phone = async (waId: string) => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages;

async function signInAs(page: Page, email: string, password: string) {
  await page.goto(s.hale.url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Queues' }).waitFor();
}

async function openPatient(page: Page, query: string, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('region', { name: 'Results' }).waitFor();
}

test('a clinician uploads a result in the patient panel; the front desk sees the lockout and unlocks', { skip, timeout: 240_000 }, async () => {
  const waId = '351920000101';
  const chat = patientChat(s);
  await chat.say(waId, { name: 'Maria Lopes', text: 'Hello' });
  await chat.say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
  const patientId = await chat.patientId(waId);
  await s.hale.tx.run((repos) => repos.patients.setDetails(patientId, { fullName: 'Maria Lopes', birthDate: '1985-06-15' }, new Date()));

  const context = await launchChromium(profile, { width: 1440, height: 900 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInAs(page, 'nora@clinic.example', 'nora-password-1');
    await openPatient(page, 'Lopes', 'Maria Lopes');
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByText('No results yet.').waitFor();
    await results.getByLabel('File (PDF, JPEG or PNG)').setInputFiles({ name: 'lipids.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% web upload\n%%EOF\n') });
    await results.getByLabel('Note for the patient (sent with the document)').fill('Please keep taking the tablets.');
    await results.getByLabel('Please book a follow-up visit').check();
    await results.getByRole('button', { name: 'Upload and notify' }).click();
    await results.getByText('Patient notified').waitFor();
    await results.getByText('Follow-up visit requested').waitFor();
    await results.getByText('Please keep taking the tablets.').waitFor();
    await waitFor(async () => (await phone(waId)).some((m) => buttonsOf(m).some((b) => b.id === 'res:view')), 'the notice on the phone');

    // Three wrong dates of birth in the chat.
    await chat.say(waId, { type: 'interactive', button_reply: { id: 'res:view', title: 'View result' } });
    for (const wrong of ['01/01/1970', '02/02/1971', '03/03/1972']) await chat.say(waId, { text: wrong });

    // The front desk: no upload form, the lockout and the unlock button.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, 'rita@clinic.example', 'rita-password-1');
    await openPatient(page, 'Lopes', 'Maria Lopes');
    const desk = page.getByRole('region', { name: 'Results' });
    await desk.getByText('Chat identity check locked after 3 failed attempts.').waitFor();
    assert.equal(await desk.getByRole('button', { name: 'Upload and notify' }).count(), 0, 'the front desk cannot attach results');
    assert.equal(await desk.getByText('Please keep taking the tablets.').count(), 0, 'nor read the clinical note');
    await desk.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'staff-results.png') });
    await desk.getByRole('button', { name: 'Unlock verification' }).click();
    await desk.getByText('Unlocked. The patient can try again in the chat.').waitFor();
    await desk.getByRole('button', { name: 'Unlock verification' }).waitFor({ state: 'detached', timeout: 5_000 });
    const row = await s.hale.db.selectFrom('identity_verifications').select(['locked_at', 'failed_attempts']).where('patient_id', '=', patientId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { locked_at: null, failed_attempts: 0 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
