import { loadSendMessageValidator } from '../test/support/openapi.ts';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
let t = Date.now();
const v = await loadSendMessageValidator();
console.log('load ms', Date.now() - t);
const d = parse(readFileSync('/work/shared/whatsapp/openapi/business-messaging-api_v23.0.yaml', 'utf8'));
const ex = d.paths['/{Version}/{Phone-Number-ID}/messages'].post.requestBody.content['application/json'].examples;
for (const [k, e] of Object.entries(ex)) { const errs = v!((e as {value: unknown}).value); console.log(errs.length ? 'FAIL' : 'ok  ', k, errs.slice(0, 4).join(' | ')); }
console.log(v!(null), v!({}), v!({messaging_product:'whatsapp', recipient_type:'individual', to:'1', type:'interactive', interactive:{type:'list', body:{text:'x'}}}));
