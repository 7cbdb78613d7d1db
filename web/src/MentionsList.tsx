import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { mentionCountSchema, mentionListSchema, type Mention } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { since, useI18n } from './i18n.ts';

/** Notes in which a colleague @mentioned me: a badge with the unread count; opening the list marks them read. */
export function MentionsList({ refresh, now, onOpenConversation }: { refresh: number; now: number; onOpenConversation(id: string): void }) {
  const { t } = useI18n();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Mention[] | undefined>();
  const count = useCallback(() => call(mentionCountSchema, 'GET', '/api/v1/me/mentions/count').then((r) => setUnread(r.unread), () => undefined), []);
  useEffect(() => void count(), [count, refresh]);
  useEffect(() => {
    if (!open) return;
    call(mentionListSchema, 'GET', '/api/v1/me/mentions').then(async (list) => {
      setItems(list.items);
      if (list.unread > 0) {
        await call(z.unknown(), 'POST', '/api/v1/me/mentions/seen', {});
        setUnread(0);
      }
    }, () => undefined);
  }, [open, refresh]);
  return (
    <section className="side-list mentions" aria-label={t('mentions')}>
      <button type="button" className="side-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>{t('mentions')}</span>
        {unread > 0 ? <span className="count hot" aria-label={t('unreadMentions', { n: unread })}>{unread}</span> : <span className="count">0</span>}
      </button>
      {open && (
        items === undefined ? null : items.length === 0 ? (
          <p className="muted small side-empty">{t('noMentions')}</p>
        ) : (
          <ul>
            {items.map((m) => (
              <li key={m.noteId}>
                <button type="button" className={`mention-item ${m.unread ? 'unread' : ''}`} onClick={() => onOpenConversation(m.conversationId)}>
                  <span className="row1"><strong>{m.patientName ?? t('unknownPatient')}</strong><span className="muted small">{since(t, m.at, now)}</span></span>
                  <span className="small">{m.author}: {m.body}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </section>
  );
}
