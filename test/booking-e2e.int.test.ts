/**
 * Booking by chat end to end through the simulator, with the bundled demo clinic: service →
 * day → time (held) → confirm → booked; then "my appointments" → cancel. In English and Spanish.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';
import { waitFor } from './support/start-test-hale.ts';

type Row = { id: string; title: string };
type SimMessage = {
  direction: 'inbound' | 'outbound';
  text?: string;
  interactive?: { action?: { buttons?: Array<{ reply: Row }>; sections?: Array<{ rows: Row[] }> } };
};

let s: TestStack;
before(async () => {
  s = await startTestStack();
});
after(async () => {
  await s?.close();
});

async function patientId(waId: string): Promise<string> {
  let id: string | undefined;
  await waitFor(async () => {
    id = (await s.hale.db.selectFrom('patients').select('id').where('wa_id_hash', '=', s.hale.cipher.blindIndex('wa_id', waId)).executeTakeFirst())?.id;
    return id !== undefined;
  }, `patient ${waId}`);
  return id as string;
}

async function settle(waId: string): Promise<void> {
  const pid = await patientId(waId);
  await waitFor(async () => {
    const busy = await s.hale.db
      .selectFrom('communications')
      .select('id')
      .where('patient_id', '=', pid)
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'inbound'), eb('handled_at', 'is', null)]), eb.and([eb('direction', '=', 'outbound'), eb('status', 'in', ['queued', 'accepted'])])]))
      .execute();
    const conversation = await s.hale.db.selectFrom('conversations').select('state_enc').where('patient_id', '=', pid).executeTakeFirst();
    const pendingRequest = conversation?.state_enc != null && (JSON.parse(s.hale.cipher.decrypt(conversation.state_enc)) as { pendingRequest?: unknown }).pendingRequest !== undefined;
    const unprocessed = await s.hale.db.selectFrom('inbound_events').select('id').where('state', '=', 'pending').where('kind', '=', 'message').execute();
    return busy.length === 0 && unprocessed.length === 0 && !pendingRequest;
  }, `Hale to finish with ${waId}`, 30_000);
}

async function say(waId: string, body: Record<string, unknown>): Promise<SimMessage[]> {
  const before = (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`).catch(() => ({ messages: [] }))).messages.length;
  await s.sim('POST', '/inbound', { wa_id: waId, ...body });
  await settle(waId);
  const { messages } = await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`);
  return messages.slice(before).filter((m) => m.direction === 'outbound');
}

const rows = (m: SimMessage | undefined): Row[] => m?.interactive?.action?.sections?.flatMap((x) => x.rows) ?? [];
const buttons = (m: SimMessage | undefined): Row[] => m?.interactive?.action?.buttons?.map((b) => b.reply) ?? [];
const tapRow = (waId: string, row: Row) => say(waId, { type: 'interactive', list_reply: { id: row.id, title: row.title } });
const tapButton = (waId: string, row: Row) => say(waId, { type: 'interactive', button_reply: { id: row.id, title: row.title } });

for (const c of [
  { lang: 'en', waId: '34644000001', hello: 'Hello, I would like to see a doctor', booked: /Booked/, cancelled: /cancelled/ },
  { lang: 'es', waId: '34644000002', hello: 'Hola, buenas, quería pedir una cita', booked: /[Rr]eservad|[Cc]onfirmad|[Cc]ita/, cancelled: /cancelad|anulad/ },
]) {
  test(`book a GP visit and cancel it by chat (${c.lang})`, { timeout: 120_000 }, async () => {
    await say(c.waId, { name: `Booking ${c.lang}`, text: c.hello });
    const menu = await say(c.waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'OK' } });
    const bookRow = rows(menu.at(-1)).find((r) => r.id === 'menu:book');
    assert.ok(bookRow, 'the menu offers booking');
    const servicesReply = await tapRow(c.waId, bookRow);
    const gp = rows(servicesReply.at(-1)).find((r) => r.id === 'svc:gp-visit');
    assert.ok(gp, `services: ${JSON.stringify(rows(servicesReply.at(-1)))}`);
    const daysReply = await tapRow(c.waId, gp);
    const days = rows(daysReply.at(-1)).filter((r) => r.id.startsWith('day:'));
    assert.ok(days.length >= 2, `days with room: ${JSON.stringify(daysReply)}`);
    // A day far enough away to cancel online (the demo's cut-off is 24 hours).
    const timesReply = await tapRow(c.waId, days.at(-1)!);
    const times = rows(timesReply.at(-1)).filter((r) => r.id.startsWith('slot:'));
    assert.ok(times.length >= 1 && times.length <= 9, `times: ${JSON.stringify(timesReply)}`);
    const confirm = await tapRow(c.waId, times[0]!);
    const bookIt = buttons(confirm.at(-1)).find((b) => b.id === 'book:confirm');
    assert.ok(bookIt, `confirm buttons: ${JSON.stringify(confirm)}`);
    const pid = await patientId(c.waId);
    assert.equal((await s.hale.db.selectFrom('slot_holds').select('id').where('patient_id', '=', pid).execute()).length, 1, 'the slot is held while the patient confirms');
    const booked = await tapButton(c.waId, bookIt);
    assert.match(booked.map((m) => m.text ?? '').join('\n'), c.booked);
    const appointments = await s.hale.db.selectFrom('appointments').selectAll().where('patient_id', '=', pid).execute();
    assert.equal(appointments.length, 1);
    assert.equal(appointments[0]?.status, 'booked');
    assert.equal(appointments[0]?.service_id, 'gp-visit');

    const menuAgain = await say(c.waId, { text: 'menu' });
    const mine = rows(menuAgain.at(-1)).find((r) => r.id === 'menu:appointments');
    assert.ok(mine);
    const list = await tapRow(c.waId, mine);
    const cancelRow = rows(list.at(-1)).find((r) => r.id === `cancel:${appointments[0]?.id}`);
    assert.ok(cancelRow, `appointment list: ${JSON.stringify(list)}`);
    const cancelled = await tapRow(c.waId, cancelRow);
    assert.match(cancelled.map((m) => m.text ?? '').join('\n'), c.cancelled);
    const after = await s.hale.db.selectFrom('appointments').select('status').where('patient_id', '=', pid).executeTakeFirstOrThrow();
    assert.equal(after.status, 'cancelled');
  });
}
