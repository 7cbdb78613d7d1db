import { useEffect, useRef, useState } from 'react';
import { inboxEventSchema, type InboxEvent } from '../../src/contracts/staff-api.ts';

/** Server-sent inbox events (any Hale process); returns whether the stream is connected. */
export function useInboxEvents(onEvent: (event: InboxEvent) => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('inbox', (message) => {
      const parsed = inboxEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (parsed.success) handler.current(parsed.data);
    });
    return () => source.close();
  }, []);
  return connected;
}
