import { useCallback, useEffect, useRef, useState } from 'react';
import { conversationListSchema, queueNames, type ConversationList, type MeResponse, type QueueName } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { since, useI18n } from './i18n.ts';
import { Conversation } from './Conversation.tsx';
import { AlertsList } from './AlertsList.tsx';
import { MentionsList } from './MentionsList.tsx';
import { useInboxEvents } from './use-inbox-events.ts';
import { useNow } from './use-now.ts';

export function Inbox({ me, openId, onOpen }: { me: MeResponse; openId: string | undefined; onOpen(id: string | undefined): void }) {
  const { t } = useI18n();
  const now = useNow(30_000);
  const [queue, setQueue] = useState<QueueName>(() => (sessionStorage.getItem('hale.queue') as QueueName | null) ?? 'waiting');
  const [list, setList] = useState<ConversationList | undefined>();
  const [changed, setChanged] = useState<{ patientId: string; n: number }>({ patientId: '', n: 0 });
  const loading = useRef(false);

  const load = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      setList(await call(conversationListSchema, 'GET', `/api/v1/inbox/conversations?queue=${queue}&limit=100`));
    } finally {
      loading.current = false;
    }
  }, [queue]);

  useEffect(() => {
    sessionStorage.setItem('hale.queue', queue);
    void load();
  }, [load, queue]);

  const live = useInboxEvents((event) => {
    void load();
    setChanged((c) => ({ patientId: event.patientId, n: c.n + 1 }));
  });

  return (
    <div className="inbox">
      <nav className="queues" aria-label={t('queues')}>
        <h2 className="visually-hidden">{t('queues')}</h2>
        <ul>
          {queueNames.map((name) => (
            <li key={name}>
              <button type="button" className={`queue ${name === queue ? 'active' : ''} ${name === 'urgent' && (list?.counts.urgent ?? 0) > 0 ? 'alert' : ''}`} aria-pressed={name === queue} onClick={() => setQueue(name)}>
                <span>{t(`queue.${name}`)}</span>
                <span className="count" aria-label={`${list?.counts[name] ?? 0}`}>{list?.counts[name] ?? '–'}</span>
              </button>
            </li>
          ))}
        </ul>
        <MentionsList refresh={changed.n} now={now} onOpenConversation={onOpen} />
        <AlertsList now={now} onOpenConversation={onOpen} />
        <p className={`live ${live ? 'on' : 'off'}`} role="status">{live ? t('live') : t('offline')}</p>
      </nav>
      <section className="conversation-list" aria-label={t(`queue.${queue}`)}>
        <h2 className="list-title">{t(`queue.${queue}`)}</h2>
        {list !== undefined && list.items.length === 0 && <p className="empty">{t('emptyQueue')}</p>}
        <ul>
          {list?.items.map((c) => (
            <li key={c.id}>
              <button type="button" className={`conversation-item ${c.id === openId ? 'active' : ''} ${c.urgent ? 'urgent' : ''}`} aria-current={c.id === openId ? 'true' : undefined} onClick={() => onOpen(c.id)}>
                <span className="row1">
                  <span className="patient-name">{c.patientName ?? c.phone ?? t('unknownPatient')}</span>
                  {c.owner === 'staff' && c.waitingSince !== null ? (
                    <span className="waiting" title={new Date(c.waitingSince).toLocaleString()}>{since(t, c.waitingSince, now)}</span>
                  ) : (
                    <span className="time">{c.lastMessageAt === null ? '' : since(t, c.lastMessageAt, now)}</span>
                  )}
                </span>
                <span className="preview">{c.preview ?? ''}</span>
                <span className="row3">
                  {c.urgent && <span className="badge danger">{t('urgentBanner')}</span>}
                  {c.handoverReason !== null && c.owner === 'staff' && !c.urgent && <span className="badge">{t(`handover.${c.handoverReason}`)}</span>}
                  {c.assignedTo !== null && <span className="badge subtle">{c.assignedTo.displayName}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {openId === undefined ? (
        <section className="conversation empty-state"><p>{t('selectConversation')}</p></section>
      ) : (
        <Conversation key={openId} id={openId} me={me} changed={changed} onChanged={() => void load()} />
      )}
    </div>
  );
}
