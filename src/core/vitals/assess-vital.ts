import type { GlucoseContext, VitalKind, VitalReading } from './parse-vitals.ts';

/**
 * How a home measurement compares with what a clinician expects. `danger` means the emergency
 * advice goes out at once (and staff are alerted); `out_of_range` alerts staff; `in_range` is
 * stored quietly. Danger limits are fixed (below); target ranges are the clinician's per patient,
 * with general adult defaults otherwise. Sources, in docs/clinical-safety.md:
 * - glucose below 54 mg/dL (3.0 mmol/L) is level-2 hypoglycaemia; above 400 mg/dL (22.2 mmol/L)
 *   needs same-day care for hyperglycaemic crisis (ADA Standards of Care 2024, section 6);
 * - 180/120 mmHg or higher is a hypertensive crisis (ACC/AHA 2017 guideline);
 * - SpO2 below 90 % (BTS 2017 oxygen guideline; NEWS2 scores ≤ 91 % highest);
 * - temperature 40 °C or higher, or 35 °C or lower; pulse below 40 or above 140 at rest
 *   (NEWS2 highest-score bands).
 */
export interface TargetRange {
  low?: number;
  high?: number;
}

/** Per-patient targets set by a clinician, in mg/dL, mmHg, kg, °C, /min and %. */
export type VitalTargets = Partial<{
  glucoseFasting: TargetRange;
  glucoseAfterMeal: TargetRange;
  glucoseOther: TargetRange;
  systolic: TargetRange;
  diastolic: TargetRange;
  weight: TargetRange;
  temperature: TargetRange;
  pulse: TargetRange;
  spo2: TargetRange;
}>;

export const DEFAULT_TARGETS: Required<Omit<VitalTargets, 'weight'>> = {
  glucoseFasting: { low: 80, high: 130 },
  glucoseAfterMeal: { low: 70, high: 180 },
  glucoseOther: { low: 70, high: 180 },
  systolic: { low: 90, high: 139 },
  diastolic: { low: 60, high: 89 },
  temperature: { low: 36, high: 37.9 },
  pulse: { low: 50, high: 100 },
  spo2: { low: 94, high: 100 },
};

export interface VitalAssessment {
  level: 'danger' | 'out_of_range' | 'in_range';
  /** Which limit, for staff: e.g. "glucose 45 mg/dL below 54". Never shown as a diagnosis. */
  reason?: string;
}

export const MMOL_PER_MG_DL_GLUCOSE = 1 / 18.016;

export function assessVital(reading: VitalReading, targets: VitalTargets = {}): VitalAssessment {
  switch (reading.kind) {
    case 'glucose': {
      const mgDl = reading.unit === 'mmol/L' ? reading.value / MMOL_PER_MG_DL_GLUCOSE : reading.value;
      if (mgDl < 54) return danger(`glucose ${show(reading.value)} ${reading.unit} below 54 mg/dL`);
      if (mgDl > 400) return danger(`glucose ${show(reading.value)} ${reading.unit} above 400 mg/dL`);
      return inTarget('glucose', mgDl, glucoseTarget(reading.context, targets), `${show(reading.value)} ${reading.unit}`);
    }
    case 'blood_pressure': {
      if (reading.systolic >= 180 || reading.diastolic >= 120) return danger(`blood pressure ${reading.systolic}/${reading.diastolic} at or above 180/120`);
      if (reading.systolic < 80) return danger(`systolic ${reading.systolic} below 80`);
      const systolic = inTarget('systolic', reading.systolic, targets.systolic ?? DEFAULT_TARGETS.systolic, String(reading.systolic));
      return systolic.level !== 'in_range' ? systolic : inTarget('diastolic', reading.diastolic, targets.diastolic ?? DEFAULT_TARGETS.diastolic, String(reading.diastolic));
    }
    case 'temperature': {
      const celsius = reading.unit === '[degF]' ? ((reading.value - 32) * 5) / 9 : reading.value;
      if (celsius >= 40) return danger(`temperature ${show(reading.value)} at or above 40 °C`);
      if (celsius <= 35) return danger(`temperature ${show(reading.value)} at or below 35 °C`);
      return inTarget('temperature', celsius, targets.temperature ?? DEFAULT_TARGETS.temperature, show(reading.value));
    }
    case 'pulse':
      if (reading.value < 40 || reading.value > 140) return danger(`pulse ${reading.value} outside 40–140`);
      return inTarget('pulse', reading.value, targets.pulse ?? DEFAULT_TARGETS.pulse, String(reading.value));
    case 'spo2':
      if (reading.value < 90) return danger(`SpO2 ${reading.value} % below 90 %`);
      return inTarget('spo2', reading.value, targets.spo2 ?? DEFAULT_TARGETS.spo2, `${reading.value} %`);
    case 'weight': {
      const kg = reading.unit === '[lb_av]' ? reading.value * 0.45359237 : reading.value;
      return targets.weight === undefined ? { level: 'in_range' } : inTarget('weight', kg, targets.weight, show(reading.value));
    }
  }
}

function glucoseTarget(context: GlucoseContext | undefined, targets: VitalTargets): TargetRange {
  if (context === 'fasting' || context === 'before_meal') return targets.glucoseFasting ?? DEFAULT_TARGETS.glucoseFasting;
  if (context === 'after_meal') return targets.glucoseAfterMeal ?? DEFAULT_TARGETS.glucoseAfterMeal;
  return targets.glucoseOther ?? DEFAULT_TARGETS.glucoseOther;
}

function inTarget(what: VitalKind | 'systolic' | 'diastolic', value: number, range: TargetRange, shown: string): VitalAssessment {
  if (range.low !== undefined && value < range.low) return { level: 'out_of_range', reason: `${what} ${shown} below the target ${range.low}` };
  if (range.high !== undefined && value > range.high) return { level: 'out_of_range', reason: `${what} ${shown} above the target ${range.high}` };
  return { level: 'in_range' };
}

function danger(reason: string): VitalAssessment {
  return { level: 'danger', reason };
}

function show(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
