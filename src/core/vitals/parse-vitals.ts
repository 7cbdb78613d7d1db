/**
 * Reads home measurements out of a patient's free text: "sugar 145 before breakfast",
 * "bp 140/90", "Blutzucker 7,8", "fiebre 39,2", "SpO2 93 %". Pure; no I/O. Words are known in
 * English, German and Spanish, and the common ones in French and Portuguese. A number counts
 * only next to a word or unit that says what it measures; a value no human could have is
 * reported as implausible instead of stored.
 */

export type VitalKind = 'glucose' | 'blood_pressure' | 'weight' | 'temperature' | 'pulse' | 'spo2';
export type GlucoseContext = 'fasting' | 'before_meal' | 'after_meal' | 'bedtime';

/** UCUM unit codes, as FHIR Observations carry them. */
export type VitalUnit = 'mg/dL' | 'mmol/L' | 'mm[Hg]' | 'kg' | '[lb_av]' | 'Cel' | '[degF]' | '/min' | '%';

export type VitalReading =
  | { kind: 'glucose'; value: number; unit: 'mg/dL' | 'mmol/L'; context?: GlucoseContext }
  | { kind: 'blood_pressure'; systolic: number; diastolic: number; unit: 'mm[Hg]' }
  | { kind: 'weight'; value: number; unit: 'kg' | '[lb_av]' }
  | { kind: 'temperature'; value: number; unit: 'Cel' | '[degF]' }
  | { kind: 'pulse'; value: number; unit: '/min' }
  | { kind: 'spo2'; value: number; unit: '%' };

export interface ImplausibleValue {
  kind: VitalKind;
  text: string;
  reason: string;
}

export interface ParsedVitals {
  readings: VitalReading[];
  implausible: ImplausibleValue[];
}

const KEYWORDS: Record<VitalKind, readonly string[]> = {
  glucose: [
    'blood sugar', 'blood glucose', 'sugar', 'sugars', 'glucose', 'bg', 'bs', 'cbg', 'fbs',
    'blutzucker', 'zucker', 'bz', 'zuckerwert', 'glukose',
    'glucosa', 'glucemia', 'glicemia', 'azucar', 'nivel de azucar',
    'glycemie', 'sucre', 'glicose', 'acucar', 'glicemia capilar',
  ],
  blood_pressure: [
    'blood pressure', 'bp', 'b/p', 'pressure', 'blutdruck', 'rr', 'druck',
    'presion arterial', 'presion', 'tension arterial', 'tension',
    'pression arterielle', 'pression', 'pressao arterial', 'pressao',
  ],
  weight: ['weight', 'weigh', 'weighed', 'gewicht', 'wiege', 'peso', 'peso corporal', 'pesaba', 'peso hoy', 'poids', 'pese', 'pesei'],
  temperature: ['temperature', 'temp', 'fever', 'temperatur', 'fieber', 'temperatura', 'fiebre', 'calentura', 'temperature corporelle', 'fievre', 'febre'],
  pulse: ['pulse', 'heart rate', 'hr', 'heartrate', 'puls', 'herzfrequenz', 'pulso', 'frecuencia cardiaca', 'fc', 'pouls', 'frequence cardiaque', 'batimentos', 'frequencia cardiaca'],
  spo2: ['spo2', 'sp02', 'o2', 'oxygen', 'oxygen saturation', 'sats', 'sat', 'saturation', 'sauerstoff', 'sattigung', 'sauerstoffsattigung', 'saturacion', 'oxigeno', 'oxygene', 'saturacao', 'oxigenio'],
};

const GLUCOSE_CONTEXT: ReadonlyArray<[GlucoseContext, RegExp]> = [
  ['fasting', /\b(fasting|fasted|before breakfast|on waking|when i woke|morning fasting|nuchtern|vor dem fruhstuck|en ayunas|ayunas|antes del desayuno|a jeun|avant le petit dejeuner|em jejum|jejum|antes do cafe)\b/],
  ['after_meal', /\b(after (?:a |the )?(?:meal|breakfast|lunch|dinner|eating|food)|post ?meal|postprandial|2 ?h(?:ours?)? after|nach dem (?:essen|fruhstuck|mittagessen|abendessen)|despues de (?:comer|la comida|desayunar|cenar)|apres (?:le )?(?:repas|manger)|depois (?:de comer|do almoco|da refeicao))\b/],
  ['before_meal', /\b(before (?:a |the )?(?:meal|lunch|dinner|eating)|pre ?meal|vor dem (?:essen|mittagessen|abendessen)|antes de (?:comer|la comida|cenar)|avant (?:le )?(?:repas|manger)|antes (?:de comer|do almoco|da refeicao))\b/],
  ['bedtime', /\b(bedtime|before bed|at night before sleep|vor dem schlafen|antes de dormir|au coucher|ao deitar)\b/],
];

