import pg from 'pg';
import type { OpenDatabase } from './open-database.ts';

export const INBOX_CHANNEL = 'hale_inbox';

export interface InboxChangeFeed {
  subscribe(listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

/**
 * Fan-out of the `hale_inbox` notifications (migration 0007's triggers) to this process's
 * listeners. Every Hale process sharing the database hears every change, so a browser connected
 * to one process sees messages another process received. PostgreSQL: one dedicated connection
 * that reconnects after a failure; PGlite: its built-in listen().
 */
export async function listenInboxChanges(database: OpenDatabase, onError: (error: unknown) => void): Promise<InboxChangeFeed> {
  const listeners = new Set<(payload: string) => void>();
  const emit = (payload: string) => {
    for (const listener of listeners) listener(payload);
  };
  let stop: () => Promise<void>;

  if (database.kind === 'pglite' && database.pglite !== undefined) {
    const unlisten = await database.pglite.listen(INBOX_CHANNEL, emit);
    stop = async () => {
      if (!database.pglite?.closed) await unlisten();
    };
  } else {
    let client: pg.Client | undefined;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: database.url });
      next.on('notification', (message) => {
        if (message.channel === INBOX_CHANNEL && message.payload !== undefined) emit(message.payload);
      });
      next.on('error', (error) => {
        onError(error);
        void next.end().catch(() => undefined);
        if (!closed) retry = setTimeout(() => void connect().catch(onError), 1000);
      });
      await next.connect();
      await next.query(`LISTEN ${INBOX_CHANNEL}`);
      client = next;
    };
    await connect();
    stop = async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    };
  }
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => stop(),
  };
}
