/**
 * Which of the clinic's languages a patient's text is written in. Short WhatsApp messages are
 * the hard case: a small lexicon of greetings and thanks answers the one- and two-word ones,
 * ELD (an n-gram language detector, restricted here to the clinic's languages) the rest, and
 * anything too short or too close to call is left undecided.
 */
// The medium n-gram table: as accurate as 'large' on short patient messages (180 test messages,
// detect-language.test.ts) at half the memory (~60 MB heap) and load time (~0.4 s).
import { eld } from 'eld/medium';
import type { Language } from '../../core/clinic/clinic-config.ts';
import type { Scored } from '../../core/assistant/understanding.ts';

/**
 * Whole messages that name their language (compared lowercased, without punctuation or emoji;
 * accents matter: "olá" is Portuguese, "ola" is as often a Spanish "hola" typed in a hurry).
 * 0.9 = only said in that language; 0.7 = often used by speakers of other languages too.
 */
const lexicon: ReadonlyArray<readonly [Language, number, readonly string[]]> = [
  ['en', 0.9, ['good morning', 'good afternoon', 'good evening', 'thank you', 'thank you very much', 'thanks a lot', 'many thanks', 'yes please', 'no thanks', 'cheers']],
  ['en', 0.7, ['hi', 'hello', 'hey', 'hi there', 'hello there', 'thanks', 'thx', 'yes', 'bye']],
  ['es', 0.9, ['hola', 'buenas', 'buenos días', 'buenos dias', 'buenas tardes', 'buenas noches', 'gracias', 'muchas gracias', 'mil gracias', 'vale', 'adiós', 'adios', 'hola buenas', 'hola buenos días', 'hola buenos dias', 'sí gracias', 'si gracias', 'no gracias']],
  ['de', 0.9, ['hallo', 'guten morgen', 'guten tag', 'guten abend', 'moin', 'servus', 'grüß gott', 'danke', 'danke schön', 'danke schon', 'danke sehr', 'vielen dank', 'nein', 'tschüss', 'hallo zusammen', 'ja bitte', 'nein danke']],
  ['fr', 0.9, ['bonjour', 'bonsoir', 'salut', 'coucou', 'merci', 'merci beaucoup', 'oui', 'oui merci', 'non merci', 'au revoir', 'bonne journée']],
  ['pt', 0.9, ['olá', 'oi', 'bom dia', 'boa tarde', 'boa noite', 'obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'não', 'sim obrigado', 'sim obrigada', 'tchau', 'até logo']],
];

const lexiconIndex = new Map<string, Scored<Language>>(
  lexicon.flatMap(([value, score, phrases]) => phrases.map((phrase) => [toLexiconKey(phrase), { value, score }] as const)),
);

/** Each word of the lexicon, when it belongs to one language only ("salut bonsoir" → fr). */
const lexiconWords = buildWordIndex();

/** Below this many letters the n-gram detector is guessing. */
const minLetters = 4;
/** ELD's own reliability rule: top two scores closer than this are a coin toss. */
const minMargin = 0.01;

export function detectLanguage(text: string, supported: readonly Language[]): Scored<Language> | undefined {
  if (supported.length === 0) return undefined;
  const known = fromLexicon(toLexiconKey(text));
  if (known !== undefined && supported.includes(known.value)) return known;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < minLetters) return undefined;

  const scores = eld.detect(text).getScores();
  const ranked = supported
    .map((lang) => ({ value: lang, score: scores[lang] ?? 0 }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (best === undefined) return undefined;
  const margin = best.score - (ranked[1]?.score ?? 0);
  if (margin < minMargin) return undefined;
  return { value: best.value, score: toConfidence(margin, letters) };
}

/**
 * ELD scores are similarities, not probabilities; what predicts a right answer is the gap to the
 * runner-up and the length of the text. 0.5 = barely decided, 1 = clear.
 */
function toConfidence(margin: number, letters: number): number {
  const byMargin = Math.min(1, margin / 0.15);
  const byLength = Math.min(1, letters / 20);
  return round(0.5 + 0.5 * byMargin * (0.5 + 0.5 * byLength));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function fromLexicon(key: string): Scored<Language> | undefined {
  const phrase = lexiconIndex.get(key);
  if (phrase !== undefined) return { ...phrase };
  const words = key.split(' ');
  if (words.length < 2) return undefined;
  const hits = words.map((w) => lexiconWords.get(w));
  const first = hits[0];
  if (first === undefined || first === null) return undefined;
  for (const hit of hits) if (hit === undefined || hit === null || hit.value !== first.value) return undefined;
  return { value: first.value, score: Math.min(...hits.map((hit) => hit?.score ?? 0)) };
}

/**
 * Words of two letters or more from the lexicon's phrases, with their language; null when the
 * word appears in several languages ("no"). Used only for messages of two words or more.
 */
function buildWordIndex(): Map<string, Scored<Language> | null> {
  const index = new Map<string, Scored<Language> | null>();
  for (const [key, hit] of lexiconIndex) {
    for (const word of key.split(' ')) {
      if (word.length < 2) continue;
      const seen = index.get(word);
      if (seen === undefined) index.set(word, { ...hit });
      else if (seen !== null && seen.value !== hit.value) index.set(word, null);
      else if (seen !== null) seen.score = Math.min(seen.score, hit.score);
    }
  }
  return index;
}

/** Lowercase, punctuation and emoji removed, single spaces. "¡Hola!! 👋" → "hola". */
function toLexiconKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
