/**
 * The four-level triage evaluation (issue 8): the test set test/fixtures/triage/levels.jsonl,
 * written for this purpose (≥ 120 patient messages, four levels, adults and children, ≥ 3
 * languages, the source of each expected level in level-sources.json), assessed one message at
 * a time with no follow-up answers. Requires: every emergency → emergency; ≥ 75 % exact; no
 * self_care for an emergency or urgent case. The results section of docs/clinical-safety.md is
 * generated from the same run (`npm run --silent triage -- --evaluation-markdown …`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Language } from '../src/core/clinic/clinic-config.ts';
import { assessTriage } from '../src/core/triage/assess-triage.ts';
import { type EvaluationCase, evaluate } from '../src/core/triage/to-triage-markdown.ts';
import { presentations } from '../src/core/triage/triage-rules.ts';
import { type TriageLevel, triageLevels } from '../src/core/triage/triage-types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const casesFile = join(root, 'test', 'fixtures', 'triage', 'levels.jsonl');
const sourcesFile = join(root, 'test', 'fixtures', 'triage', 'level-sources.json');
const cases: EvaluationCase[] = readFileSync(casesFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as EvaluationCase);
const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as Record<string, string>;
const actual = new Map<string, TriageLevel>(cases.map((c) => [c.id, assessTriage({ text: c.text, lang: c.lang as Language }).level]));
const result = evaluate(cases, actual);

test('the test set: ≥ 120 messages, all four levels, adults and children, ≥ 3 languages, a documented source for each', (t) => {
  assert.ok(cases.length >= 120, `${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'ids are unique');
  for (const level of triageLevels) assert.ok(cases.filter((c) => c.expected === level).length >= 20, `at least 20 ${level} cases`);
  assert.ok(cases.filter((c) => c.group === 'child').length >= 20, 'at least 20 children');
  assert.ok(cases.filter((c) => c.group === 'adult').length >= 20, 'at least 20 adults');
  const languages = new Set(cases.map((c) => c.lang));
  assert.ok(['en', 'es', 'de'].every((l) => cases.filter((c) => c.lang === l).length >= 30), 'at least 30 in each of en, es, de');
  const categories = new Set(presentations.map((p) => p.id));
  for (const c of cases) {
    assert.ok(triageLevels.includes(c.expected), `${c.id}: level`);
    assert.ok(sources[c.source] !== undefined, `${c.id}: unknown source ${c.source}`);
    assert.ok(categories.has(c.category), `${c.id}: unknown category ${c.category}`);
    assert.ok(c.group === 'adult' || c.group === 'child', `${c.id}: group`);
  }
  for (const p of categories) assert.ok(cases.some((c) => c.category === p), `no case for ${p}`);
  t.diagnostic(`${cases.length} cases in ${[...languages].join(', ')}`);
});

test(`every emergency is answered emergency (${result.emergenciesCaught}/${result.emergencies})`, () => {
  const missed = cases.filter((c) => c.expected === 'emergency' && actual.get(c.id) !== 'emergency');
  assert.deepEqual(missed.map((c) => `${c.id} → ${actual.get(c.id)}: ${c.text}`), []);
});

test('no emergency or urgent case is answered self_care', () => {
  const unsafe = cases.filter((c) => (c.expected === 'emergency' || c.expected === 'urgent') && actual.get(c.id) === 'self_care');
  assert.deepEqual(unsafe.map((c) => `${c.id} (${c.expected}): ${c.text}`), []);
});

test(`at least 75 % exact (${((100 * result.exact) / result.cases).toFixed(1)} %)`, (t) => {
  t.diagnostic(`exact ${result.exact}/${result.cases}; under-triage ${result.underTriaged}; over-triage ${result.overTriaged}`);
  assert.ok(result.exact / result.cases >= 0.75);
});

test('docs/clinical-safety.md shows the results of this very run (confusion matrix included)', () => {
  const doc = readFileSync(join(root, 'docs', 'clinical-safety.md'), 'utf8');
  const begin = '<!-- triage-evaluation:begin (generated: npm run --silent triage -- --evaluation-markdown test/fixtures/triage/levels.jsonl test/fixtures/triage/level-sources.json) -->\n';
  const end = '<!-- triage-evaluation:end -->';
  const start = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  assert.ok(start >= 0 && stop > start, 'the generated evaluation section markers are missing');
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'triage.ts'), '--evaluation-markdown', casesFile, sourcesFile], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Confusion matrix/);
  assert.equal(doc.slice(start + begin.length, stop), run.stdout, 'regenerate: npm run --silent triage -- --evaluation-markdown test/fixtures/triage/levels.jsonl test/fixtures/triage/level-sources.json');
});
