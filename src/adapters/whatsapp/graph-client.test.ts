import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createGraphClient, GraphApiError, type GraphClient } from './graph-client.ts';
import { renderOutbound } from './render-outbound.ts';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

type Handler = (request: Recorded, response: ServerResponse) => void;

let baseUrl = '';
let handler: Handler = (_request, response) => response.end();
const recorded: Recorded[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
    recorded.push(entry);
    handler(entry, response);
  });
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

function client(extra: { timeoutMs?: number; downloadTimeoutMs?: number } = {}): GraphClient {
  recorded.length = 0;
  return createGraphClient({ baseUrl: `${baseUrl}/`, version: 'v23.0', phoneNumberId: '106540352242922', accessToken: 'TEST_TOKEN', ...extra });
}

async function rejection(promise: Promise<unknown>): Promise<GraphApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphApiError, String(error));
    return error;
  }
  assert.fail('expected a GraphApiError');
}

test('sendMessage posts the JSON body with the bearer token and returns the wamid', async () => {
  const graph = client();
  handler = respond(200, { messaging_product: 'whatsapp', contacts: [{ input: '+16505551234', wa_id: '16505551234' }], messages: [{ id: 'wamid.OUT1' }] });
  const body = renderOutbound({ kind: 'text', text: 'Hello' }, { waId: '16505551234' });
  assert.deepEqual(await graph.sendMessage(body), { providerMessageId: 'wamid.OUT1' });
  const [request] = recorded;
  assert.equal(request?.method, 'POST');
  assert.equal(request?.url, '/v23.0/106540352242922/messages');
  assert.equal(request?.headers.authorization, 'Bearer TEST_TOKEN');
  assert.equal(request?.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(request?.body.toString() ?? ''), body);
});

test("Meta's error shape becomes a classified GraphApiError", async () => {
  const graph = client();
  handler = respond(400, {
    error: {
      message: '(#131047) Re-engagement message',
      type: 'OAuthException',
      code: 131047,
      error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed' },
      error_subcode: 2494010,
      fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
    },
  });
  const error = await rejection(graph.sendMessage(renderOutbound({ kind: 'text', text: 'x' }, { waId: '1' })));
  assert.equal(error.code, 131047);
  assert.equal(error.httpStatus, 400);
  assert.equal(error.title, '(#131047) Re-engagement message');
  assert.equal(error.details, 'Message failed to send because more than 24 hours have passed');
  assert.equal(error.fbtraceId, 'Az8or2yhqkZfEZ-_4Qn_Bam');
  assert.equal(error.retryable, false);
  assert.equal(error.transport, false);
  assert.equal(error.reason, 'More than 24 hours have passed since the patient last wrote; only an approved template can be sent.');

  handler = respond(429, { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, error_data: 'plain string details' } });
  const throttled = await rejection(graph.markAsRead('wamid.IN'));
  assert.equal(throttled.retryable, true);
  assert.equal(throttled.details, 'plain string details');

  handler = (_request, response) => {
    response.writeHead(502, { 'Content-Type': 'text/html' });
    response.end('<html>Bad gateway</html>');
  };
  const gateway = await rejection(graph.markAsRead('wamid.IN'));
  assert.equal(gateway.httpStatus, 502);
  assert.equal(gateway.code, undefined);
  assert.equal(gateway.retryable, true);
});

test('a 200 without a message id is an error that must not be retried blindly', async () => {
  const graph = client();
  handler = respond(200, { messaging_product: 'whatsapp', messages: [] });
  const error = await rejection(graph.sendMessage(renderOutbound({ kind: 'text', text: 'x' }, { waId: '1' })));
  assert.equal(error.title, 'unexpected_response');
  assert.equal(error.retryable, false);
  assert.equal(error.transport, false);
});

test('network failures and timeouts are retryable transport errors', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const refused = createGraphClient({ baseUrl: `http://127.0.0.1:${closedPort}`, version: 'v23.0', phoneNumberId: 'P', accessToken: 'T' });
  const error = await rejection(refused.markAsRead('wamid.IN'));
  assert.equal(error.transport, true);
  assert.equal(error.retryable, true);
  assert.match(error.reason, /could not be reached/);
  assert.equal(error.title, 'network_error');
  assert.match(error.details ?? '', /ECONNREFUSED/);

  const graph = client({ timeoutMs: 100 });
  handler = () => undefined; // never answers
  const slow = await rejection(graph.markAsRead('wamid.IN'));
  assert.equal(slow.transport, true);
  assert.equal(slow.retryable, true);
  assert.equal(slow.title, 'timeout');
  assert.equal(slow.details, 'no answer within 100 ms');
});

