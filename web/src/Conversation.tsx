import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { conversationViewSchema, staffDirectorySchema, type ConversationView, type MeResponse, type TimelineMessage } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { messages as allMessages, useI18n } from './i18n.ts';
import { Composer } from './Composer.tsx';
import { PatientPanel } from './PatientPanel.tsx';

const ok = z.object({ ok: z.boolean() });
type Item = { at: string; kind: 'message'; message: TimelineMessage } | { at: string; kind: 'note'; note: ConversationView['notes'][number] } | { at: string; kind: 'event'; event: ConversationView['events'][number] };

export function Conversation({ id, me, changed, onChanged }: { id: string; me: MeResponse; changed: { patientId: string; n: number }; onChanged(): void }) {
  const { t, language } = useI18n();
  const [view, setView] = useState<ConversationView | undefined>();
  const [staff, setStaff] = useState<Array<{ id: string; displayName: string }>>([]);
  const [error, setError] = useState<string | undefined>();
  const [showPatient, setShowPatient] = useState(() => window.matchMedia('(min-width: 1280px)').matches);
  const timelineRef = useRef<HTMLOListElement>(null);

  const load = useCallback(async () => {
    try {
      setView(await call(conversationViewSchema, 'GET', `/api/v1/inbox/conversations/${id}`));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);

  useEffect(() => {
    void load();
    call(staffDirectorySchema, 'GET', '/api/v1/staff').then(setStaff, () => undefined);
  }, [load]);

  useEffect(() => {
    if (view !== undefined && changed.patientId === view.conversation.patientId) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changed.n]);

  const count = (view?.messages.length ?? 0) + (view?.notes.length ?? 0);
  useLayoutEffect(() => {
    const el = timelineRef.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [count]);

  const act = async (path: string, body: unknown) => {
    setError(undefined);
    try {
      await call(ok, 'POST', `/api/v1/inbox/conversations/${id}/${path}`, body);
      await load();
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (view === undefined) return <section className="conversation" aria-busy="true">{error !== undefined && <p className="error" role="alert">{error}</p>}</section>;
  const c = view.conversation;
  // Messages keep the server's order (WhatsApp times inbound messages to the second); notes and
  // events slot in by time.
  const extras: Item[] = [
    ...view.notes.map((n): Item => ({ at: n.at, kind: 'note', note: n })),
    ...view.events.map((e): Item => ({ at: e.at, kind: 'event', event: e })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const items: Item[] = [];
  for (const m of view.messages) {
    while (extras.length > 0 && (extras[0]?.at ?? '') < m.at) items.push(extras.shift() as Item);
    items.push({ at: m.at, kind: 'message', message: m });
  }
  items.push(...extras);
  const eventText = allMessages[language].event;
  const mine = c.assignedTo?.id === me.user.id;

  return (
    <>
      <section className="conversation" aria-label={c.patientName ?? c.phone ?? t('unknownPatient')}>
        <header className="conversation-header">
          <div className="who">
            <h2>{c.patientName ?? c.phone ?? t('unknownPatient')}</h2>
            <button type="button" className={`panel-toggle ${showPatient ? 'on' : ''}`} aria-pressed={showPatient} title={showPatient ? t('hidePatient') : t('showPatient')} onClick={() => setShowPatient((s) => !s)}>{t('patientPanel')}</button>
            <p className="meta">
              <span>{c.phone}</span>
              <span className={`owner owner-${c.owner}`}>{t(`owner.${c.owner}`)}</span>
              <span>{c.assignedTo === null ? (c.owner === 'staff' ? t('unassigned') : '') : t('assignedTo', { name: c.assignedTo.displayName })}</span>
            </p>
          </div>
          <div className="actions">
            {(c.owner !== 'staff' || !mine) && (
              <button type="button" className="primary" onClick={() => void act('assign', {})}>{t('takeOver')}</button>
            )}
            {c.owner === 'staff' && (
              <label className="assign">
                <span className="visually-hidden">{t('assignTo')}</span>
                <select value="" onChange={(e) => e.target.value !== '' && void act('assign', { userId: e.target.value })}>
                  <option value="">{t('assignTo')}…</option>
                  {staff.filter((s) => s.id !== c.assignedTo?.id).map((s) => <option key={s.id} value={s.id}>{s.displayName}</option>)}
                </select>
              </label>
            )}
            {c.owner === 'staff' && <button type="button" onClick={() => void act('release', { to: 'bot' })}>{t('handBack')}</button>}
            {c.owner !== 'closed' && <button type="button" className="ghost" onClick={() => void act('release', { to: 'closed' })}>{t('close')}</button>}
          </div>
        </header>
        {(c.urgent || c.handoverReason !== null) && c.owner === 'staff' && (
          <div className={`banner ${c.urgent ? 'danger' : 'info'}`} role={c.urgent ? 'alert' : undefined}>
            <strong>{c.urgent ? t('urgentBanner') : t('handoverReason')}:</strong> {c.handoverReason === null ? '' : t(`handover.${c.handoverReason}`)}
            {view.handoverSummary !== null && view.handoverSummary !== allMessages.en[`handover.${c.handoverReason ?? ''}` as 'handover.red_flag'] && <span className="summary"> — {view.handoverSummary}</span>}
          </div>
        )}
        {view.optedOut && <div className="banner warn">{t('optedOut')}</div>}
        {error !== undefined && <p className="error" role="alert">{error}</p>}
        <ol className="timeline" ref={timelineRef} aria-live="polite">
          {items.map((item, i) =>
            item.kind === 'message' ? (
              <MessageBubble key={item.message.id} m={item.message} />
            ) : item.kind === 'note' ? (
              <li key={item.note.id} className="note">
                <span className="note-label">{t('internalNote')} · {item.note.author.displayName} · {time(item.at)}</span>
                <p>{highlightMentions(item.note.body)}</p>
              </li>
            ) : (
              <li key={`e${i}`} className="event">
                {(eventText[item.event.type] ?? item.event.type).replace('{name}', item.event.actorName ?? t('someone'))} · {time(item.at)}
              </li>
            ),
          )}
        </ol>
        <Composer view={view} onSent={() => { void load(); onChanged(); }} />
      </section>
      {showPatient && <PatientPanel patientId={c.patientId} refresh={changed.n} onClose={() => setShowPatient(false)} />}
    </>
  );
}

function time(iso: string): string {
  const d = new Date(iso);
  const locale = document.documentElement.lang || undefined;
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) : d.toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function highlightMentions(text: string) {
  return text.split(/(@[\p{L}\p{N}._-]+(?: [\p{Lu}][\p{L}]+)?)/u).map((part, i) => (part.startsWith('@') ? <mark key={i} className="mention">{part}</mark> : part));
}

function Ticks({ status }: { status: string }) {
  const { t } = useI18n();
  const label = t(`status.${status}`);
  const symbol = status === 'read' || status === 'delivered' ? '✓✓' : status === 'sent' || status === 'accepted' ? '✓' : status === 'failed' ? '!' : '·';
  return <span className={`ticks ticks-${status}`} title={label} aria-label={label}>{symbol}</span>;
}

function MessageBubble({ m }: { m: TimelineMessage }) {
  const { t } = useI18n();
  const who = m.sender === 'staff' && m.staffName !== null ? m.staffName : t(`sender.${m.sender}`);
  return (
    <li className={`msg ${m.direction} sender-${m.sender} ${m.status === 'failed' ? 'failed' : ''}`}>
      <div className="bubble">
        {m.direction === 'outbound' && <span className="sender">{who}</span>}
        {m.template !== null && (
          <div className="template">
            <span className="badge subtle">{t('template')}</span> <code>{m.template.name}</code> ({m.template.language})
            {m.template.params.length > 0 && <span className="params">{m.template.params.join(' · ')}</span>}
          </div>
        )}
        {m.media !== null && m.media.id !== null && m.media.state === 'stored' && m.media.mediaType === 'image' && (
          <a href={`/api/v1/media/${m.media.id}`} target="_blank" rel="noreferrer">
            <img className="media-image" src={`/api/v1/media/${m.media.id}`} alt={m.media.caption ?? t('photoFromPatient')} />
          </a>
        )}
        {m.media !== null && m.media.id !== null && m.media.state === 'stored' && m.media.mediaType !== 'image' && (
          <a className="media-link" href={`/api/v1/media/${m.media.id}`} target="_blank" rel="noreferrer">{t('openFile')}</a>
        )}
        {m.media !== null && (
          <div className="media">
            <span aria-hidden="true">{m.media.mediaType === 'image' ? '🖼' : m.media.mediaType === 'audio' ? '🎙' : m.media.mediaType === 'video' ? '🎞' : '📄'}</span>{' '}
            {m.media.filename ?? m.media.mediaType} {m.media.mimeType !== null && <span className="muted">({m.media.mimeType})</span>}
          </div>
        )}
        {m.text !== null && m.choiceTaken === null && <p className="text">{m.text}</p>}
        {m.choiceTaken !== null && <p className="text chosen"><span aria-hidden="true">☑ </span>{m.choiceTaken}</p>}
        {m.choices.length > 0 && (
          <ul className="choices" aria-label="Options offered">
            {m.choices.map((c) => <li key={c.id}>{c.title}</li>)}
          </ul>
        )}
        <span className="footer">
          {time(m.at)}
          {m.direction === 'outbound' && <Ticks status={m.status} />}
        </span>
        {m.failure !== null && <p className="failure" role="note">{t('notDelivered', { reason: m.failure.reason })}</p>}
      </div>
    </li>
  );
}
