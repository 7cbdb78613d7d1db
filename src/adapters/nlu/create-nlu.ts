/**
 * The `Nlu` port. Trained at start, in memory, from the clinic's FAQ questions (`faq.<id>`) and
 * Hale's own intent examples (`intent.<name>`, intent-examples.ts), one model per clinic language.
 *
 * Each label's score mixes two views of the text:
 * - nlp.js (github.com/axa-group/nlp.js): tokenizer, stemmer and a small neural classifier per
 *   language, with its "None" feature so words it never saw pull the score down;
 * - character n-gram similarity to the closest training example (build-ngram-index.ts), for
 *   compounds, inflections, missing accents and typos.
 * Measured on held-out paraphrases (create-nlu.test.ts, docs/clinic-config.md) the mix ranks the
 * right answer first more often than either alone. Training is deterministic and silent: no
 * console output, no model file (nlp.js's in-memory `fs` is used and autosave is never called).
 */
import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { LangFr } from '@nlpjs/lang-fr';
import { LangPt } from '@nlpjs/lang-pt';
import { NluManager, NluNeural } from '@nlpjs/nlu';
import type { Nlu } from '../../app/ports.ts';
import { assistantIntents, type AssistantIntent, type Scored, type Understanding } from '../../core/assistant/understanding.ts';
import type { ClinicConfig, Language } from '../../core/clinic/clinic-config.ts';
import { buildNgramIndex, type LabelledText, type NgramIndex } from './build-ngram-index.ts';
import { detectLanguage } from './detect-language.ts';
import { intentExamples } from './intent-examples.ts';
import { createSentiment } from './create-sentiment.ts';

/**
 * An intent is reported only at or above this score. Measured on the demo clinic: held-out
 * intent paraphrases score 0.45–1, unrelated chat below 0.4.
 */
export const intentFloor = 0.4;
/** FAQ candidates below this are noise and not reported. */
const faqFloor = 0.1;
const maxFaqCandidates = 5;
/** Weight of nlp.js's classifier in a label's score; the rest is n-gram similarity. */
const neuralWeight = 0.3;
/** A detected language at least this sure is the only one classified; below it the conversation's language is tried too. */
const sureLanguage = 0.75;

const languagePlugins: Record<Language, unknown> = { en: LangEn, es: LangEs, de: LangDe, fr: LangFr, pt: LangPt };

/**
 * nlp.js's per-language classifier settings: its defaults, except `log: false` (no training
 * output) and `nonedeltaValue` (how hard each unknown word pushes towards "None"; nlp.js's
 * default, intents ÷ features, is ~0.03 here and let "my cat is orange" match "my appointments").
 */
const classifierSettings = {
  keepStopwords: true,
  nonefeatureValue: 1,
  nonedeltaMultiplier: 1.2,
  nonedeltaValue: 0.3,
  spellCheck: false,
  spellCheckDistance: 1,
  filterZeros: true,
  log: false,
};

const intentPrefix = 'intent.';
const faqPrefix = 'faq.';

export async function createNlu(config: ClinicConfig): Promise<Nlu> {
  const languages = [...config.languages.supported];
  const container = containerBootstrap();
  container.registerConfiguration('nlu-??', classifierSettings, true);
  container.use(NluNeural);
  for (const lang of languages) container.use(languagePlugins[lang]);
  const manager = new NluManager({ locales: languages, useNoneFeature: true, trainByDomain: false, ...classifierSettings }, container);

  const indexes = new Map<Language, NgramIndex>();
  for (const lang of languages) {
    const examples = trainingExamples(config, lang);
    for (const { text, label } of examples) manager.add(lang, text, label);
    indexes.set(lang, buildNgramIndex(examples));
  }
  await manager.train();
  // Comments (visit feedback) are judged by sentiment; measured on every text, it costs about a millisecond.
  const sentiment = createSentiment();

  async function scoreIn(lang: Language, text: string): Promise<Array<Scored<string>>> {
    const neural = new Map<string, number>();
    for (const c of (await manager.process(lang, text)).classifications) {
      if (c.intent !== 'None') neural.set(c.intent, c.score);
    }
    const similar = indexes.get(lang)?.similarities(text) ?? new Map<string, number>();
    const labels = new Set([...neural.keys(), ...similar.keys()]);
    return [...labels]
      .map((label) => ({ value: label, score: neuralWeight * (neural.get(label) ?? 0) + (1 - neuralWeight) * (similar.get(label) ?? 0) }))
      .sort((a, b) => b.score - a.score || a.value.localeCompare(b.value));
  }

  return {
    async understand(text, options) {
      const trimmed = text.trim();
      if (trimmed === '') return { faq: [] };
      const language = detectLanguage(trimmed, languages);

      let best: Array<Scored<string>> = [];
      for (const lang of languagesToTry(language, options.language, config.languages.default, languages)) {
        const scored = await scoreIn(lang, trimmed);
        if ((scored[0]?.score ?? 0) > (best[0]?.score ?? 0)) best = scored;
      }

      const understanding: Understanding = { faq: [] };
      if (language !== undefined) understanding.language = language;
      if (/\p{L}/u.test(trimmed)) understanding.sentiment = await sentiment(trimmed, language !== undefined && language.score >= sureLanguage ? language.value : (options.language ?? language?.value ?? config.languages.default));
      for (const { value: label, score } of best) {
        if (label.startsWith(intentPrefix)) {
          if (understanding.intent === undefined && score >= intentFloor) {
            understanding.intent = { value: label.slice(intentPrefix.length) as AssistantIntent, score: round(score) };
          }
        } else if (label.startsWith(faqPrefix) && score >= faqFloor && understanding.faq.length < maxFaqCandidates) {
          understanding.faq.push({ value: label.slice(faqPrefix.length), score: round(score) });
        }
      }
      return understanding;
    },
  };
}

function trainingExamples(config: ClinicConfig, lang: Language): LabelledText[] {
  const examples: LabelledText[] = [];
  for (const intent of assistantIntents) {
    for (const text of intentExamples[intent][lang]) examples.push({ text, label: `${intentPrefix}${intent}` });
  }
  if (config.features.includes('faq')) {
    for (const entry of config.faq) {
      for (const text of entry.questions[lang] ?? []) examples.push({ text, label: `${faqPrefix}${entry.id}` });
    }
  }
  return examples;
}

/**
 * The detected language when it is clear; otherwise also the conversation's language and the
 * clinic's default ("menu", "ok", "cita" are too short to tell).
 */
function languagesToTry(detected: Scored<Language> | undefined, current: Language | undefined, fallback: Language, supported: readonly Language[]): Language[] {
  if (detected !== undefined && detected.score >= sureLanguage) return [detected.value];
  const ordered = [detected?.value, current, fallback].filter((l): l is Language => l !== undefined && supported.includes(l));
  return [...new Set(ordered)];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
