import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Language } from '../../core/clinic/clinic-config.ts';
import { createSentiment } from './create-sentiment.ts';

const sentiment = createSentiment();

test('angry and happy visit comments in five languages', async () => {
  const cases: Array<[Language, string, 'positive' | 'negative']> = [
    ['en', 'The doctor was rude and I waited two hours, terrible service', 'negative'],
    ['en', 'Awful. Nobody listened to me', 'negative'],
    ['en', 'not good at all', 'negative'],
    ['en', 'Great doctor, very kind and helpful', 'positive'],
    ['de', 'Sehr unfreundlich und schlecht organisiert', 'negative'],
    ['de', 'Sehr nette Ärztin, alles super', 'positive'],
    ['es', 'Pésimo trato, muy mal', 'negative'],
    ['es', 'Muy amable, excelente', 'positive'],
    ['fr', 'Horrible, personnel désagréable', 'negative'],
    ['fr', 'Très bien, merci beaucoup', 'positive'],
    ['pt', 'Péssimo atendimento, muito mau', 'negative'],
    ['pt', 'Muito bom, obrigado', 'positive'],
  ];
  for (const [lang, text, expected] of cases) assert.equal((await sentiment(text, lang)).vote, expected, `${lang}: ${text}`);
});

test('a comment without opinion words is neutral', async () => {
  assert.deepEqual(await sentiment('I came on Tuesday at ten', 'en'), { vote: 'neutral', score: 0 });
});
