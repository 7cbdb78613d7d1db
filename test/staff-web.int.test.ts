/**
 * The staff web app in headless Chromium against a real Hale and the WhatsApp simulator: sign
 * in, see the waiting queue, take a conversation over from the assistant, reply (delivered on
 * the phone), use a saved reply with "/", add a note with an @mention, book, move and see past
 * appointments, plan a follow-up reminder, acknowledge a staff alert, send a template after
 * the 24-hour window closed, hand back to the assistant, switch to German, tablet width. Then
 * a clinician: sees the @mention badge, the vitals chart, creates a medication plan and
 * changes her password.
 * Saves .tmp/staff-inbox.png, .tmp/staff-conversation.png, .tmp/staff-patient-panel.png,
 * .tmp/staff-template.png, .tmp/staff-tablet-de.png, .tmp/staff-tablet-de-panel.png, .tmp/staff-clinician-vitals.png, .tmp/staff-clinician-plans.png and
 * .tmp/staff-account.png for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.ts';
import { assessVital } from '../src/core/vitals/assess-vital.ts';
import { toObservation } from '../src/core/vitals/to-observation.ts';
import { launchChromium, skipWithoutChromium } from './support/launch-chromium.ts';
import { patientChat, type SimMessage } from './support/patient-chat.ts';
import { signIn } from './support/staff-client.ts';
import { waitFor } from './support/start-test-hale.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

const skip = skipWithoutChromium;
const SHOTS = path.resolve(import.meta.dirname, '..', '.tmp');
let s: TestStack;
let profile = '';
let profile2 = '';
let joaoId = '';

before(async () => {
  if (skip) return;
  await buildWeb({ ifNeeded: true, quiet: true });
  s = await startTestStack({ HALE_ADMIN_EMAIL: 'boss@clinic.example', HALE_ADMIN_PASSWORD: 'first-admin-password' });
  const admin = await signIn(s.hale.url, 'boss@clinic.example', 'first-admin-password');
  await admin.post('/api/v1/admin/users', { email: 'rita@clinic.example', displayName: 'Rita Reception', role: 'agent', password: 'rita-password-1' });
  await admin.post('/api/v1/admin/users', { email: 'nora@clinic.example', displayName: 'Nora Nurse', role: 'clinician', password: 'nora-password-1' });
  await admin.post('/api/v1/admin/canned-replies', { shortcut: 'callback', title: 'We will call you', body: 'Thank you. A member of our team will call you back today.' });
  await admin.post('/api/v1/admin/canned-replies', { shortcut: 'hello', title: 'Greeting', body: 'Hello, this is the front desk. How can we help?' });
  profile = await mkdtemp(path.join(tmpdir(), 'hale-staff-chromium-'));
  profile2 = await mkdtemp(path.join(tmpdir(), 'hale-staff-chromium-'));
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  if (skip) return;
  await s?.close();
  await rm(profile, { recursive: true, force: true });
  await rm(profile2, { recursive: true, force: true });
});

const phone = async (waId: string) => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages;

async function consented(waId: string, name: string, firstText: string) {
  const chat = patientChat(s);
  await chat.say(waId, { name, text: firstText });
  await chat.say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
  return chat.patientId(waId);
}

async function signInPage(page: Page, email = 'rita@clinic.example', password = 'rita-password-1') {
  await page.goto(s.hale.url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Queues' }).waitFor();
}

test('front desk works a conversation in the staff web app', { skip, timeout: 240_000 }, async () => {
  // Two patients: one asked for a person, one is chatting with the assistant.
  await consented('351920000001', 'Marta Sousa', 'Hello, good morning');
  await patientChat(s).say('351920000001', { text: 'I would like to talk to a person please' });
  joaoId = await consented('351920000002', 'João Pinto', 'Hi, I have a question');
  await patientChat(s).say('351920000002', { text: 'What are your opening hours?' });

  // João has appointments (booked by chat earlier): the patient panel and the day list show them.
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  tomorrow.setUTCHours(9, 0, 0, 0);
  const lastMonth = new Date(tomorrow.getTime() - 30 * 24 * 3_600_000);
  await s.hale.tx.run(async (repos) => {
    for (const [start, status] of [[tomorrow, 'booked'], [lastMonth, 'booked']] as const) {
      const made = await repos.appointments.insert({ patientId: joaoId, practitionerId: 'dr-torres', serviceId: 'gp-visit', start, end: new Date(start.getTime() + 20 * 60_000), status, mode: 'in_person', bookedVia: 'chat', at: new Date(lastMonth.getTime() - 86_400_000) });
      assert.ok(made.ok);
    }
    // A reading out of range raised a staff alert for João.
    await repos.reminders.alert({ kind: 'vital_out_of_range', dedupeKey: `web-test-${joaoId}`, patientId: joaoId, detail: { kind: 'blood_pressure' } }, new Date());
  });

  const context = await launchChromium(profile, { width: 1440, height: 900 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInPage(page);

    // The waiting queue shows Marta with a waiting-since timer.
    const list = page.getByRole('region', { name: 'Waiting for staff' });
    await list.getByRole('button', { name: /Marta Sousa/ }).waitFor();
    await page.getByRole('button', { name: /Marta Sousa/ }).click();
    await page.getByRole('heading', { name: 'Marta Sousa', level: 2 }).first().waitFor();
    await page.getByText('Patient asked for a person').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'staff-inbox.png') });

    // Take João over from the assistant.
    await page.getByRole('button', { name: /Handled by the assistant/ }).click();
    await page.locator('.conversation-list').getByRole('button', { name: /João Pinto/ }).click();
    await page.getByRole('button', { name: 'Take over' }).click();
    await page.locator('.conversation-header .owner-staff').waitFor();
    const conversation = await s.hale.db.selectFrom('conversations').select(['owner', 'assigned_to']).where('patient_id', '=', joaoId).executeTakeFirstOrThrow();
    assert.equal(conversation.owner, 'staff');

    // Reply; it reaches the phone and the ticks turn to delivered.
    const composer = page.getByRole('textbox', { name: 'Reply' });
    await composer.fill('We are open from 8:00 today. Is there anything else I can do for you?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await waitFor(async () => (await phone('351920000002')).some((m) => m.direction === 'outbound' && /anything else I can do/.test(m.text ?? '')), 'the reply on the phone');
    await page.locator('.msg.sender-staff .ticks[title="Delivered"], .msg.sender-staff .ticks[title="Read"]').first().waitFor({ timeout: 20_000 });

    // A saved reply with "/".
    await composer.fill('/call');
    await page.getByRole('option', { name: /callback/ }).waitFor();
    await composer.press('Enter');
    assert.equal(await composer.inputValue(), 'Thank you. A member of our team will call you back today.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await waitFor(async () => (await phone('351920000002')).some((m) => m.direction === 'outbound' && /call you back today/.test(m.text ?? '')), 'the saved reply on the phone');

    // The patient answers; it appears live.
    await s.sim('POST', '/inbound', { wa_id: '351920000002', text: 'Thanks! Could the nurse also check my blood pressure results?' });
    await page.getByText('Could the nurse also check my blood pressure results?').waitFor({ timeout: 10_000 });

    // An internal note with an @mention.
    await page.getByRole('tab', { name: 'Note' }).click();
    await page.getByRole('textbox', { name: 'Note' }).fill('@Nora Nurse could you look at the blood pressure results before we call back?');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.note .mention', { hasText: '@Nora Nurse' }).waitFor();
    assert.ok(!(await phone('351920000002')).some((m) => /blood pressure results before/.test(m.text ?? '')), 'the note never reaches the patient');
    await page.getByRole('tab', { name: 'Reply' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'staff-conversation.png') });
    const panel = page.locator('.patient-panel');
    assert.match(await panel.locator('.consent-line').innerText(), /^Given on (\w{3} \d{1,2}, \d{4}|\d{1,2} \w{3} \d{4})\s+Policy version \S+$/, 'consent shown with labels');

    // Book an appointment for João from the patient panel.
    const upcoming = panel.getByRole('list', { name: 'Upcoming appointments' });
    const before = await upcoming.locator('.appt').count();
    assert.equal(before, 1);
    await panel.getByRole('button', { name: 'Book appointment' }).click();
    await panel.getByLabel('Service').selectOption('gp-visit');
    await panel.getByRole('button', { name: /^Book / }).first().click();
    await waitFor(async () => (await upcoming.locator('.appt').count()) === before + 1, 'the new appointment in the panel');
    const staffBooked = await s.hale.db.selectFrom('appointments').select(['status', 'booked_via']).where('patient_id', '=', joaoId).where('booked_via', '=', 'staff').execute();
    assert.deepEqual(staffBooked, [{ status: 'booked', booked_via: 'staff' }]);
    // Upcoming ones are in time order; the past one waits in a collapsed group with its attendance.
    const starts = await upcoming.locator('.appt .when').allInnerTexts();
    assert.equal(starts.length, 2);
    const past = panel.locator('details.past-appointments', { hasText: 'Past (1)' });
    assert.equal(await past.getAttribute('open'), null, 'the past group starts collapsed');
    await past.locator('summary').click();
    await past.getByText('Attendance not recorded').waitFor();

    // Move the soonest appointment to another free time.
    const soonest = await s.hale.db.selectFrom('appointments').select('start_at').where('patient_id', '=', joaoId).where('status', '=', 'booked').where('start_at', '>', new Date()).orderBy('start_at').executeTakeFirstOrThrow();
    const movedFrom = soonest.start_at.getTime();
    await upcoming.getByRole('button', { name: /^Move: / }).first().click();
    await panel.getByRole('group', { name: 'Move to' }).getByRole('button', { name: /^Move to / }).first().click();
    await waitFor(async () => (await s.hale.db.selectFrom('appointments').select('id').where('patient_id', '=', joaoId).where('status', '=', 'cancelled').execute()).length === 1, 'the old appointment cancelled by the move');
    const booked = await s.hale.db.selectFrom('appointments').select(['start_at']).where('patient_id', '=', joaoId).where('status', '=', 'booked').where('start_at', '>', new Date()).execute();
    assert.equal(booked.length, 2, 'still two upcoming appointments after the move');
    assert.ok(booked.every((a) => a.start_at.getTime() !== movedFrom), 'none at the old time');
    await panel.getByText('Cancelled or moved (1)').waitFor();

    // Cancel one (with a confirmation).
    await upcoming.getByRole('button', { name: /^Cancel: / }).last().click();
    await panel.getByRole('button', { name: 'Yes, cancel it' }).click();
    await waitFor(async () => (await upcoming.locator('.appt').count()) === 1, 'one upcoming appointment after cancelling');

    // Plan a follow-up reminder in 6 weeks.
    await panel.getByRole('button', { name: 'Plan a follow-up reminder' }).click();
    await panel.getByLabel('Service').selectOption('gp-visit');
    await panel.getByRole('button', { name: 'in 6 weeks' }).click();
    await panel.getByRole('button', { name: 'Plan reminder' }).click();
    await panel.getByText(/^Follow-up · /).waitFor();
    const followUps = await s.hale.db.selectFrom('follow_ups').select(['kind', 'service_id', 'state']).where('patient_id', '=', joaoId).execute();
    assert.deepEqual(followUps, [{ kind: 'follow_up', service_id: 'gp-visit', state: 'planned' }]);
    assert.equal(await panel.getByRole('button', { name: 'Add medication reminder' }).count(), 0, 'the front desk does not manage medication');
    await page.waitForTimeout(200);
    await panel.screenshot({ path: path.join(SHOTS, 'staff-patient-panel.png') });

    // The alert about João's reading: visible in the sidebar, acknowledged with "Done".
    const alerts = page.getByRole('region', { name: /Alerts/ });
    await alerts.getByText('Reading out of range').waitFor();
    await alerts.getByRole('button', { name: 'Done: Reading out of range, João Pinto' }).click();
    await alerts.getByText('No open alerts.').waitFor();
    const alertRow = await s.hale.db.selectFrom('staff_alerts').select('acknowledged_by').where('dedupe_key', '=', `web-test-${joaoId}`).executeTakeFirstOrThrow();
    assert.notEqual(alertRow.acknowledged_by, null);

    // 25 hours later: the composer offers templates instead of free text.
    await s.hale.db.updateTable('patients').set({ last_inbound_at: new Date(Date.now() - 25 * 3_600_000) }).where('id', '=', joaoId).execute();
    await page.reload();
    await page.getByText('More than 24 hours since the patient last wrote').waitFor();
    assert.equal(await page.getByLabel('Template', { exact: true }).inputValue(), 'follow_up', 'the follow-up template is offered first');
    await page.getByLabel('Patient name').fill('João');
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'staff-template.png') });
    await page.getByRole('button', { name: 'Send template' }).click();
    await waitFor(async () => (await phone('351920000002')).some((m) => m.direction === 'outbound' && m.type === 'template'), 'the template on the phone');

    // The patient answers the template (the window opens again); it appears live.
    await s.sim('POST', '/inbound', { wa_id: '351920000002', text: 'Yes, all fine now, thank you!' });
    await page.getByText('Yes, all fine now, thank you!').waitFor({ timeout: 10_000 });
    await page.getByRole('textbox', { name: 'Reply' }).waitFor();

    // Hand back to the assistant: the patient is told.
    await page.getByRole('button', { name: 'Hand back to assistant' }).click();
    await page.locator('.conversation-header .owner-bot').waitFor();
    await waitFor(async () => (await phone('351920000002')).some((m) => m.direction === 'outbound' && /assistant again/.test(m.text ?? '')), 'the hand-back message');

    // German UI at tablet width.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('link', { name: 'Postfach' }).waitFor();
    await page.getByRole('button', { name: /Wartet auf Team/ }).click();
    await page.getByRole('button', { name: /Marta Sousa/ }).click();
    await page.getByRole('button', { name: 'Übernehmen' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'staff-tablet-de.png') });
    // The patient panel as a drawer, in German: João's appointments and reminders.
    await page.getByRole('button', { name: /Beim Assistenten/ }).click();
    await page.locator('.conversation-list').getByRole('button', { name: /João Pinto/ }).click();
    await page.getByRole('button', { name: 'Patient', exact: true }).click();
    await page.locator('.patient-panel').getByRole('heading', { name: 'Erinnerungen und Medikamente' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'staff-tablet-de-panel.png') });
    await page.getByRole('button', { name: 'Patientendaten ausblenden' }).click();
    await page.locator('.patient-panel').waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  } catch (error) {
    await context.pages()[0]?.screenshot({ path: path.join(SHOTS, 'staff-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
});

test('a clinician sees her @mention, the vitals chart, creates a medication plan and changes her password', { skip, timeout: 180_000 }, async () => {
  // João sent blood pressure readings over the last days; his target is set.
  const now = Date.now();
  await s.hale.tx.run(async (repos) => {
    await repos.observations.setTargets(joaoId, { systolic: { high: 135 }, diastolic: { high: 85 } }, 'staff:test', new Date());
    for (const [i, [systolic, diastolic]] of ([[128, 82], [134, 84], [142, 91], [131, 83], [150, 95], [138, 88]] as Array<[number, number]>).entries()) {
      const reading = { kind: 'blood_pressure' as const, systolic, diastolic, unit: 'mm[Hg]' as const };
      const at = new Date(now - (6 - i) * 86_400_000);
      const assessment = assessVital(reading, { systolic: { high: 135 }, diastolic: { high: 85 } });
      await repos.observations.record({ patientId: joaoId, kind: 'blood_pressure', interpretation: assessment.level, resource: toObservation(reading, { patientId: joaoId, effectiveAt: at, assessment, method: 'patient_message' }), effectiveAt: at, at });
    }
  });
  const context = await launchChromium(profile2, { width: 1440, height: 900 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInPage(page, 'nora@clinic.example', 'nora-password-1');

    // Rita mentioned Nora in a note: a badge with 1, the list leads to João's conversation.
    const mentions = page.getByRole('button', { name: /Mentions/ });
    await mentions.getByLabel('1 new mentions').waitFor();
    await mentions.click();
    await page.getByRole('button', { name: /João Pinto.*blood pressure results before/ }).click();
    await page.getByRole('heading', { name: 'João Pinto', level: 2 }).first().waitFor();
    await mentions.locator('.count', { hasText: '0' }).waitFor();

    // The vitals chart with its summary, the readings table and the target.
    const panel = page.locator('.patient-panel');
    await panel.getByRole('heading', { name: 'Home measurements' }).waitFor();
    const chart = panel.getByRole('img', { name: /Blood pressure: 6 readings, latest 138\/88 mmHg, 3 outside the target range/ });
    await chart.waitFor();
    assert.equal(await chart.locator('circle').count(), 12, 'systolic and diastolic points');
    await panel.getByRole('cell', { name: '138/88 mmHg' }).waitFor();
    await panel.getByText('Systolic: …–135 mmHg').waitFor();

    // A medication plan.
    await panel.getByRole('button', { name: 'Add medication reminder' }).click();
    await panel.getByRole('textbox', { name: 'Medication', exact: true }).fill('Ramipril 5 mg');
    await panel.getByRole('textbox', { name: 'What to take', exact: true }).fill('1 tablet in the morning');
    await panel.getByRole('textbox', { name: 'Times (patient’s local time)' }).fill('09:00');
    await panel.getByRole('button', { name: 'Create reminder' }).click();
    await panel.getByText('Ramipril 5 mg').waitFor();
    const plans = await s.hale.db.selectFrom('medication_plans').select(['times', 'state']).where('patient_id', '=', joaoId).execute();
    assert.deepEqual(plans, [{ times: ['09:00'], state: 'active' }]);
    await page.waitForTimeout(300);
    await panel.getByRole('region', { name: 'Home measurements' }).screenshot({ path: path.join(SHOTS, 'staff-clinician-vitals.png') });
    await panel.getByRole('region', { name: 'Reminders and medication' }).screenshot({ path: path.join(SHOTS, 'staff-clinician-plans.png') });

    // Her password, from "My account".
    await page.getByRole('link', { name: /Nora Nurse/ }).click();
    await page.getByLabel('Current password').fill('wrong-password-0');
    await page.getByLabel('New password', { exact: true }).fill('nora-new-password-2');
    await page.getByLabel('New password again').fill('nora-new-password-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not right.').waitFor();
    await page.getByLabel('Current password').fill('nora-password-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'staff-account.png') });
    await signIn(s.hale.url, 'nora@clinic.example', 'nora-new-password-2');
    assert.deepEqual(errors, []);
  } catch (error) {
    await context.pages()[0]?.screenshot({ path: path.join(SHOTS, 'staff-failure-clinician.png') }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
});

test('an admin sees opening hours, the away message and the templates map, and creates and revokes an API token', { skip, timeout: 120_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hale-staff-chromium-'));
  const context = await launchChromium(dir, { width: 1280, height: 900 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInPage(page, 'boss@clinic.example', 'first-admin-password');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('tab', { name: 'Opening hours' }).click();
    await page.getByRole('heading', { name: /Opening hours/ }).waitFor();
    await page.getByRole('rowheader', { name: 'Monday' }).waitFor();
    await page.getByRole('heading', { name: 'Away message' }).waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'staff-admin-hours.png') });
    await page.getByRole('tab', { name: 'Templates' }).click();
    await page.getByRole('cell', { name: 'follow_up' }).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'staff-admin-templates.png') });

    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Practice system');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('code.secret').innerText();
    assert.match(secret, /^hale_/);
    const res = await fetch(`${s.hale.url}/api/v1/inbox/conversations?queue=waiting`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(res.status, 200, 'the new token works');
    await page.getByRole('button', { name: 'Revoke: Practice system' }).click();
    await page.getByText('Revoked').waitFor();
    const after = await fetch(`${s.hale.url}/api/v1/inbox/conversations?queue=waiting`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(after.status, 401, 'a revoked token is refused');
    assert.deepEqual(errors, []);
  } catch (error) {
    await context.pages()[0]?.screenshot({ path: path.join(SHOTS, 'staff-failure-admin.png') }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
