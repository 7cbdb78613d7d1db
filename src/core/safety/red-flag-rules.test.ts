import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedLanguages } from '../clinic/clinic-config.ts';
import { compileTerm } from './compile-term.ts';
import { normalizeText } from './normalize-text.ts';
import { redFlagLanguageContexts } from './red-flag-language-contexts.ts';
import { redFlagCategories, redFlagRules } from './red-flag-rules.ts';

const allTerms = (): Array<[where: string, term: string]> => {
  const out: Array<[string, string]> = [];
  for (const rule of redFlagRules) {
    for (const lang of supportedLanguages) {
      for (const pattern of rule.patterns[lang]) {
        for (const group of 'anyOf' in pattern ? [pattern.anyOf] : pattern.allOf) for (const term of group) out.push([`${rule.id}/${lang}`, term]);
      }
      for (const term of rule.exclusions?.[lang] ?? []) out.push([`${rule.id}/${lang}/exclusions`, term]);
    }
  }
  for (const lang of supportedLanguages) {
    const c = redFlagLanguageContexts[lang];
    for (const term of [...c.negations, ...c.negationFillers, ...c.pseudoNegations, ...c.clauseBreaks, ...c.pastTimes, ...c.presentTimes, ...c.exclusions]) {
      out.push([`context/${lang}`, term]);
    }
  }
  return out;
};

/** Plain messages the term must match: each alternative in turn, no gaps, sample numbers. */
function samplesOf(term: string): string[] {
  const most = Math.max(1, ...[...term.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] ?? '').split('|').length));
  return Array.from({ length: most + 1 }, (_, k) => sampleOf(term, k));
}

function sampleOf(term: string, k: number): string {
  let s = term;
  while (/\([^()]*\)/.test(s)) {
    s = s.replace(/\(([^()]*)\)/, (_, inner: string) => {
      const alternatives = inner.split('|');
      return alternatives[Math.min(k, alternatives.length - 1)] ?? '';
    });
  }
  return s
    .replace(/\.\./g, ' ')
    .replace(/\*/g, '')
    .replace(/#year/g, '2019')
    .replace(/#temp/g, '38.5')
    .replace(/#hot/g, '39')
    .replace(/#many/g, '20')
    .replace(/#/g, '5');
}

test('ids are unique snake_case; title and rationale are written', () => {
  const ids = redFlagRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of redFlagRules) {
    assert.match(rule.id, /^[a-z][a-z_]*[a-z]$/);
    assert.ok(rule.title.length > 10 && rule.rationale.length > 40, rule.id);
  }
});

test('every category has a rule, every rule has a pattern in every language', () => {
  assert.deepEqual([...new Set(redFlagRules.map((r) => r.category))].sort(), [...redFlagCategories].sort());
  for (const rule of redFlagRules) {
    for (const lang of supportedLanguages) {
      assert.ok(rule.patterns[lang].length > 0, `${rule.id} has no ${lang} pattern`);
      for (const pattern of rule.patterns[lang]) {
        const groups = 'anyOf' in pattern ? [pattern.anyOf] : pattern.allOf;
        assert.ok(groups.length > 0 && groups.every((g) => g.length > 0), `${rule.id}/${lang}: empty group`);
      }
    }
  }
});

test('every term compiles and matches a message written like it (after normalization)', () => {
  const problems: string[] = [];
  for (const [where, term] of allTerms()) {
    try {
      const re = compileTerm(term);
      for (const sample of samplesOf(term).map(normalizeText)) {
        re.lastIndex = 0;
        if (!re.test(sample)) problems.push(`${where}: "${term}" does not match "${sample}"`);
      }
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the rules cover at least the issue’s list of emergencies', () => {
  const ids = new Set(redFlagRules.map((r) => r.id));
  for (const id of ['cardiac_chest_pain', 'stroke_signs', 'severe_bleeding', 'breathing_difficulty', 'unconscious', 'seizure', 'anaphylaxis', 'suicidal_self_harm', 'poisoning_overdose', 'infant_fever']) {
    assert.ok(ids.has(id), id);
  }
});
