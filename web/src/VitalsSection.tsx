import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { observationListSchema, type Observation, type ObservationList, type VitalTargetKey, type VitalTargetsOut } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { isClinical } from './me.ts';
import { errorText, formatShort, type PanelSectionProps } from './panel-section.ts';
import { VitalsChart, type ChartSeries } from './VitalsChart.tsx';

const KINDS = ['blood_pressure', 'glucose', 'weight', 'pulse', 'spo2', 'temperature'] as const;
const TARGET_KEYS: Record<string, VitalTargetKey[]> = {
  blood_pressure: ['systolic', 'diastolic'],
  glucose: ['glucoseFasting', 'glucoseAfterMeal', 'glucoseOther'],
  weight: ['weight'],
  pulse: ['pulse'],
  spo2: ['spo2'],
  temperature: ['temperature'],
};
const UNITS: Record<string, string> = { blood_pressure: 'mmHg', glucose: 'mg/dL', weight: 'kg', pulse: '/min', spo2: '%', temperature: '°C' };
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

/** The value(s) of a reading in the chart's unit (glucose in mg/dL). */
function valuesOf(o: Observation): { main: number; second?: number } | undefined {
  if (o.kind === 'blood_pressure') {
    const part = (code: string) => o.resource.component?.find((c) => c.code.coding.some((x) => x.code === code))?.valueQuantity.value;
    const sys = part(SYSTOLIC);
    const dia = part(DIASTOLIC);
    return sys === undefined || dia === undefined ? undefined : { main: sys, second: dia };
  }
  const q = o.resource.valueQuantity;
  if (q === undefined) return undefined;
  if (o.kind === 'glucose' && /mmol/i.test(q.unit)) return { main: Math.round(q.value * 18.016) };
  return { main: q.value };
}

const show = (o: Observation) => {
  const v = valuesOf(o);
  if (v === undefined) return '—';
  return v.second === undefined ? `${v.main} ${UNITS[o.kind] ?? ''}` : `${v.main}/${v.second} ${UNITS[o.kind] ?? ''}`;
};

/**
 * Home measurements (clinicians and admins): a chart per kind with the patient's target band,
 * the latest readings as a table, and the targets (editable by clinicians and admins).
 */
export function VitalsSection({ patient, role, refresh }: PanelSectionProps) {
  const { t } = useI18n();
  const [data, setData] = useState<ObservationList | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [saved, setSaved] = useState(0);
  const allowed = isClinical(role);
  useEffect(() => {
    if (!allowed) return;
    call(observationListSchema, 'GET', `/api/v1/patients/${patient.id}/observations`).then(setData, () => undefined);
  }, [allowed, patient.id, refresh, saved]);
  const kinds = useMemo(() => KINDS.filter((k) => data?.observations.some((o) => o.kind === k)), [data]);
  const current = kind !== undefined && kinds.includes(kind as (typeof KINDS)[number]) ? kind : kinds[0];
  if (!allowed || data === undefined) return null;
  const headingId = `vitals-${patient.id}`;
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('vitals')}</h3>
      {kinds.length === 0 ? (
        <p className="muted small">{t('noReadings')}</p>
      ) : (
        <>
          <div className="kind-tabs" role="group" aria-label={t('vitals')}>
            {kinds.map((k) => (
              <button key={k} type="button" aria-pressed={k === current} className={k === current ? 'active' : ''} onClick={() => setKind(k)}>
                {t(`vital.${k}`)}
              </button>
            ))}
          </div>
          {current !== undefined && <KindView kind={current} data={data} />}
        </>
      )}
      {current !== undefined && <TargetsEditor patientId={patient.id} kind={current} targets={data.targets} onSaved={() => setSaved((n) => n + 1)} />}
    </section>
  );
}