/** Values outside these limits are not measurements (a typo, a date, another number). */
const PLAUSIBLE = {
  glucoseMgDl: [10, 1000],
  glucoseMmol: [0.6, 55],
  systolic: [50, 300],
  diastolic: [20, 200],
  weightKg: [1, 400],
  weightLb: [2, 900],
  tempC: [30, 45],
  tempF: [86, 113],
  pulse: [20, 250],
  spo2: [50, 100],
} as const;

const NUMBER = String.raw`(\d{1,4}(?:[.,]\d{1,2})?)`;
const BP = new RegExp(String.raw`(?<![\d.,/])(\d{2,3})\s*(?:/|\\|-|over|zu|sobre|por|sur|x|auf)\s*(\d{2,3})(?![\d/]|[.,]\d)(?:\s*(?:mm\s*hg|mmhg))?`, 'g');
/** Numbers that count time, not a measurement ("2 hours after lunch", "at 8 am", "3x"). */
const NOT_A_MEASUREMENT = String.raw`(?!\s*(?:h|hr|hrs|hours?|std|stunden?|horas?|heures?|min|mins|minutes?|minuten|minutos|days?|tagen?|tage|dias?|jours?|uhr|am|pm|weeks?|wochen|semanas?|semaines?|months?|monate?|meses|mois|years?|jahren?|anos?|ans|x|st|nd|rd|th)(?![a-z]))`;
const NEXT_MEASUREMENT = new RegExp(String.raw`\d+(?:[.,]\d+)?${NOT_A_MEASUREMENT}(?!\d)`);
const VALUE = new RegExp(
  String.raw`(?<![\d.,/:])${NUMBER}(?![\d:/]|[.,]\d)${NOT_A_MEASUREMENT}\s*(mg\s*/\s*dl|mgdl|mg|g\s*/\s*l|mmol\s*/\s*l|mmol|kgs?|kilos?|kilogramm|lbs?|pounds?|°\s*c|°\s*f|°|grad|degrees?\s*[cf]?|celsius|fahrenheit|c|f|bpm|beats?|schlage|latidos|/\s*min|%|percent|prozent|por ?ciento|pour ?cent|por ?cento)?(?![a-z])`,
  'g',
);

type Hit = { kind: VitalKind; start: number; end: number };

const KEYWORD_PATTERNS = (Object.entries(KEYWORDS) as Array<[VitalKind, readonly string[]]>).map(
  ([kind, words]) => [kind, new RegExp(String.raw`(?<![a-z0-9])(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![a-z])`, 'g')] as const,
);

