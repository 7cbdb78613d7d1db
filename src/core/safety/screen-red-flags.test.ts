import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Language, supportedLanguages } from '../clinic/clinic-config.ts';
import { redFlagRules } from './red-flag-rules.ts';
import { screenRedFlags } from './screen-red-flags.ts';

/** Each rule, in each language: messages that must fire it (with and without the language). */
const fires: Readonly<Record<string, Readonly<Record<Language, readonly string[]>>>> = {
  unconscious: {
    en: ['Mum collapsed on the floor', 'he is unresponsive', 'my dad fainted and still isnt waking up'],
    de: ['Mein Mann ist bewusstlos', 'sie wacht nicht mehr auf'],
    es: ['mi abuelo perdió el conocimiento', 'no reacciona'],
    fr: ['il a perdu connaissance', 'elle ne répond plus du tout'],
    pt: ['meu pai está inconsciente', 'ela desmaiou e ainda não acordou'],
  },
  breathing_difficulty: {
    en: ['I cant breathe', 'my baby is not breathing', 'he is choking'],
    de: ['Ich bekomme keine Luft', 'Atemnot!!', 'er atmet nicht mehr'],
    es: ['no puedo respirar', 'se está ahogando', 'tiene los labios morados'],
    fr: ['je n’arrive plus à respirer', 'il s’étouffe'],
    pt: ['não consigo respirar', 'ele parou de respirar', 'muita falta de ar'],
  },
  severe_bleeding: {
    en: ['my leg is bleeding heavily', 'there is blood everywhere', 'he is coughing up blood'],
    de: ['Es blutet sehr stark', 'Blut spritzt aus der Wunde'],
    es: ['está sangrando muchísimo', 'hay mucha sangre'],
    fr: ['ça saigne beaucoup', 'il crache du sang'],
    pt: ['está sangrando muito', 'ele está vomitando sangue'],
  },
  anaphylaxis: {
    en: ['my throat is swelling up', 'allergic reaction to nuts and he is wheezing'],
    de: ['Nach dem Bienenstich schwillt der Hals zu', 'allergische Reaktion, kriege kaum Luft'],
    es: ['reacción alérgica grave', 'tengo urticaria y me cuesta respirar'],
    fr: ['choc anaphylactique', 'piqûre de guêpe et ses lèvres gonflent'],
    pt: ['minha garganta está fechando', 'alergia a amendoim e está com falta de ar'],
  },
  cardiac_chest_pain: {
    en: ['crushing chest pain', 'chest pain and sweating', 'pain in my chest going down my left arm'],
    de: ['Brustschmerzen und Atemnot', 'Druck auf der Brust'],
    es: ['dolor de pecho y sudor frío', 'siento opresión en el pecho'],
    fr: ['douleur thoracique avec sueurs', 'j’ai mal à la poitrine et au bras gauche'],
    pt: ['dor no peito e falta de ar', 'aperto no peito'],
  },
  stroke_signs: {
    en: ['I think she is having a stroke', 'his face is drooping', 'sudden slurred speech'],
    de: ['Verdacht auf Schlaganfall', 'sie lallt plötzlich'],
    es: ['creo que es un ictus', 'tiene la cara caída'],
    fr: ['je crois qu’il fait un AVC', 'il a la bouche de travers'],
    pt: ['acho que é um AVC', 'ficou com a boca torta'],
  },
  seizure: {
    en: ['he is having a seizure', 'my toddler is convulsing'],
    de: ['Krampfanfall!', 'er krampft'],
    es: ['está convulsionando', 'tuvo una crisis epiléptica ahora mismo'],
    fr: ['il fait des convulsions', 'crise d’épilepsie en cours'],
    pt: ['ele está convulsionando', 'teve uma crise convulsiva agora'],
  },
  suicidal_self_harm: {
    en: ['I want to kill myself', 'thinking about suicide', 'i tried to end my life two years ago'],
    de: ['Ich habe Suizidgedanken', 'ich will sterben'],
    es: ['quiero quitarme la vida', 'pienso en suicidarme'],
    fr: ['j’ai des idées suicidaires', 'je veux mourir'],
    pt: ['quero me matar', 'penso em suicídio'],
  },
  poisoning_overdose: {
    en: ['she took an overdose', 'my son drank bleach', 'took 30 tablets'],
    de: ['Überdosis Tabletten', 'Kind hat Putzmittel getrunken'],
    es: ['sobredosis de pastillas', 'mi hijo se tragó una pila'],
    fr: ['il a avalé de la javel', 'surdose de médicaments'],
    pt: ['overdose de remédios', 'meu filho engoliu uma pilha'],
  },
  meningitis_sepsis: {
    en: ['rash that does not fade under a glass', 'stiff neck and fever'],
    de: ['Verdacht auf Meningitis', 'steifer Nacken und Fieber'],
    es: ['fiebre y rigidez de nuca', 'creo que es meningitis'],
    fr: ['nuque raide et fièvre', 'purpura sur les jambes'],
    pt: ['febre e rigidez na nuca', 'suspeita de meningite'],
  },
  infant_fever: {
    en: ['my 2 month old has a fever', 'newborn temp 38.2'],
    de: ['Baby hat Fieber', 'Säugling 38,5 °C'],
    es: ['mi bebé tiene fiebre', 'recién nacido con 38,1 grados'],
    fr: ['mon bébé a de la fièvre', 'nourrisson 38,3'],
    pt: ['meu bebê está com febre', 'recém-nascido com 38,2'],
  },
  head_injury_red_flags: {
    en: ['she hit her head and now she is vomiting', 'banged his head and is confused'],
    de: ['auf den Kopf gefallen und erbricht', 'Kopf angeschlagen, jetzt ganz verwirrt'],
    es: ['se golpeó la cabeza y vomita', 'se dio un golpe en la cabeza y está confundido'],
    fr: ['il s’est cogné la tête et il vomit', 'tombé sur la tête, confus'],
    pt: ['bateu a cabeça e está vomitando', 'caiu de cabeça e está confuso'],
  },
  pregnancy_bleeding_pain: {
    en: ['pregnant and bleeding', '28 weeks pregnant and the baby stopped moving'],
    de: ['schwanger und ich blute', 'SSW 20 und starke Bauchschmerzen'],
    es: ['embarazada y sangrando', 'embarazada de 30 semanas y el bebé no se mueve'],
    fr: ['enceinte et je saigne', 'enceinte, le bébé ne bouge plus'],
    pt: ['grávida e sangrando', 'grávida de 30 semanas e o bebê parou de mexer'],
  },
  severe_burn: {
    en: ['severe burn on his arm', 'scalded her face with boiling water'],
    de: ['schwere Verbrennung am Arm', 'Stromschlag bekommen'],
    es: ['quemadura grave en la mano', 'se quemó la cara'],
    fr: ['brûlure grave au bras', 'il s’est brûlé le visage'],
    pt: ['queimadura grave no braço', 'queimou o rosto'],
  },
};

