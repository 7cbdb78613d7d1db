import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedLanguages, type Language } from '../../core/clinic/clinic-config.ts';
import { detectLanguage } from './detect-language.ts';

/** Short messages as patients type them: no capitals, missing accents, abbreviations. */
const messages: Record<Language, readonly string[]> = {
  en: [
    'hi, can I book an appointment for tomorrow?', 'what time do you open on saturday', 'I need to cancel my appointment',
    'is there parking near the clinic?', 'do you accept private insurance', 'are my results ready?', 'thanks a lot!',
    'can I speak to someone please', 'how much is a blood test', 'I need a sick note for work', 'where are you located',
    'do I have to fast before the blood test', 'my son needs his vaccines', 'can my mum get in with a wheelchair',
    'need appointment', 'when are you open', 'cancel please', 'where is the lab', 'any news on my results',
    'can I pay by card', 'talk to a human', 'book for my daughter', 'running 10 min late', 'is the doctor in today',
  ],
  es: [
    'hola, quiero pedir cita para mañana', 'a qué hora abren el sábado?', 'necesito cancelar mi cita', 'hay aparcamiento cerca?',
    'aceptan seguro privado', 'ya están mis resultados?', 'muchas gracias', 'puedo hablar con alguien por favor',
    'cuánto cuesta un análisis de sangre', 'necesito un justificante para el trabajo', 'dónde están ubicados', 'tengo que ir en ayunas?',
    'mi hijo tiene que vacunarse', 'se puede entrar con silla de ruedas', 'necesito cita', 'cuando abren', 'anular la cita',
    'dónde está el laboratorio', 'mis resultados', 'se puede pagar con tarjeta', 'hablar con una persona', 'cita para mi hija',
    'llego 10 min tarde', 'hoy está el médico?',
  ],
  de: [
    'hallo, ich möchte einen Termin für morgen', 'wann haben Sie samstags geöffnet?', 'ich muss meinen Termin absagen',
    'gibt es Parkplätze in der Nähe?', 'nehmen Sie Privatversicherung', 'sind meine Ergebnisse schon da?', 'vielen Dank!',
    'kann ich bitte mit jemandem sprechen', 'was kostet eine Blutabnahme', 'ich brauche eine Krankschreibung', 'wo finde ich die Praxis',
    'muss ich nüchtern kommen?', 'mein Sohn braucht seine Impfung', 'ist die Praxis barrierefrei', 'brauche einen Termin', 'wann offen',
    'bitte absagen', 'wo ist das Labor', 'meine Befunde', 'Kartenzahlung möglich?', 'mit einem Menschen sprechen',
    'Termin für meine Tochter', 'komme 10 min später', 'ist der Arzt heute da',
  ],
  fr: [
    'bonjour, je voudrais un rendez-vous demain', 'vous ouvrez à quelle heure le samedi ?', 'je dois annuler mon rendez-vous',
    'il y a un parking à côté ?', 'vous acceptez la mutuelle ?', 'mes résultats sont prêts ?', 'merci beaucoup',
    "je peux parler à quelqu'un svp", 'combien coûte une prise de sang', "j'ai besoin d'un arrêt de travail", 'vous êtes où exactement',
    'faut-il être à jeun ?', 'mon fils doit faire ses vaccins', 'accès en fauteuil roulant possible ?', "besoin d'un rdv",
    "c'est ouvert quand", 'annuler svp', 'où est le labo', 'mes résultats', 'paiement par carte ?', 'parler à un humain',
    'rdv pour ma fille', "j'ai 10 min de retard", 'le médecin est là aujourd’hui ?',
  ],
  pt: [
    'olá, queria marcar uma consulta para amanhã', 'a que horas abrem no sábado?', 'preciso de cancelar a minha consulta',
    'tem estacionamento perto?', 'aceitam seguro de saúde', 'os meus resultados já saíram?', 'muito obrigado',
    'posso falar com alguém por favor', 'quanto custa uma análise ao sangue', 'preciso de um atestado para o trabalho',
    'onde ficam vocês', 'tenho de ir em jejum?', 'o meu filho precisa das vacinas', 'dá para entrar com cadeira de rodas',
    'preciso de consulta', 'quando abrem', 'quero desmarcar', 'onde fica o laboratório', 'os meus resultados',
    'posso pagar com cartão', 'falar com uma pessoa', 'consulta para a minha filha', 'vou chegar 10 min atrasado', 'o médico está hoje?',
  ],
};

