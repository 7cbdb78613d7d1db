/**
 * Builds the signed WhatsApp webhook bodies the ingest benchmark sends: one text message per
 * body (the shape of `textMessage()` in test/webhook-ingest.int.test.ts), a unique wamid each,
 * from a fixed pool of patients so that most messages find an existing patient, as in a clinic.
 */
import { signBody } from '../src/adapters/whatsapp/verify-signature.ts';

export const BENCH_APP_SECRET = 'bench-app-secret';
export const BENCH_VERIFY_TOKEN = 'bench-verify-token';
export const BENCH_ACCESS_TOKEN = 'bench-access-token';
export const BENCH_PHONE_NUMBER_ID = '106540352242922';
/** Distinct senders; message n comes from patient n mod this. */
export const BENCH_PATIENTS = 500;

export interface SignedWebhook {
  /** Hale's and the bare handler's dedupe key for this message: `msg:<wamid>`. */
  dedupeKey: string;
  body: string;
  signature: string;
}

/** Message `seq` of the run `runId` (a short [A-Za-z0-9] tag), signed with BENCH_APP_SECRET. */
export function buildSignedWebhook(runId: string, seq: number, nowSeconds: number): SignedWebhook {
  const wamid = `wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQz${runId}${seq.toString(36).padStart(8, '0')}`;
  const waId = String(34600000000 + (seq % BENCH_PATIENTS));
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: BENCH_PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Bench Patient ${seq % BENCH_PATIENTS}` }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: wamid,
                  timestamp: String(nowSeconds),
                  type: 'text',
                  text: { body: 'Hello, I would like to book an appointment for next week, please.' },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return { dedupeKey: `msg:${wamid}`, body, signature: signBody(body, BENCH_APP_SECRET) };
}