export function parseVitals(text: string): ParsedVitals {
  const t = fold(text);
  const keywords = findKeywords(t);
  const readings: VitalReading[] = [];
  const implausible: ImplausibleValue[] = [];
  const used: Array<[number, number]> = [];

  // Blood pressure: two numbers with a separator, next to a pressure word or on their own.
  for (const match of t.matchAll(BP)) {
    const start = match.index;
    const near = nearestKeyword(keywords, start, start + match[0].length);
    if (near !== undefined && near.kind !== 'blood_pressure') continue;
    const systolic = Number(match[1]);
    const diastolic = Number(match[2]);
    used.push([start, start + match[0].length]);
    if (!within(systolic, PLAUSIBLE.systolic) || !within(diastolic, PLAUSIBLE.diastolic) || diastolic >= systolic) {
      // Without a pressure word, "12/05" is more likely a date than a reading: not worth a mention.
      if (near !== undefined) implausible.push({ kind: 'blood_pressure', text: match[0].trim(), reason: 'not a possible blood pressure' });
      continue;
    }
    readings.push({ kind: 'blood_pressure', systolic, diastolic, unit: 'mm[Hg]' });
  }

  for (const match of t.matchAll(VALUE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (used.some(([a, b]) => start < b && end > a)) continue;
    const value = Number(match[1]!.replace(',', '.'));
    const unit = match[2]?.replace(/\s+/g, '');
    const kind = kindOfUnit(unit) ?? nearestKeyword(keywords, start, end)?.kind;
    if (kind === undefined || kind === 'blood_pressure') continue;
    const reading = toReading(kind, value, unit, contextAround(t, start, end));
    if (reading === undefined) {
      implausible.push({ kind, text: match[0].trim(), reason: `not a possible ${kind.replace('_', ' ')} value` });
      continue;
    }
    // One reading of a kind per message unless the patient names it again ("sugar 110 … sugar 180").
    readings.push(reading);
  }
  return { readings, implausible };
}

/** The words that belong to the number at [start, end): up to the next number, else back to the previous one. */
function contextAround(t: string, start: number, end: number): string {
  const next = t.slice(end).search(NEXT_MEASUREMENT);
  const after = t.slice(end, next < 0 ? t.length : end + next);
  const before = t.slice(0, start);
  const previous = before.search(/\d[^\d]*$/);
  return `${after} | ${previous < 0 ? before : before.slice(previous + 1)}`;
}

function toReading(kind: Exclude<VitalKind, 'blood_pressure'>, value: number, unit: string | undefined, t: string): VitalReading | undefined {
  switch (kind) {
    case 'glucose': {
      // g/L (France, Belgium) becomes mg/dL. Without a unit, a value under 2.5 could be g/L or
      // mmol/L (1.26 g/L is normal, 1.26 mmol/L is an emergency): never guessed.
      if (unit === 'g/l') value = Math.round(value * 100);
      else if (unit === undefined && value < 2.5) return undefined;
      const mmol = unit?.startsWith('mmol') === true || (unit === undefined && value <= 35);
      if (!within(value, mmol ? PLAUSIBLE.glucoseMmol : PLAUSIBLE.glucoseMgDl)) return undefined;
      // The words after the number first ("145 before breakfast"), then those before it ("nüchtern 110").
      const [after = '', before = ''] = t.split(' | ');
      const context = (GLUCOSE_CONTEXT.find(([, pattern]) => pattern.test(after)) ?? GLUCOSE_CONTEXT.find(([, pattern]) => pattern.test(before)))?.[0];
      return { kind, value, unit: mmol ? 'mmol/L' : 'mg/dL', ...(context === undefined ? {} : { context }) };
    }
    case 'weight': {
      const pounds = unit !== undefined && /^(lbs?|pounds?)$/.test(unit);
      if (!within(value, pounds ? PLAUSIBLE.weightLb : PLAUSIBLE.weightKg)) return undefined;
      return { kind, value, unit: pounds ? '[lb_av]' : 'kg' };
    }
    case 'temperature': {
      const fahrenheit = unit !== undefined && /^(°f|f|fahrenheit|degreesf|degreef)$/.test(unit) ? true : unit !== undefined && /^(°c|c|celsius|degreesc|degreec)$/.test(unit) ? false : value >= 86;
      if (!within(value, fahrenheit ? PLAUSIBLE.tempF : PLAUSIBLE.tempC)) return undefined;
      return { kind, value, unit: fahrenheit ? '[degF]' : 'Cel' };
    }
    case 'pulse':
      return within(value, PLAUSIBLE.pulse) && Number.isInteger(value) ? { kind, value, unit: '/min' } : undefined;
    case 'spo2':
      return within(value, PLAUSIBLE.spo2) ? { kind, value, unit: '%' } : undefined;
  }
}

function kindOfUnit(unit: string | undefined): Exclude<VitalKind, 'blood_pressure'> | undefined {
  if (unit === undefined) return undefined;
  if (/^(mg\/dl|mgdl|g\/l|mmol\/l|mmol)$/.test(unit)) return 'glucose';
  if (/^(kgs?|kilos?|kilogramm|lbs?|pounds?)$/.test(unit)) return 'weight';
  if (/^(°c|°f|°|celsius|fahrenheit|c|f)$/.test(unit)) return 'temperature';
  if (/^(bpm|beats?|schlage|latidos|\/min)$/.test(unit)) return 'pulse';
  return undefined; // "%", "mg", "grad", "degrees": the word next to it decides
}

/** The keyword closest to a number, before it (preferred) or right after it, in the same clause. */
function nearestKeyword(keywords: readonly Hit[], start: number, end: number): Hit | undefined {
  const before = keywords.filter((k) => k.end <= start && start - k.end <= 40).at(-1);
  const after = keywords.find((k) => k.start >= end && k.start - end <= 12);
  if (before !== undefined && after !== undefined) {
    // "140/90 bp 72 pulse" style: a keyword right after wins when the one before belongs to an earlier value.
    return start - before.end <= after.start - end + 8 ? before : after;
  }
  return before ?? after;
}

function findKeywords(t: string): Hit[] {
  const hits: Hit[] = [];
  for (const [kind, pattern] of KEYWORD_PATTERNS) {
    for (const match of t.matchAll(pattern)) hits.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  // Longest match wins where two overlap ("blood pressure" over "pressure").
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((hit, i) => !hits.slice(0, i).some((h) => h.start <= hit.start && h.end >= hit.end && h !== hit));
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/º/g, '°');
}

function within(value: number, [low, high]: readonly [number, number]): boolean {
  return Number.isFinite(value) && value >= low && value <= high;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
}
