import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { feedbackFollowUpListSchema, type FeedbackFollowUpView } from '../../src/contracts/care-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';

/** Unhappy visit feedback (1–2 stars or a negative comment): call the patient back, then mark it done. */
export function FeedbackFollowUps({ onOpenPatient }: { onOpenPatient(id: string): void }) {
  const { t } = useI18n();
  const [tasks, setTasks] = useState<FeedbackFollowUpView[] | undefined>();
  const load = useCallback(() => {
    call(feedbackFollowUpListSchema, 'GET', '/api/v1/feedback/follow-ups').then(setTasks, () => setTasks([]));
  }, []);
  useEffect(load, [load]);
  if (tasks === undefined || tasks.length === 0) return null;
  const done = async (alertId: string) => {
    await call(z.unknown(), 'POST', `/api/v1/feedback/follow-ups/${alertId}/done`, {}).catch(() => undefined);
    load();
  };
  return (
    <section className="care-section feedback-follow-ups" aria-label={t('feedbackFollowUps')}>
      <h2>{t('feedbackFollowUps')} <span className="badge danger">{tasks.length}</span></h2>
      <ul className="care-list">
        {tasks.map((task) => (
          <li key={task.alertId} className="care-item">
            <div>
              <strong aria-label={t('ratingOutOfFive', { n: task.rating })}>{'★'.repeat(task.rating)}{'☆'.repeat(5 - task.rating)}</strong>{' '}
              <button type="button" className="link" onClick={() => onOpenPatient(task.patientId)}>{task.patientName ?? t('unknownPatient')}</button>
              {task.sentiment === 'negative' && <span className="badge danger">{t('negativeComment')}</span>}
              {task.comment !== null && <p className="quote">“{task.comment}”</p>}
            </div>
            <div className="care-actions">
              <button type="button" onClick={() => void done(task.alertId)}>{t('followUpDone')}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