test('the examples cover every rule in every language', () => {
  assert.deepEqual(Object.keys(fires).sort(), redFlagRules.map((r) => r.id).sort());
  for (const [id, byLang] of Object.entries(fires)) {
    for (const lang of supportedLanguages) assert.ok((byLang[lang]?.length ?? 0) > 0, `${id} has no ${lang} example`);
  }
});

for (const [id, byLang] of Object.entries(fires)) {
  for (const lang of supportedLanguages) {
    test(`${id} fires in ${lang}`, () => {
      for (const text of byLang[lang] ?? []) {
        for (const given of [lang, undefined]) {
          const result = screenRedFlags(text, given);
          assert.equal(result.level, 'emergency', `${JSON.stringify(text)} (lang ${given ?? 'unknown'})`);
          assert.ok(result.redFlags.includes(id), `${JSON.stringify(text)} fired ${result.redFlags.join(', ')}, expected ${id}`);
        }
      }
    });
  }
}

const quiet: Readonly<Record<string, readonly string[]>> = {
  'negation en': ['no chest pain and no sweating', 'I do not have any chest pain, just a cough', 'not short of breath and no chest pain'],
  'negation de': ['Ich habe keine Brustschmerzen und keine Atemnot', 'kein Fieber beim Baby'],
  'negation es': ['no tengo dolor en el pecho', 'mi bebé no tiene fiebre'],
  'negation fr': ['pas de douleur à la poitrine', 'mon bébé n’a pas de fièvre'],
  'negation pt': ['não tenho dor no peito', 'meu bebê está sem febre'],
  'history en': ['I had a heart attack in 2019, need a repeat prescription', 'my dad had a stroke two years ago'],
  'history de': ['Ich hatte vor 3 Jahren einen Herzinfarkt', 'Mein Vater hatte letztes Jahr einen Schlaganfall'],
  'history es': ['tuve un infarto hace 3 años', 'mi padre tuvo un ictus el año pasado'],
  'history fr': ['j’ai fait un infarctus il y a 2 ans', 'mon père a fait un AVC l’année dernière'],
  'history pt': ['tive um infarto há 3 anos', 'meu pai teve um AVC ano passado'],
  exclusions: ['food poisoning from a takeaway', 'Lebensmittelvergiftung', 'intoxicación alimentaria', 'need my seizure medication refilled', 'my app is not responding'],
  'everyday phrases': ['I’m dying to try the new clinic', 'this cough is killing me', 'me muero de ganas de verte', 'je meurs de faim', 'tô morrendo de saudade', 'ich sterbe vor Hunger'],
  bookings: ['Can I book a chest x-ray?', 'Quiero pedir cita con el cardiólogo', 'Ich brauche einen Termin beim Kardiologen', 'Je voudrais une prise de sang', 'Quero marcar um exame de sangue'],
};

