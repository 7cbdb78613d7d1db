import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestSimulator, TEST_PHONE_ID, TEST_TOKEN } from './start-test-simulator.ts';
import type { GraphJson, TestSimulator } from './start-test-simulator.ts';

let t: TestSimulator;
before(async () => {
  t = await startTestSimulator();
});
after(() => t.close());

async function upload(bytes: Buffer, type: string, filename: string, fields: Record<string, string> = { messaging_product: 'whatsapp' }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${t.base}/v23.0/${TEST_PHONE_ID}/media`, { method: 'POST', headers: { authorization: `Bearer ${TEST_TOKEN}` }, body: form });
  return { status: res.status, json: (await res.json()) as GraphJson };
}

describe('media endpoints', () => {
  test('upload → media URL → download with bearer → delete', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% Hale test document\n');
    const up = await upload(pdf, 'application/pdf', 'summary.pdf');
    assert.equal(up.status, 200);
    assert.match(up.json.id ?? '', /^\d{15,16}$/);
    const id = up.json.id ?? '';

    const meta = await t.graph('GET', `/v23.0/${id}?phone_number_id=${TEST_PHONE_ID}`);
    assert.equal(meta.status, 200);
    assert.equal(meta.json.messaging_product, 'whatsapp');
    assert.equal(meta.json.id, id);
    assert.equal(meta.json.mime_type, 'application/pdf');
    assert.equal(meta.json.file_size, String(pdf.length));
    assert.match(meta.json.sha256 ?? '', /^[A-Za-z0-9+/]{43}=$/);
    const url = meta.json.url ?? '';
    assert.ok(url.startsWith(`${t.base}/whatsapp_business/attachments/?mid=${id}&ext=`));

    const noAuth = await fetch(url);
    assert.equal(noAuth.status, 401);
    assert.equal(((await noAuth.json()) as GraphJson).error?.code, 190);
    const tampered = await fetch(url.replace(/hash=.*/, 'hash=forged'), { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(tampered.status, 404);
    const download = await fetch(url, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), pdf);

    const del = await t.graph('DELETE', `/v23.0/${id}`);
    assert.deepEqual(del.json, { success: true });
    const gone = await t.graph('GET', `/v23.0/${id}`);
    assert.equal(gone.status, 400);
    assert.equal(gone.json.error?.code, 100);
    assert.equal(gone.json.error?.error_subcode, 33);
  });

  test('upload errors: no messaging_product, unsupported type, image above 5 MB', async () => {
    const missing = await upload(Buffer.from('x'), 'text/plain', 'a.txt', {});
    assert.equal(missing.json.error?.code, 100);
    const exe = await upload(Buffer.from('MZ'), 'application/x-msdownload', 'a.exe');
    assert.equal(exe.status, 400);
    assert.equal(exe.json.error?.code, 100);
    assert.match(exe.json.error?.error_data?.details ?? '', /image\/jpeg/);
    const big = await upload(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg', 'big.jpg');
    assert.equal(big.json.error?.code, 131053);
  });

  test('the phone number object answers GET /{phone-number-id}', async () => {
    const res = await t.graph('GET', `/v23.0/${TEST_PHONE_ID}`);
    assert.equal(res.status, 200);
    assert.equal((res.json as Record<string, unknown>).id, TEST_PHONE_ID);
  });

  test('unknown paths answer with a Graph error, not a crash', async () => {
    const res = await t.graph('POST', `/v23.0/${TEST_PHONE_ID}/flows/x`, {});
    assert.equal(res.status, 400);
    assert.equal(res.json.error?.type, 'OAuthException');
  });
});

test('unknown /simulator paths are a plain 404, not a Graph auth error', async () => {
  const res = await fetch(`${t.base}/simulator/nope`);
  assert.equal(res.status, 404);
  assert.match(((await res.json()) as { error: string }).error, /no route/);
});
