import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { cannedReplySchema, noteSchema, replyResponseSchema, type CannedReply, type ConversationView } from '../../src/contracts/staff-api.ts';
import { ApiError, call } from './api.ts';
import { useI18n } from './i18n.ts';

export function Composer({ view, onSent }: { view: ConversationView; onSent(): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useState('');
  const [canned, setCanned] = useState<CannedReply[]>([]);
  const [picked, setPicked] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // The clinic's follow-up template (reopens the conversation) first, when there is one.
  const [purpose, setPurpose] = useState((view.templates.find((x) => x.purpose === 'follow_up') ?? view.templates[0])?.purpose ?? '');
  const [params, setParams] = useState<string[]>([]);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = view.conversation.id;
  const windowClosed = !view.replyWindow.open;
  const template = view.templates.find((x) => x.purpose === purpose);

  useEffect(() => {
    call(z.array(cannedReplySchema), 'GET', '/api/v1/canned-replies').then(setCanned, () => undefined);
  }, []);
  useEffect(() => {
    setParams((template?.params ?? []).map((label, i) => (i === 0 && /name/i.test(label) ? (view.conversation.patientName ?? '').split(' ')[0] ?? '' : '')));
  }, [purpose, template, view.conversation.patientName]);

  // "/" at the start opens the saved replies, filtered by what follows.
  const slash = mode === 'reply' && text.startsWith('/') && !text.includes('\n') ? text.slice(1).toLowerCase() : undefined;
  const matches = useMemo(() => (slash === undefined ? [] : canned.filter((c) => c.shortcut.includes(slash) || c.title.toLowerCase().includes(slash))), [slash, canned]);
  useEffect(() => setPicked(0), [slash]);

  const useCanned = (c: CannedReply) => {
    setText(c.body);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (slash !== undefined && matches.length > 0) {
      if (e.key === 'ArrowDown') { e.preventDefault(); setPicked((p) => (p + 1) % matches.length); return; }
      if (e.key === 'ArrowUp') { e.preventDefault(); setPicked((p) => (p - 1 + matches.length) % matches.length); return; }
      if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); const c = matches[picked]; if (c !== undefined) useCanned(c); return; }
    }
    if (slash !== undefined && e.key === 'Escape') { setText(''); return; }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void submit(); }
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '' || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'note') await call(noteSchema, 'POST', `/api/v1/inbox/conversations/${id}/notes`, { body: text });
      else await call(replyResponseSchema, 'POST', `/api/v1/inbox/conversations/${id}/messages`, { kind: 'text', text });
      setText('');
      onSent();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'reply_window_closed' ? t('windowClosed') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const sendTemplate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call(replyResponseSchema, 'POST', `/api/v1/inbox/conversations/${id}/messages`, { kind: 'template', purpose, params });
      onSent();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="composer">
      <div className="tabs" role="tablist" aria-label={t('reply')}>
        <button type="button" role="tab" aria-selected={mode === 'reply'} className={mode === 'reply' ? 'active' : ''} onClick={() => setMode('reply')}>{t('reply')}</button>
        <button type="button" role="tab" aria-selected={mode === 'note'} className={mode === 'note' ? 'active' : ''} onClick={() => setMode('note')}>{t('note')}</button>
        {mode === 'reply' && !windowClosed && view.replyWindow.closesAt !== null && (
          <span className="window-hint">{t('windowOpenUntil', { time: new Date(view.replyWindow.closesAt).toLocaleString(document.documentElement.lang || undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }) })}</span>
        )}
      </div>
      {mode === 'reply' && windowClosed ? (
        <form className="template-picker" onSubmit={sendTemplate} aria-label={t('sendTemplate')}>
          <p className="banner warn">{t('windowClosed')}</p>
          <div className="template-fields">
            <div className="field">
              <label htmlFor={`template-${id}`}>{t('chooseTemplate')}</label>
              <select id={`template-${id}`} value={purpose} onChange={(e) => setPurpose(e.target.value)}>
                {view.templates.map((x) => <option key={x.purpose} value={x.purpose}>{x.name} ({x.language})</option>)}
              </select>
            </div>
            {template?.params.map((label, i) => (
              <label key={`${purpose}-${i}`}>
                {label}
                <input required value={params[i] ?? ''} onChange={(e) => setParams((p) => p.map((v, j) => (j === i ? e.target.value : v)))} />
              </label>
            ))}
            <button type="submit" className="primary" disabled={busy || template === undefined}>{t('sendTemplate')}</button>
          </div>
          {error !== undefined && <p className="error" role="alert">{error}</p>}
        </form>
      ) : (
        <form onSubmit={submit} className={`compose-form ${mode}`}>
          {slash !== undefined && (
            <div className="canned-popover" role="listbox" aria-label={t('cannedReplies')}>
              {matches.length === 0 && <p className="muted">{t('noCanned')}</p>}
              {matches.map((c, i) => (
                <button type="button" role="option" aria-selected={i === picked} key={c.id} className={i === picked ? 'picked' : ''} onMouseDown={(e) => { e.preventDefault(); useCanned(c); }}>
                  <strong>/{c.shortcut}</strong> <span>{c.title}</span>
                  <span className="canned-body">{c.body}</span>
                </button>
              ))}
            </div>
          )}
          <label className="visually-hidden" htmlFor={`compose-${id}`}>{mode === 'reply' ? t('reply') : t('note')}</label>
          <textarea id={`compose-${id}`} ref={input} rows={3} value={text} placeholder={mode === 'reply' ? t('replyPlaceholder') : t('notePlaceholder')} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
          <div className="compose-actions">
            {error !== undefined && <p className="error" role="alert">{error}</p>}
            <button type="submit" className={mode === 'reply' ? 'primary' : 'note-button'} disabled={busy || text.trim() === ''}>{mode === 'reply' ? t('send') : t('addNote')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
