/**
 * Numbers a patient writes that the triage rules need: age, how long, temperature. Reads
 * normalized text (src/core/safety/normalize-text.ts) in en, es, de (and common fr, pt forms).
 * Pure; unknown stays undefined.
 */

const numberWords: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, couple: 2, few: 3, several: 3,
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, unos: 3, unas: 3, varios: 3, varias: 3,
  ein: 1, eine: 1, einer: 1, einem: 1, einen: 1, zwei: 2, drei: 3, vier: 4, funf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, paar: 2, einigen: 3, mehreren: 3,
  deux: 2, trois: 3, quatre: 4, cinq: 5, um: 1, dois: 2, duas: 2, quatro: 4,
};
const NUM = `(?<![a-z0-9.])(\\d+(?:\\.\\d+)?|${Object.keys(numberWords).join('|')})`;

function toNumber(word: string): number {
  return numberWords[word] ?? Number(word);
}

const unitDays: Readonly<Record<string, number>> = {
  min: 0, mins: 0, minute: 0, minutes: 0, minutos: 0, minuten: 0,
  hour: 1 / 24, hours: 1 / 24, hr: 1 / 24, hrs: 1 / 24, h: 1 / 24, horas: 1 / 24, hora: 1 / 24, stunden: 1 / 24, stunde: 1 / 24, heures: 1 / 24,
  day: 1, days: 1, dias: 1, dia: 1, tage: 1, tagen: 1, tag: 1, jours: 1, jour: 1,
  week: 7, weeks: 7, wk: 7, wks: 7, semana: 7, semanas: 7, woche: 7, wochen: 7, semaine: 7, semaines: 7,
  month: 30, months: 30, mes: 30, meses: 30, monat: 30, monate: 30, monaten: 30, mois: 30,
  year: 365, years: 365, ano: 365, anos: 365, jahr: 365, jahre: 365, jahren: 365, ans: 365,
};
const UNIT = `(${Object.keys(unitDays).join('|')})(?![a-z])`;

const durationPatterns: readonly RegExp[] = [
  // en: "for 3 days", "for the past two weeks", "since 2 days", "over a week"
  new RegExp(`(?:for|since|over|past|last|about|almost|nearly|already) (?:the )?(?:past |last )?(?:about |almost )?${NUM} ${UNIT}`, 'g'),
  // en: "3 days now", "2 weeks ago", "3 days of"; es: "3 dias con", de: "3 Tage lang"
  new RegExp(`${NUM} ${UNIT} (?:now|ago|of|straight|running|con|seguid\\w*|lang|que)`, 'g'),
  // es: "desde hace 3 dias", "hace una semana", "llevo 2 dias"
  new RegExp(`(?:desde hace|hace|llevo|lleva|llevamos|durante|desde|ya) (?:unos |unas |mas de |casi )?${NUM} ${UNIT}`, 'g'),
  // de: "seit 3 Tagen", "seit einer Woche", "schon 2 Wochen"
  new RegExp(`(?:seit|schon|fur|fuer|vor|uber|ueber) (?:etwa |fast |uber |ueber )?${NUM} ${UNIT}`, 'g'),
  // fr, pt: "depuis 3 jours", "ha 2 dias", "faz uma semana"
  new RegExp(`(?:depuis|ha|faz|por) (?:uns |umas )?${NUM} ${UNIT}`, 'g'),
];
const sinceYesterday = /(?:since|desde|seit|depuis|desde ontem) (?:yesterday|last night|ayer|anoche|gestern|hier)|desde ontem/;
const sinceLastWeek = /(?:since|desde|seit|depuis) (?:last week|la semana pasada|letzter woche|vergangener woche|la semaine derniere)/;
const sinceToday = /(?:since|desde|seit|depuis) (?:this morning|today|esta manana|hoy|heute|ce matin)/;

/** How long, in days (0 for "since this morning", fractions for hours), when the patient says. */
export function readDurationDays(normalized: string): number | undefined {
  let longest: number | undefined;
  for (const pattern of durationPatterns) {
    pattern.lastIndex = 0;
    for (const m of normalized.matchAll(pattern)) {
      const days = toNumber(m[1] ?? '') * (unitDays[m[2] ?? ''] ?? Number.NaN);
      if (Number.isFinite(days)) longest = Math.max(longest ?? 0, days);
    }
  }
  if (longest !== undefined) return longest;
  if (sinceLastWeek.test(normalized)) return 7;
  if (sinceYesterday.test(normalized)) return 1;
  if (sinceToday.test(normalized)) return 0;
  return undefined;
}

