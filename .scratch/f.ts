import { readdirSync, readFileSync } from 'node:fs';
import { splitWebhook } from '../src/adapters/whatsapp/split-webhook.ts';
import { toInboundMessage, toStatusUpdate } from '../src/adapters/whatsapp/to-inbound-message.ts';
const dir = '/work/shared/whatsapp/fixtures/pywa/';
for (const f of readdirSync(dir).filter(f => f.endsWith('.json'))) {
  const cases = JSON.parse(readFileSync(dir + f, 'utf8')) as Record<string, unknown>;
  for (const [name, body] of Object.entries(cases)) {
    for (const item of splitWebhook(body)) {
      let out: unknown = '';
      if (item.kind === 'message') out = toInboundMessage(item.raw);
      if (item.kind === 'status') out = toStatusUpdate(item.raw);
      console.log(f, name, item.kind, item.field, item.phoneNumberId, item.dedupeKey.slice(0, 40), JSON.stringify(out));
    }
  }
}