function KindView({ kind, data }: { kind: string; data: ObservationList }) {
  const { t } = useI18n();
  const readings = data.observations.filter((o) => o.kind === kind).sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt)).slice(-30);
  const points = readings.flatMap((o) => {
    const v = valuesOf(o);
    return v === undefined ? [] : [{ at: Date.parse(o.effectiveAt), o, v }];
  });
  const bandOf = (key: VitalTargetKey | undefined) => (key === undefined ? undefined : data.targets[key]);
  const series: ChartSeries[] = [
    { label: kind === 'blood_pressure' ? t('systolic') : t(`vital.${kind}`), points: points.map((p) => ({ at: p.at, value: p.v.main, flag: p.o.interpretation })), band: bandOf(kind === 'blood_pressure' ? 'systolic' : kind === 'glucose' ? (data.targets.glucoseOther !== undefined ? 'glucoseOther' : 'glucoseFasting') : (kind as VitalTargetKey)) },
    ...(kind === 'blood_pressure' ? [{ label: t('diastolic'), points: points.flatMap((p) => (p.v.second === undefined ? [] : [{ at: p.at, value: p.v.second, flag: p.o.interpretation }])), band: bandOf('diastolic') }] : []),
  ];
  const latest = [...readings].reverse();
  const outside = readings.filter((o) => o.interpretation !== 'in_range').length;
  const summary = t('chartSummary', { kind: t(`vital.${kind}`), n: readings.length, latest: latest[0] === undefined ? '—' : show(latest[0]), outside });
  return (
    <div className="vitals-kind">
      <VitalsChart series={series} unit={UNITS[kind] ?? ''} title={summary} />
      <table className="readings">
        <caption className="visually-hidden">{t('latestReadings')}</caption>
        <thead>
          <tr><th scope="col">{t('when')}</th><th scope="col">{t('value')}</th><th scope="col"><span className="visually-hidden">{t('status')}</span></th></tr>
        </thead>
        <tbody>
          {latest.slice(0, 5).map((o) => (
            <tr key={o.id} className={`reading-${o.interpretation}`}>
              <td>{formatShort(o.effectiveAt)}</td>
              <td className="num">{show(o)}</td>
              <td>{o.interpretation === 'in_range' ? <span className="muted small">{t('inRange')}</span> : <span className={`badge ${o.interpretation === 'danger' ? 'danger' : 'warn'}`} title={t(`interpretation.${o.interpretation}`)}>{t(`interpretationShort.${o.interpretation}`)}<span className="visually-hidden"> ({t(`interpretation.${o.interpretation}`)})</span></span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {latest.length > 5 && <p className="muted small">{t('moreReadings', { n: latest.length - 5 })}</p>}
    </div>
  );
}

const numberOrUndefined = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s));

function TargetsEditor({ patientId, kind, targets, onSaved }: { patientId: string; kind: string; targets: VitalTargetsOut; onSaved(): void }) {
  const { t } = useI18n();
  const keys = TARGET_KEYS[kind] ?? [];
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Record<string, { low: string; high: string }>>({});
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setForm(Object.fromEntries(keys.map((k) => [k, { low: targets[k]?.low?.toString() ?? '', high: targets[k]?.high?.toString() ?? '' }])));
  }, [kind, targets]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = Object.entries(targets).filter(([key]) => keys.includes(key as VitalTargetKey));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const next: Record<string, { low?: number; high?: number }> = { ...targets };
    for (const key of keys) {
      const low = numberOrUndefined(form[key]?.low ?? '');
      const high = numberOrUndefined(form[key]?.high ?? '');
      if (low !== undefined && high !== undefined && low >= high) return setError(t('targetLowHigh'));
      if (low === undefined && high === undefined) delete next[key];
      else next[key] = { ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
    }
    try {
      await call(z.unknown(), 'PUT', `/api/v1/patients/${patientId}/vital-targets`, next);
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div className="targets">
      <h4>{t('targets')}</h4>
      {set.length === 0 ? (
        <p className="muted small">{t('noTargets')}</p>
      ) : (
        <ul className="target-list">
          {set.map(([key, range]) => (
            <li key={key}>{t(`target.${key}`)}: {range?.low ?? '…'}–{range?.high ?? '…'} {UNITS[kind]}</li>
          ))}
        </ul>
      )}
      {!open ? (
        <button type="button" className="small-button" onClick={() => setOpen(true)}>{t('editTargets')}</button>
      ) : (
        <form className="targets-form" onSubmit={(e) => void save(e)} aria-label={t('targets')}>
          {keys.map((key) => (
            <fieldset key={key}>
              <legend>{t(`target.${key}`)} ({UNITS[kind]})</legend>
              <label>{t('low')}<input inputMode="decimal" value={form[key]?.low ?? ''} onChange={(e) => setForm({ ...form, [key]: { low: e.target.value, high: form[key]?.high ?? '' } })} /></label>
              <label>{t('high')}<input inputMode="decimal" value={form[key]?.high ?? ''} onChange={(e) => setForm({ ...form, [key]: { low: form[key]?.low ?? '', high: e.target.value } })} /></label>
            </fieldset>
          ))}
          {error !== undefined && <p className="error" role="alert">{error}</p>}
          <div className="row-actions start">
            <button type="submit" className="primary">{t('save')}</button>
            <button type="button" className="ghost" onClick={() => setOpen(false)}>{t('cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
