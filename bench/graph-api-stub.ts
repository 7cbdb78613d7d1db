/**
 * A loopback stand-in for Meta's Graph API during the ingest benchmark: it accepts every message
 * call (`POST /<version>/<phone number id>/messages`: replies and read marks) at once with a
 * fresh wamid, so the assistant's replies leave Hale the way they would in production instead
 * of failing and retrying.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphApiStub {
  url: string;
  /** Message calls (replies and read marks) accepted so far. */
  sends(): number;
  close(): Promise<void>;
}

export async function startGraphApiStub(): Promise<GraphApiStub> {
  let sends = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const isSend = request.method === 'POST' && /\/messages$/.test(request.url ?? '');
      if (isSend) sends += 1;
      const body = isSend
        ? { messaging_product: 'whatsapp', contacts: [{ input: 'bench', wa_id: 'bench' }], messages: [{ id: `wamid.benchstub${sends.toString(36).padStart(10, '0')}` }] }
        : { success: true };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sends: () => sends,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