for (const [name, texts] of Object.entries(quiet)) {
  test(`quiet: ${name}`, () => {
    for (const text of texts) assert.deepEqual(screenRedFlags(text), { level: 'unknown', redFlags: [] }, text);
  });
}

test('negation does not hide a second, real symptom', () => {
  assert.ok(screenRedFlags('no chest pain but I cannot breathe').redFlags.includes('breathing_difficulty'));
  assert.ok(screenRedFlags('kein Fieber, aber er atmet nicht mehr').redFlags.includes('breathing_difficulty'));
});

test('"never" is not a negation: a first-ever symptom is an alarm', () => {
  assert.equal(screenRedFlags('I have never had chest pain like this, crushing and I am sweating').level, 'emergency');
});

test('history with a word of now still fires', () => {
  assert.equal(screenRedFlags('I had a stroke 2 years ago and now my face is drooping again').level, 'emergency');
  assert.equal(screenRedFlags('hace 2 años tuve un infarto y ahora tengo dolor en el pecho con sudor').level, 'emergency');
});

test('Portuguese "no" (in the) is not read as an English or Spanish negation', () => {
  assert.ok(screenRedFlags('dor forte no peito e no braço esquerdo', 'pt').redFlags.includes('cardiac_chest_pain'));
});

test('normalization: case, accents, punctuation, typos, decimal commas and units', () => {
  for (const text of ['CANT BREATHE!!!', 'cant breeeathe', 'can’t breathe', 'Can\'t  breathe...']) assert.equal(screenRedFlags(text).level, 'emergency', text);
  for (const text of ['my baby 38,5', 'my baby 38.5', 'my baby 38°C', 'my baby 101.3 F', 'baby 39 grados']) assert.equal(screenRedFlags(text).level, 'emergency', text);
  for (const text of ['my baby 37,5', 'my baby 37.9', 'my baby is 38 weeks']) assert.equal(screenRedFlags(text).level, 'unknown', text);
  assert.equal(screenRedFlags('Ich kriege KEINE LUFT').level, 'emergency');
  assert.equal(screenRedFlags('ME DUELE EL PECHO Y SUDO').level, 'emergency');
  assert.equal(screenRedFlags('nao consigo respirar').level, 'emergency');
});

test('the conversation language does not narrow the screening', () => {
  assert.equal(screenRedFlags('no puedo respirar', 'de').level, 'emergency');
  assert.equal(screenRedFlags('I cannot breathe', 'pt').level, 'emergency');
});

test('empty and symbol-only messages are unknown', () => {
  for (const text of ['', '   ', '👍', '???']) assert.deepEqual(screenRedFlags(text), { level: 'unknown', redFlags: [] });
});

test('several red flags come back in rule order, each once', () => {
  const result = screenRedFlags('I want to die, I took all my pills and now I cannot breathe, chest pain and sweating');
  const order = redFlagRules.map((r) => r.id);
  assert.deepEqual(result.redFlags, [...result.redFlags].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  assert.equal(new Set(result.redFlags).size, result.redFlags.length);
  for (const id of ['breathing_difficulty', 'cardiac_chest_pain', 'suicidal_self_harm', 'poisoning_overdose']) assert.ok(result.redFlags.includes(id), id);
});

test('fast: well under a millisecond per typical message', () => {
  const texts = Object.values(fires).flatMap((byLang) => Object.values(byLang).flat());
  const started = performance.now();
  for (let i = 0; i < 2000; i++) screenRedFlags(texts[i % texts.length] ?? '');
  const perMessage = (performance.now() - started) / 2000;
  assert.ok(perMessage < 1, `${perMessage.toFixed(3)} ms per message`);
});
