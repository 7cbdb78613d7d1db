import type { Language } from '../clinic/clinic-config.ts';
import type { GlucoseContext, VitalKind, VitalReading } from './parse-vitals.ts';

/**
 * What the assistant says about home measurements, in the five patient languages (kept beside
 * the vitals code, as triage keeps its texts). Placeholders: {readings}, {number}, {value}.
 */
interface VitalsTexts {
  recorded: string;
  danger: string;
  implausible: string;
  names: Record<VitalKind, string>;
  contexts: Record<GlucoseContext, string>;
  and: string;
}

export const vitalsTexts: Record<Language, VitalsTexts> = {
  en: {
    recorded: 'Thank you, I have saved your reading: {readings}. Your care team can see it, and if it is outside the range they set for you, they will be in touch.',
    danger:
      '⚠️ {readings}: this needs attention now. If you feel unwell, or have chest pain, trouble breathing, confusion, weakness or a severe headache, call *{number}* now. I have alerted the clinic team.',
    implausible: 'I could not read "{value}" as a measurement. Please check it and send it again, for example *bp 130/85* or *sugar 110*.',
    names: { glucose: 'blood sugar', blood_pressure: 'blood pressure', weight: 'weight', temperature: 'temperature', pulse: 'pulse', spo2: 'oxygen' },
    contexts: { fasting: 'fasting', before_meal: 'before a meal', after_meal: 'after a meal', bedtime: 'at bedtime' },
    and: 'and',
  },
  de: {
    recorded: 'Danke, ich habe Ihren Wert gespeichert: {readings}. Ihr Behandlungsteam sieht ihn und meldet sich, wenn er außerhalb Ihres Zielbereichs liegt.',
    danger:
      '⚠️ {readings}: Das muss jetzt beachtet werden. Wenn es Ihnen schlecht geht oder Sie Brustschmerzen, Atemnot, Verwirrtheit, Schwäche oder starke Kopfschmerzen haben, rufen Sie jetzt *{number}* an. Ich habe das Praxisteam informiert.',
    implausible: 'Ich konnte „{value}“ nicht als Messwert lesen. Bitte prüfen Sie ihn und senden Sie ihn noch einmal, z. B. *Blutdruck 130/85* oder *Zucker 110*.',
    names: { glucose: 'Blutzucker', blood_pressure: 'Blutdruck', weight: 'Gewicht', temperature: 'Temperatur', pulse: 'Puls', spo2: 'Sauerstoff' },
    contexts: { fasting: 'nüchtern', before_meal: 'vor dem Essen', after_meal: 'nach dem Essen', bedtime: 'vor dem Schlafen' },
    and: 'und',
  },
  es: {
    recorded: 'Gracias, he guardado su medición: {readings}. Su equipo de atención la ve y, si está fuera del rango que le fijaron, se pondrá en contacto.',
    danger:
      '⚠️ {readings}: esto requiere atención ahora. Si se siente mal o tiene dolor en el pecho, dificultad para respirar, confusión, debilidad o un dolor de cabeza fuerte, llame ahora al *{number}*. He avisado al equipo de la clínica.',
    implausible: 'No pude leer "{value}" como una medición. Revísela y envíela de nuevo, por ejemplo *presión 130/85* o *azúcar 110*.',
    names: { glucose: 'glucosa', blood_pressure: 'presión arterial', weight: 'peso', temperature: 'temperatura', pulse: 'pulso', spo2: 'oxígeno' },
    contexts: { fasting: 'en ayunas', before_meal: 'antes de comer', after_meal: 'después de comer', bedtime: 'antes de dormir' },
    and: 'y',
  },
  fr: {
    recorded: 'Merci, j’ai enregistré votre mesure : {readings}. Votre équipe soignante la voit et vous contactera si elle sort de la plage fixée pour vous.',
    danger:
      '⚠️ {readings} : cela demande une attention immédiate. Si vous vous sentez mal, ou avez une douleur dans la poitrine, du mal à respirer, une confusion, une faiblesse ou un mal de tête intense, appelez le *{number}* maintenant. J’ai prévenu l’équipe du cabinet.',
    implausible: 'Je n’ai pas pu lire « {value} » comme une mesure. Vérifiez-la et renvoyez-la, par exemple *tension 130/85* ou *glycémie 110*.',
    names: { glucose: 'glycémie', blood_pressure: 'tension', weight: 'poids', temperature: 'température', pulse: 'pouls', spo2: 'oxygène' },
    contexts: { fasting: 'à jeun', before_meal: 'avant un repas', after_meal: 'après un repas', bedtime: 'au coucher' },
    and: 'et',
  },
  pt: {
    recorded: 'Obrigado, guardei a sua medição: {readings}. A sua equipa de cuidados vê-a e entrará em contacto se estiver fora do intervalo definido para si.',
    danger:
      '⚠️ {readings}: isto precisa de atenção agora. Se se sentir mal, ou tiver dor no peito, dificuldade em respirar, confusão, fraqueza ou uma dor de cabeça forte, ligue agora para o *{number}*. Avisei a equipa da clínica.',
    implausible: 'Não consegui ler "{value}" como uma medição. Verifique e envie de novo, por exemplo *pressão 130/85* ou *glicemia 110*.',
    names: { glucose: 'glicemia', blood_pressure: 'pressão arterial', weight: 'peso', temperature: 'temperatura', pulse: 'pulso', spo2: 'oxigénio' },
    contexts: { fasting: 'em jejum', before_meal: 'antes de comer', after_meal: 'depois de comer', bedtime: 'ao deitar' },
    and: 'e',
  },
};

const UNIT_TEXT: Record<string, string> = { 'mg/dL': 'mg/dL', 'mmol/L': 'mmol/L', 'mm[Hg]': 'mmHg', kg: 'kg', '[lb_av]': 'lb', Cel: '°C', '[degF]': '°F', '/min': '/min', '%': '%' };

/** "blood pressure 150/95 mmHg and blood sugar 145 mg/dL (fasting)", in the patient's language. */
export function describeReadings(readings: readonly VitalReading[], language: Language): string {
  const t = vitalsTexts[language];
  const parts = readings.map((r) => {
    const value = r.kind === 'blood_pressure' ? `${r.systolic}/${r.diastolic}` : formatNumber(r.value, language);
    const context = r.kind === 'glucose' && r.context !== undefined ? ` (${t.contexts[r.context]})` : '';
    return `${t.names[r.kind]} ${value} ${UNIT_TEXT[r.unit] ?? r.unit}${context}`;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${t.and} ${parts.at(-1)}`;
}

export function vitalsText(language: Language, key: 'recorded' | 'danger' | 'implausible', params: Record<string, string>): string {
  return vitalsTexts[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

function formatNumber(value: number, language: Language): string {
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return language === 'en' ? text : text.replace('.', ',');
}