test('markAsRead posts status read for the message', async () => {
  const graph = client();
  handler = respond(200, { success: true });
  await graph.markAsRead('wamid.IN');
  assert.deepEqual(JSON.parse(recorded[0]?.body.toString() ?? ''), { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' });
  assert.equal(recorded[0]?.url, '/v23.0/106540352242922/messages');
});

test('uploadMedia sends multipart form data with product, type and file', async () => {
  const graph = client();
  handler = respond(200, { id: 'MEDIA_1' });
  const bytes = new TextEncoder().encode('%PDF-1.4 results');
  assert.deepEqual(await graph.uploadMedia(bytes, 'application/pdf', 'results.pdf'), { mediaId: 'MEDIA_1' });
  const request = recorded[0];
  assert.equal(request?.method, 'POST');
  assert.equal(request?.url, '/v23.0/106540352242922/media');
  assert.equal(request?.headers.authorization, 'Bearer TEST_TOKEN');
  assert.match(request?.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
  const form = await new Response(new Uint8Array(request?.body ?? Buffer.alloc(0)), { headers: { 'content-type': request?.headers['content-type'] ?? '' } }).formData();
  assert.equal(form.get('messaging_product'), 'whatsapp');
  assert.equal(form.get('type'), 'application/pdf');
  const file = form.get('file');
  assert.ok(file instanceof File);
  assert.equal(file.name, 'results.pdf');
  assert.equal(file.type, 'application/pdf');
  assert.equal(await file.text(), '%PDF-1.4 results');
});

test('getMediaUrl reads url, mime type, hash and size (size arrives as a string)', async () => {
  const graph = client();
  handler = respond(200, {
    messaging_product: 'whatsapp', url: `${baseUrl}/media/1`, mime_type: 'image/jpeg', sha256: 'abc', file_size: '303833', id: '1003',
  });
  assert.deepEqual(await graph.getMediaUrl('1003'), { url: `${baseUrl}/media/1`, mimeType: 'image/jpeg', sha256: 'abc', fileSize: 303833 });
  assert.equal(recorded[0]?.method, 'GET');
  assert.equal(recorded[0]?.url, '/v23.0/1003?phone_number_id=106540352242922');
  assert.equal(recorded[0]?.headers.authorization, 'Bearer TEST_TOKEN');
});

test('downloadMedia returns the bytes and content type, with the bearer token', async () => {
  const graph = client();
  handler = (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg' });
    response.end(Buffer.from([1, 2, 3, 4]));
  };
  const media = await graph.downloadMedia(`${baseUrl}/media/1`, 10);
  assert.deepEqual([...media.bytes], [1, 2, 3, 4]);
  assert.equal(media.mimeType, 'image/jpeg');
  assert.equal(recorded[0]?.headers.authorization, 'Bearer TEST_TOKEN');
});

test('downloadMedia aborts when Content-Length or the streamed body exceeds maxBytes', async () => {
  const graph = client();
  handler = (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': '5000' });
    response.end(Buffer.alloc(5000));
  };
  const declared = await rejection(graph.downloadMedia(`${baseUrl}/media/big`, 1000));
  assert.equal(declared.retryable, false);
  assert.equal(declared.title, 'media_too_large');
  assert.match(declared.reason, /larger than the 1 KB Hale accepts/);

  // No Content-Length (chunked): the stream is cut once the limit is passed, long before the end.
  let written = 0;
  let closedEarly = false;
  handler = (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'video/mp4' });
    response.on('close', () => {
      closedEarly = written < 10_000_000;
    });
    const pump = (): void => {
      while (written < 10_000_000) {
        written += 16_384;
        if (!response.write(Buffer.alloc(16_384))) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    pump();
  };
  const streamed = await rejection(graph.downloadMedia(`${baseUrl}/media/endless`, 100_000));
  assert.equal(streamed.transport, false);
  assert.equal(streamed.title, 'media_too_large');
  assert.equal(streamed.details, 'media larger than 100000 bytes');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(closedEarly, 'the server saw the connection closed before it sent everything');
});

test('downloadMedia never sends the token to a host that is not WhatsApp or the API base', async () => {
  const graph = client();
  const error = await rejection(graph.downloadMedia('https://attacker.example/steal', 1000));
  assert.equal(error.retryable, false);
  assert.equal(error.title, 'media_url_not_allowed');
  assert.equal(recorded.length, 0);
  await rejection(graph.downloadMedia('http://lookaside.fbsbx.com/x', 1000)); // plain http refused too
  assert.equal(recorded.length, 0);
});

test('downloadMedia maps a 404 (expired URL) to a non-retryable error', async () => {
  const graph = client();
  handler = respond(404, { error: { message: 'URL expired', type: 'OAuthException', code: 100 } });
  const error = await rejection(graph.downloadMedia(`${baseUrl}/media/old`, 1000));
  assert.equal(error.httpStatus, 404);
  assert.equal(error.code, 100);
  assert.equal(error.retryable, false);
});
