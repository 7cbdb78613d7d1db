import assert from 'node:assert/strict';
import { waitFor } from './start-test-hale.ts';
import type { TestStack } from './start-test-stack.ts';

export type Row = { id: string; title: string };

/** One message as the simulated phone shows it (GET /simulator/api/conversations/:wa_id). */
export type SimMessage = {
  direction: 'inbound' | 'outbound';
  id: string;
  type: string;
  text?: string;
  status?: string;
  interactive?: { type?: string; action?: { buttons?: Array<{ reply: Row }>; sections?: Array<{ rows: Row[] }> } };
};

export const rowsOf = (m: SimMessage | undefined): Row[] => m?.interactive?.action?.sections?.flatMap((x) => x.rows) ?? [];
export const buttonsOf = (m: SimMessage | undefined): Row[] => m?.interactive?.action?.buttons?.map((b) => b.reply) ?? [];

/** Patients chatting with Hale through the simulator, one message at a time, as a person would. */
export function patientChat(s: TestStack) {
  async function patientId(waId: string): Promise<string> {
    let id: string | undefined;
    await waitFor(async () => {
      id = (await s.hale.db.selectFrom('patients').select('id').where('wa_id_hash', '=', s.hale.cipher.blindIndex('wa_id', waId)).executeTakeFirst())?.id;
      return id !== undefined;
    }, `patient ${waId}`);
    return id as string;
  }

  /** Waits until Hale handled everything the patient wrote (booking requests too) and its replies reached the phone. */
  async function settle(waId: string): Promise<void> {
    const pid = await patientId(waId);
    await waitFor(
      async () => {
        const busy = await s.hale.db
          .selectFrom('communications')
          .select('id')
          .where('patient_id', '=', pid)
          .where((eb) => eb.or([eb.and([eb('direction', '=', 'inbound'), eb('handled_at', 'is', null)]), eb.and([eb('direction', '=', 'outbound'), eb('status', 'in', ['queued', 'accepted'])])]))
          .execute();
        const conversation = await s.hale.db.selectFrom('conversations').select('state_enc').where('patient_id', '=', pid).executeTakeFirst();
        const state = conversation?.state_enc == null ? undefined : (JSON.parse(s.hale.cipher.decrypt(conversation.state_enc)) as { pendingRequest?: unknown });
        const unprocessed = await s.hale.db.selectFrom('inbound_events').select('id').where('state', '=', 'pending').where('kind', '=', 'message').execute();
        return busy.length === 0 && unprocessed.length === 0 && state?.pendingRequest === undefined;
      },
      `Hale to finish with ${waId}`,
      30_000,
    );
  }

  /**
   * Sends as the patient and returns Hale's replies to that message, as the phone shows them.
   * Unless told that no reply is due, waits for the first reply to reach the phone, then for Hale
   * to finish.
   */
  async function say(waId: string, body: Record<string, unknown>, options: { replyExpected?: boolean } = {}): Promise<SimMessage[]> {
    const conversation = async () => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`).catch(() => ({ messages: [] as SimMessage[] }))).messages;
    const before = (await conversation()).length;
    const sent = await s.sim<{ webhookStatus: number }>('POST', '/inbound', { wa_id: waId, ...body });
    assert.equal(sent.webhookStatus, 200);
    if (options.replyExpected !== false) {
      await waitFor(async () => (await conversation()).slice(before).some((m) => m.direction === 'outbound'), `a reply to ${waId}`, 30_000);
    }
    await settle(waId);
    return (await conversation()).slice(before).filter((m) => m.direction === 'outbound');
  }

  return { patientId, settle, say };
}