/** Harder: chat spelling, no accents, Brazilian and European Portuguese. */
const informal: Record<Language, readonly string[]> = {
  en: ['cant come today', 'had a fever since yesterday', 'my back hurts', 'can I bring my mum', 'im outside the door', 'can u call me', 'how long does it take', 'got an appt at 10', 'is tomorrow possible', 'need an urgent appt', 'ok great thanks', 'waiting downstairs'],
  es: ['q hora abren', 'necesito una cita urgente', 'mañana puedo ir?', 'cuanto tarda', 'tengo fiebre desde ayer', 'me duele la espalda', 'puedo llevar a mi madre', 'estoy esperando en la puerta', 'no puedo ir hoy', 'me podeis llamar?', 'tengo cita a las 10', 'vale perfecto'],
  de: ['kann heute nicht kommen', 'hab fieber seit gestern', 'rücken tut weh', 'darf meine mutter mitkommen', 'stehe vor der tür', 'könnt ihr mich anrufen', 'wie lange dauert das', 'hab um 10 einen termin', 'geht das auch morgen', 'brauche dringend einen termin', 'alles klar danke', 'ich warte unten'],
  fr: ["je peux pas venir aujourd'hui", "j'ai de la fievre depuis hier", "j'ai mal au dos", 'je peux venir avec ma mere', 'je suis devant la porte', "vous pouvez m'appeler", 'ca prend combien de temps', "j'ai rdv a 10h", "c'est possible demain", "besoin d'un rdv urgent", "d'accord merci", "j'attends en bas"],
  pt: ['vcs atendem hoje?', 'quero agendar um exame', 'nao consigo ir amanha', 'quanto tempo demora', 'estou com febre desde ontem', 'to com dor nas costas', 'posso levar a minha mãe', 'estou à espera na porta', 'podem me ligar?', 'tenho consulta as 10', 'ta bom obrigado', 'preciso falar com a recepção'],
};

test('detects the language of short patient messages in all five languages', (t) => {
  const wrong: string[] = [];
  let total = 0;
  for (const lang of supportedLanguages) {
    for (const text of [...messages[lang], ...informal[lang]]) {
      total += 1;
      const got = detectLanguage(text, supportedLanguages);
      if (got?.value !== lang) wrong.push(`${text} → ${got?.value ?? 'undecided'} (expected ${lang})`);
    }
  }
  const correct = total - wrong.length;
  t.diagnostic(`language detection: ${correct}/${total} (${((100 * correct) / total).toFixed(1)}%)${wrong.length > 0 ? `; wrong: ${wrong.join('; ')}` : ''}`);
  assert.ok(total >= 150);
  assert.ok(correct / total >= 0.97, wrong.join('\n'));
});

test('greetings and thanks are recognised from a lexicon', () => {
  const cases: Array<[string, Language]> = [
    ['hola', 'es'], ['¡Hola!', 'es'], ['Buenos días', 'es'], ['bonjour', 'fr'], ['Salut 👋', 'fr'], ['hallo', 'de'],
    ['Guten Morgen', 'de'], ['olá', 'pt'], ['Bom dia', 'pt'], ['hi', 'en'], ['Hello!', 'en'], ['good morning', 'en'],
    ['gracias', 'es'], ['danke', 'de'], ['merci', 'fr'], ['obrigada', 'pt'], ['thanks', 'en'],
  ];
  for (const [text, lang] of cases) assert.equal(detectLanguage(text, supportedLanguages)?.value, lang, text);
  assert.ok((detectLanguage('hi', supportedLanguages)?.score ?? 1) < (detectLanguage('hola', supportedLanguages)?.score ?? 0), '"hi" is weaker evidence than "hola"');
});

test('too short or ambiguous texts are left undecided', () => {
  for (const text of ['ok', 'OK!', '👍', '12', '?', '', '   ', 'no', 'si', '10:30', 'ola']) {
    assert.equal(detectLanguage(text, supportedLanguages), undefined, JSON.stringify(text));
  }
});

test('only the clinic’s languages are considered', () => {
  const notOffered = detectLanguage('hola, quiero pedir cita para mañana', ['en', 'de']);
  assert.ok(notOffered === undefined || notOffered.value === 'en' || notOffered.value === 'de');
  assert.equal(detectLanguage('bonjour', ['en', 'es']), undefined);
  assert.equal(detectLanguage('quiero pedir cita', ['es'])?.value, 'es');
  assert.equal(detectLanguage('anything at all', []), undefined);
});

test('scores are between 0 and 1 and clear sentences score higher than borderline ones', () => {
  const clear = detectLanguage('Guten Tag, ich hätte gerne einen Termin bei der Hautärztin nächste Woche', supportedLanguages);
  assert.equal(clear?.value, 'de');
  assert.ok(clear !== undefined && clear.score > 0.8 && clear.score <= 1);
  const borderline = detectLanguage('consulta', supportedLanguages);
  if (borderline !== undefined) assert.ok(borderline.score < clear.score);
});
