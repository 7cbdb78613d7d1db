/**
 * How each language says "not", "some time ago" and "now": the context rules that decide
 * whether a red-flag term in a message describes a symptom the patient (or someone with them)
 * has now. Clinician-reviewable data, written in the term syntax of compile-term.ts and listed
 * in docs/clinical-safety.md. When in doubt these rules leave a term standing: a false alarm
 * is safer than a miss.
 */
import type { Language } from '../clinic/clinic-config.ts';

export interface RedFlagLanguageContext {
  /**
   * Negation cues. A term is ignored when a cue comes right before it, with at most three
   * filler words in between: "no chest pain", "ich habe keine Brustschmerzen",
   * "no tengo dolor en el pecho", "pas de douleur", "não tenho dor no peito".
   * "never" is deliberately not a cue ("never had chest pain like this" is an alarm).
   */
  readonly negations: readonly string[];
  /** Words allowed between a negation cue and the term ("no *real* chest pain"). */
  readonly negationFillers: readonly string[];
  /** Phrases containing a cue that do not negate ("not sure", "weiß nicht", "no sé"). */
  readonly pseudoNegations: readonly string[];
  /** Words that end a clause, like a comma ("but", "aber", "pero", "mais", "mas"). */
  readonly clauseBreaks: readonly string[];
  /**
   * A clause that names a time at least a month back ("last year", "two years ago",
   * "in 2019", "as a child") and none of `presentTimes` is history: its terms are ignored.
   * Weeks and days are not history: recent events still flag.
   */
  readonly pastTimes: readonly string[];
  /** Words that bring a clause back to now ("now", "today", "again", "still", "since"). */
  readonly presentTimes: readonly string[];
  /** Phrases whose terms never count, in every rule: "history of …", "died of …". */
  readonly exclusions: readonly string[];
}