const ageUnitYears: Readonly<Record<string, number>> = {
  year: 1, years: 1, yr: 1, yrs: 1, yo: 1, anos: 1, anitos: 1, jahre: 1, jahren: 1, ans: 1,
  month: 1 / 12, months: 1 / 12, meses: 1 / 12, mesecitos: 1 / 12, monate: 1 / 12, monaten: 1 / 12, mois: 1 / 12,
  week: 1 / 52, weeks: 1 / 52, semanas: 1 / 52, wochen: 1 / 52, semaines: 1 / 52,
  day: 1 / 365, days: 1 / 365, dias: 1 / 365, tage: 1 / 365, jours: 1 / 365,
};

const agePatterns: ReadonlyArray<[RegExp, number]> = [
  // en: "3 year old", "6 months old", "2 weeks old", "my 5 yo", "aged 70"
  [new RegExp(`${NUM} (year|years|yr|yrs|month|months|week|weeks|day|days) old`, 'g'), 0],
  [new RegExp(`(\\d+) (yo)(?![a-z])`, 'g'), 0],
  [/(?:aged|age) (\d+)()/g, 0],
  // es / pt: "mi hijo de 5 anos", "bebe de 2 meses", "tengo 70 anos"
  [new RegExp(`(?:hijo|hija|nino|nina|bebe|bebes|nene|nena|peque\\w*|chico|chica|paciente|abuelo|abuela|padre|madre|marido|esposa|filho|filha|crianca) (?:de |tiene |tem |com )?${NUM} (anos|anitos|meses|mesecitos|semanas|dias)`, 'g'), 0],
  [/(?:tengo|tiene|tenho|tem) (\d+) (anos)/g, 0],
  // de: "3 Jahre alt", "6 Monate alt", "4-jähriger" (normalized "4 jahriger")
  [new RegExp(`${NUM} (jahre|jahren|monate|monaten|wochen|tage) alt`, 'g'), 0],
  [/(\d+) (jahrig|monatig|wochig)\w*/g, 0],
  // fr: "mon fils de 3 ans", "j ai 70 ans"
  [/(?:fils|fille|bebe|enfant|j ai|il a|elle a) (?:de )?(\d+) (ans|mois|semaines)/g, 0],
];
const ageSuffixYears: Readonly<Record<string, number>> = { jahrig: 1, monatig: 1 / 12, wochig: 1 / 52 };

/** The age in years (fractions for babies) when the patient says it; the youngest if several. */
export function readAgeYears(normalized: string): number | undefined {
  let youngest: number | undefined;
  for (const [pattern] of agePatterns) {
    pattern.lastIndex = 0;
    for (const m of normalized.matchAll(pattern)) {
      const unit = m[2] === '' || m[2] === undefined ? 1 : (ageUnitYears[m[2]] ?? ageSuffixYears[m[2]] ?? Number.NaN);
      const years = toNumber(m[1] ?? '') * unit;
      if (Number.isFinite(years) && years >= 0 && years < 120) youngest = Math.min(youngest ?? Infinity, years);
    }
  }
  return youngest;
}

const feverWord = '(?:fever|temp|temperature|fiebre|temperatura|fieber|temperatur|fievre|febre)';
const celsiusUnit = '(?:deg|degree|degrees|degres|grad|grado|grados|grau|graus|c|celsius)';
const temperaturePatterns: ReadonlyArray<[RegExp, 'c' | 'f' | 'any']> = [
  [new RegExp(`(3[4-9]|4[0-4])(?:\\.(\\d+))? ${celsiusUnit}(?! f)`, 'g'), 'c'],
  [/(9[5-9]|10\d|11[0-2])(?:\.(\d+))? (?:deg |degrees |)(?:f|fahrenheit)(?![a-z])/g, 'f'],
  [new RegExp(`${feverWord} (?:of |de |von |at |is |es |ist |a |was |)(?:about |around |over |nearly |almost |casi |uber |fast |)(\\d{2,3})(?:\\.(\\d+))?`, 'g'), 'any'],
  [/(?<![\d.])(3[7-9]|4[0-2])\.(\d+)(?![\d.])/g, 'c'],
];

/** The highest temperature the patient mentions, in °C. */
export function readTemperatureC(normalized: string): number | undefined {
  let highest: number | undefined;
  for (const [pattern, unit] of temperaturePatterns) {
    pattern.lastIndex = 0;
    for (const m of normalized.matchAll(pattern)) {
      const value = Number(`${m[1] ?? ''}${m[2] === undefined ? '' : `.${m[2]}`}`);
      if (!Number.isFinite(value)) continue;
      const celsius = unit === 'f' || (unit === 'any' && value >= 90) ? ((value - 32) * 5) / 9 : value;
      if (celsius >= 34 && celsius <= 44) highest = Math.max(highest ?? 0, celsius);
    }
  }
  return highest;
}
