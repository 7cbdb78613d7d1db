import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { documentCategories, patientDocumentListSchema, type PatientDocumentView } from '../../src/contracts/care-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';

/** The patient panel's documents (insurance card, referral, reports…): open (audited) and correct the category. */
export function DocumentsSection({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const [documents, setDocuments] = useState<PatientDocumentView[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    call(patientDocumentListSchema, 'GET', `/api/v1/patients/${patientId}/documents`).then(setDocuments, () => setDocuments([]));
  }, [patientId]);
  useEffect(load, [load]);
  const categorize = async (id: string, category: string) => {
    setError(undefined);
    try {
      await call(z.unknown(), 'PATCH', `/api/v1/documents/${id}`, { category });
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const locale = document.documentElement.lang || undefined;
  return (
    <section className="care-section" aria-label={t('documents')}>
      <h3>{t('documents')}</h3>
      {documents !== undefined && documents.length === 0 && <p className="muted">{t('noDocuments')}</p>}
      <ul className="care-list">
        {documents?.map((d) => (
          <li key={d.id} className="care-item">
            <div>
              <strong>{d.category === null ? t('documentUncategorized') : t(`documentCategory.${d.category}`)}</strong>
              {d.caption !== null && <span className="muted"> · {d.caption}</span>}
              <div className="muted small">{new Date(d.createdAt).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} · {d.mimeType}</div>
            </div>
            <div className="care-actions">
              <label className="visually-hidden" htmlFor={`doc-category-${d.id}`}>{t('documentCategoryLabel')}</label>
              <select id={`doc-category-${d.id}`} value={d.category ?? ''} onChange={(e) => void categorize(d.id, e.target.value)}>
                {d.category === null && <option value="">{t('documentUncategorized')}</option>}
                {documentCategories.map((c) => <option key={c} value={c}>{t(`documentCategory.${c}`)}</option>)}
              </select>
              {d.state === 'stored' ? (
                <a href={`/api/v1/documents/${d.id}/content`} target="_blank" rel="noopener noreferrer">{t('openFile')}</a>
              ) : (
                <span className="muted small">{t('documentNotAvailable')}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
    </section>
  );
}