export const redFlagLanguageContexts: Readonly<Record<Language, RedFlagLanguageContext>> = {
  en: {
    negations: ['no', 'not', 'without any', 'dont have', 'doesnt have', 'didnt have', 'havent had', 'hasnt had', 'havent got', 'hasnt got', 'no longer', 'free of', 'nor', 'neither'],
    negationFillers: ['any', 'a', 'an', 'the', 'real', 'really', 'more', 'much', 'other', 'having', 'had', 'experiencing', 'got', 'been', 'feeling', 'signs', 'sign', 'of', 'symptoms', 'obvious', 'major', 'serious', 'big', 'too'],
    pseudoNegations: ['not sure', 'no idea', 'not only', 'no doubt', 'no matter', 'not just', 'if not', 'why not', 'no wonder'],
    clauseBreaks: ['but', 'however', 'although', 'though'],
    pastTimes: [
      'last (year|month|summer|winter|spring|autumn|fall|christmas)',
      '(#|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|many|a couple of|couple of|a couple|a|an) (year|years|yr|yrs|month|months) ago',
      'in #year',
      'as a (child|kid|teen|teenager|baby|toddler)',
      'when (i|he|she|they) (was|were) (a|) (child|kid|baby|little|young|small|teenager)',
    ],
    presentTimes: ['now', 'today', 'tonight', 'again', 'still', 'currently', 'at the moment', 'this (morning|afternoon|evening|week)', 'since', 'yesterday', 'hours', 'minutes', 'suddenly', 'just'],
    exclusions: ['history of ..', '(died|passed away|death) (of|from|after|due to) ..'],
  },
  de: {
    negations: ['kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'keinerlei', 'nicht', 'weder'],
    negationFillers: ['richtig', 'richtige', 'richtigen', 'echte', 'echten', 'mehr', 'so', 'wirklich', 'starke', 'starken', 'grosse', 'grossen', 'besonderen', 'anzeichen', 'von', 'fur', 'fuer', 'habe', 'hab', 'ich', 'hat', 'haben', 'gehabt', 'mal', 'sonderlich', 'akute', 'akuten', 'spur', 'einer'],
    pseudoNegations: ['weiss nicht', 'weis nicht', 'weiss ich nicht', 'wenn nicht', 'ob nicht', 'nicht sicher', 'nicht nur', 'warum nicht', 'kann nicht mehr', 'halte (es|das) nicht (mehr|) aus', 'packe (es|das) nicht mehr'],
    clauseBreaks: ['aber', 'jedoch', 'sondern', 'doch'],
    pastTimes: [
      '(letztes|letzten|vergangenes|vergangenen) (jahr|monat|sommer|winter|fruhling|fruehling|herbst)',
      'vor (#|einem|einer|zwei|drei|vier|funf|fuenf|sechs|sieben|acht|neun|zehn|ein paar|einigen|mehreren|vielen) (jahr|jahren|monat|monaten)',
      '(im jahr|im|anno) #year',
      'als (kind|baby|kleinkind|jugendlicher|jugendliche|teenager)',
      'in (meiner|seiner|ihrer) (kindheit|jugend)',
    ],
    presentTimes: ['jetzt', 'gerade', 'grade', 'heute', 'heute nacht', 'wieder', 'immer noch', 'noch immer', 'seit', 'plotzlich', 'ploetzlich', 'gestern', 'stunden', 'stunde', 'minuten', 'momentan', 'aktuell', 'eben'],
    exclusions: ['(vorgeschichte|vorerkrankung|familienanamnese) ..', '(gestorben|verstorben) (an|nach) ..', 'an .. (gestorben|verstorben)'],
  },
  es: {
    negations: ['no', 'sin', 'ni', 'ningun', 'ninguna', 'ninguno', 'nada de', 'tampoco'],
    negationFillers: ['tengo', 'tiene', 'tenia', 'tuvo', 'hay', 'habia', 'me', 'le', 'se', 'siento', 'siente', 'noto', 'nota', 'presento', 'presenta', 'el', 'la', 'los', 'las', 'un', 'una', 'de', 'mucho', 'mucha', 'tanto', 'tanta', 'mas', 'ya', 'ningun', 'ninguna', 'signos', 'sintomas'],
    pseudoNegations: ['no se', 'no sabemos', 'no sabe', 'no estoy seguro', 'no estoy segura', 'si no', 'no solo', 'no importa', 'por que no'],
    clauseBreaks: ['pero', 'aunque', 'sino'],
    pastTimes: [
      '(ano|anio|mes|verano|invierno|primavera|navidad) pasad*',
      'hace (#|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|unos|unas|varios|varias|muchos|muchas) (ano|anos|anio|anios|mes|meses)',
      'en (el|el ano|) #year',
      '(de|cuando era|cuando eramos|cuando (el|ella) era) (nino|nina|pequeno|pequena|chico|chica|bebe|joven)',
    ],
    presentTimes: ['ahora', 'ahorita', 'hoy', 'de nuevo', 'otra vez', 'todavia', 'aun', 'sigue', 'desde', 'ayer', 'horas', 'hora', 'minutos', 'de repente', 'en este momento', 'esta (manana|noche|tarde)', 'acaba de'],
    exclusions: ['(antecedentes|antecedente|historial|historia) (de|familiares de|familiar de|) ..', '(murio|fallecio|muerto|muerta|fallecido|fallecida) (de|por|tras) ..'],
  },
  fr: {
    negations: ['pas', 'aucun', 'aucune', 'sans', 'ni', 'plus aucun', 'plus aucune'],
    negationFillers: ['de', 'd', 'du', 'la', 'le', 'les', 'l', 'un', 'une', 'vraiment', 'trop', 'beaucoup', 'eu', 'signe', 'signes', 'symptome', 'symptomes', 'ressenti', 'senti', 'tellement', 'grosse', 'gros'],
    pseudoNegations: ['sais pas', 'sait pas', 'savons pas', 'pas sur', 'pas sure', 'pas seulement', 'pas que', 'pourquoi pas', 'sinon'],
    clauseBreaks: ['mais', 'cependant', 'pourtant'],
    pastTimes: [
      '(l annee|l an|le mois|l ete|l hiver|le printemps|l automne) (dernier|derniere)',
      'il y a (#|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs) (an|ans|annee|annees|mois)',
      '(en|en l an) #year',
      '(quand|lorsque) (j|il|elle) (etais|etait) (petit|petite|enfant|bebe|jeune|ado|adolescent|adolescente)',
      '(enfant|petit|petite) (j|il|elle) (ai|a) eu',
    ],
    presentTimes: ['maintenant', 'aujourdhui', 'aujourd hui', 'encore', 'toujours', 'depuis', 'hier', 'heures', 'heure', 'minutes', 'soudain*', 'tout a coup', 'd un coup', 'en ce moment', 'ce (matin|soir)', 'cette nuit', 'vient de'],
    exclusions: ['antecedent* (de|d|familiaux de|familiaux d|) ..', '(mort|morte|decede|decedee) (d|de|des suites d|des suites de|suite a) ..'],
  },
  pt: {
    negations: ['nao', 'sem', 'nem', 'nenhum', 'nenhuma', 'nada de'],
    negationFillers: ['tenho', 'tem', 'tive', 'teve', 'to', 'estou', 'esta', 'ta', 'sinto', 'sente', 'senti', 'com', 'o', 'a', 'os', 'as', 'um', 'uma', 'de', 'me', 'mais', 'muita', 'muito', 'nenhum', 'nenhuma', 'sinal', 'sinais', 'sintoma', 'sintomas'],
    pseudoNegations: ['nao sei', 'nao sabemos', 'nao sabe', 'nao tenho certeza', 'nao so', 'se nao', 'senao', 'por que nao'],
    clauseBreaks: ['mas', 'porem', 'entretanto', 'contudo'],
    pastTimes: [
      '(ano|mes|verao|inverno|natal) passad*',
      '(ha|faz|a) (#|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|alguns|algumas|varios|varias|muitos|muitas) (ano|anos|mes|meses)',
      '(em|no ano de) #year',
      'quando (eu|ele|ela|) (era|eramos) (crianca|pequeno|pequena|bebe|jovem|novo|nova)',
      '(de|na) (crianca|infancia)',
    ],
    presentTimes: ['agora', 'hoje', 'de novo', 'novamente', 'outra vez', 'ainda', 'desde', 'ontem', 'horas', 'hora', 'minutos', 'de repente', 'neste momento', 'nesse momento', '(esta|essa|hoje de) (manha|noite|tarde)', 'acabou de'],
    exclusions: ['(historico|historia|antecedente|antecedentes) (de|familiar de|familiares de|) ..', '(morreu|faleceu|morte) (de|por|apos|com) ..'],
  },
};
