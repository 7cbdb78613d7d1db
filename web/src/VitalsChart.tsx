/**
 * A small line chart of home measurements as plain SVG: one or two series over time, the
 * target range as a shaded band, readings outside it marked. Plain SVG on purpose: the canvas
 * chart libraries are invisible to screen readers and the accessible ones are heavy for one
 * sparkline; here the chart is an image with a text summary (role="img"), and the readings
 * are also in a real table beside it. Target limits are dashed lines (a band when both are set).
 */
import { useId } from 'react';

export interface ChartSeries {
  label: string;
  points: Array<{ at: number; value: number; flag: 'danger' | 'out_of_range' | 'in_range' }>;
  band?: { low?: number | undefined; high?: number | undefined } | undefined;
}

const W = 264;
const H = 132;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };
const COLORS = ['#0f766e', '#6d5bd0'];
const locale = () => document.documentElement.lang || undefined;

export function VitalsChart({ series, unit, title }: { series: ChartSeries[]; unit: string; title: string }) {
  const id = useId();
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const bandValues = series.flatMap((s) => [s.band?.low, s.band?.high]).filter((v): v is number => v !== undefined);
  let lo = Math.min(...all.map((p) => p.value), ...bandValues);
  let hi = Math.max(...all.map((p) => p.value), ...bandValues);
  if (hi - lo < 1) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const t0 = Math.min(...all.map((p) => p.at));
  const t1 = Math.max(...all.map((p) => p.at));
  const x = (at: number) => PAD.left + (t1 === t0 ? (W - PAD.left - PAD.right) / 2 : ((at - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const day = (at: number) => new Date(at).toLocaleDateString(locale(), { day: 'numeric', month: 'short' });
  const round = (v: number) => (Math.abs(hi - lo) < 10 ? v.toFixed(1) : Math.round(v).toString());
  return (
    <figure className="vitals-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} width="100%" preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{title}</title>
        {series.map((s, i) => {
          const band = s.band;
          if (band === undefined || (band.low === undefined && band.high === undefined)) return null;
          const color = COLORS[i] ?? COLORS[0];
          return (
            <g key={`band-${s.label}`}>
              {band.low !== undefined && band.high !== undefined && <rect x={PAD.left} width={W - PAD.left - PAD.right} y={y(band.high)} height={Math.max(0, y(band.low) - y(band.high))} fill={color} opacity={0.08} />}
              {[band.low, band.high].map((limit) =>
                limit === undefined ? null : (
                  <g key={`limit-${limit}`}>
                    <line x1={PAD.left} x2={W - PAD.right} y1={y(limit)} y2={y(limit)} stroke={color} strokeDasharray="4 3" strokeWidth={1} opacity={0.7} />
                    <text x={W - PAD.right - 2} y={y(limit) - 3} textAnchor="end" className="axis limit" fill={color}>{limit}</text>
                  </g>
                ),
              )}
            </g>
          );
        })}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#cfd4db" />
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#cfd4db" />
        <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" className="axis">{round(hi)}</text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="axis">{round(lo)}</text>
        <text x={PAD.left} y={H - 6} className="axis">{day(t0)}</text>
        {t1 !== t0 && <text x={W - PAD.right} y={H - 6} textAnchor="end" className="axis">{day(t1)}</text>}
        {series.map((s, i) => (
          <g key={s.label} stroke={COLORS[i] ?? COLORS[0]} fill={COLORS[i] ?? COLORS[0]}>
            {s.points.length > 1 && <polyline fill="none" strokeWidth={1.8} strokeLinejoin="round" points={s.points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} />}
            {s.points.map((p) => (
              <circle key={`${s.label}-${p.at}`} cx={x(p.at)} cy={y(p.value)} r={p.flag === 'in_range' ? 2.6 : 3.6} fill={p.flag === 'danger' ? '#b42318' : p.flag === 'out_of_range' ? '#c27803' : (COLORS[i] ?? COLORS[0])} stroke="white" strokeWidth={1} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend" aria-hidden="true">
        {series.map((s, i) => (
          <span key={s.label}><span className="swatch" style={{ background: COLORS[i] ?? COLORS[0] }} />{s.label}</span>
        ))}
        <span className="muted">{unit}</span>
      </figcaption>
    </figure>
  );
}
