/**
 * The triage command (scripts/triage.ts) on the red-flag test set
 * (test/fixtures/triage/cases.jsonl): every emergency caught, at most 10% of non-emergencies
 * flagged, screened with the stated language and with none; the four levels, department and
 * the other output fields; its error handling; and docs/clinical-safety.md kept equal to the
 * rules. The four-level evaluation is test/triage-evaluation.int.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { supportedLanguages } from '../src/core/clinic/clinic-config.ts';
import { redFlagRules } from '../src/core/safety/red-flag-rules.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, 'scripts', 'triage.ts');
const fixture = join(root, 'test', 'fixtures', 'triage', 'cases.jsonl');
const tmp = mkdtempSync(join(tmpdir(), 'hale-triage-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Case {
  id: string;
  text: string;
  lang?: string;
  expected: 'emergency' | 'non_emergency';
  category?: string;
}
interface Output {
  id: string;
  level: string;
  red_flags: string[];
  department: string;
  presentations: string[];
  findings: string[];
  rules: string[];
  questions: string[];
}

function triage(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cases: Case[] = readFileSync(fixture, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Case);

interface Measure {
  outputs: Output[];
  caught: number;
  emergencies: number;
  flagged: number;
  nonEmergencies: number;
  misses: Case[];
  falseAlarms: Case[];
}

function measure(stdout: string): Measure {
  const outputs = stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Output);
  const byId = new Map(outputs.map((o) => [o.id, o]));
  const misses = cases.filter((c) => c.expected === 'emergency' && byId.get(c.id)?.level !== 'emergency');
  const falseAlarms = cases.filter((c) => c.expected === 'non_emergency' && byId.get(c.id)?.level === 'emergency');
  const emergencies = cases.filter((c) => c.expected === 'emergency').length;
  return { outputs, emergencies, caught: emergencies - misses.length, nonEmergencies: cases.length - emergencies, flagged: falseAlarms.length, misses, falseAlarms };
}

const percent = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const describe = (m: Measure) =>
  `sensitivity ${m.caught}/${m.emergencies} = ${percent(m.caught, m.emergencies)}, false alarms ${m.flagged}/${m.nonEmergencies} = ${percent(m.flagged, m.nonEmergencies)}`;

// Run once with the stated languages and once with every "lang" removed (screened in all languages).
const withLang = triage([fixture]);
const withoutLangFile = join(tmp, 'without-lang.jsonl');
writeFileSync(withoutLangFile, cases.map(({ lang: _lang, ...rest }) => JSON.stringify(rest)).join('\n'));
const withoutLang = triage([withoutLangFile]);
const measured = { 'with lang': measure(withLang.stdout), 'without lang': measure(withoutLang.stdout) };

test('the test set: ≥ 90 messages in 5 languages, ≥ 40 emergencies covering every rule, ≥ 50 non-emergencies', (t) => {
  const emergencies = cases.filter((c) => c.expected === 'emergency');
  assert.ok(cases.length >= 90 && emergencies.length >= 40 && cases.length - emergencies.length >= 50);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'ids are unique');
  const byLang = (c: Case) => c.lang ?? c.id.slice(0, 2);
  for (const lang of supportedLanguages) {
    const mine = cases.filter((c) => byLang(c) === lang);
    assert.ok(mine.some((c) => c.expected === 'emergency') && mine.some((c) => c.expected === 'non_emergency'), lang);
    t.diagnostic(`${lang}: ${mine.length} cases (${mine.filter((c) => c.expected === 'emergency').length} emergencies)`);
  }
  for (const rule of redFlagRules) assert.ok(emergencies.some((c) => c.category === rule.id), `no emergency case for ${rule.id}`);
  for (const c of cases) assert.ok(c.category === undefined || redFlagRules.some((r) => r.id === c.category), `${c.id}: unknown category`);
});

for (const [mode, m] of Object.entries(measured)) {
  test(`${mode}: exactly one output line per case, in order, nothing else on stdout`, () => {
    const run = mode === 'with lang' ? withLang : withoutLang;
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(m.outputs.map((o) => o.id), cases.map((c) => c.id));
    for (const o of m.outputs) {
      // The first three fields are those of the red-flag-only command, in the same order.
      assert.deepEqual(Object.keys(o), ['id', 'level', 'red_flags', 'department', 'presentations', 'findings', 'rules', 'questions']);
      assert.ok(['emergency', 'urgent', 'routine', 'self_care'].includes(o.level), o.level);
      if (o.red_flags.length > 0) assert.equal(o.level, 'emergency');
      assert.equal(typeof o.department, 'string');
    }
  });

  test(`${mode}: every emergency caught (${describe(m)})`, (t) => {
    t.diagnostic(describe(m));
    assert.deepEqual(m.misses.map((c) => `${c.id}: ${c.text}`), []);
  });

  test(`${mode}: the expected rule is among the red flags of every emergency`, () => {
    const byId = new Map(m.outputs.map((o) => [o.id, o]));
    const wrong = cases.filter((c) => c.expected === 'emergency' && c.category !== undefined && !(byId.get(c.id)?.red_flags ?? []).includes(c.category));
    assert.deepEqual(wrong.map((c) => `${c.id} expected ${c.category}, got ${byId.get(c.id)?.red_flags.join(', ')}`), []);
  });

  test(`${mode}: at most 10% of non-emergencies flagged (${percent(m.flagged, m.nonEmergencies)})`, (t) => {
    for (const c of m.falseAlarms) t.diagnostic(`false alarm ${c.id}: ${c.text}`);
    assert.ok(m.flagged / m.nonEmergencies <= 0.1, describe(m));
  });
}

test('reads standard input with "-"', () => {
  const run = triage(['-'], '{"id":"a","text":"I cannot breathe"}\n{"id":7,"text":"book a check-up","lang":"en"}\n');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Output);
  assert.deepEqual(
    lines.map((o) => [o.id, o.level, o.red_flags, o.department]),
    [
      ['a', 'emergency', ['breathing_difficulty'], 'emergency'],
      [7, 'routine', [], 'general'],
    ],
  );
});

test('all four levels, department from the clinic config, and facts (age, sex, pregnancy, answers) from the input', () => {
  const input = [
    { id: 'e', text: 'crushing chest pain and sweating' },
    { id: 'u', text: 'it burns when I pee', sex: 'male' },
    { id: 'r', text: 'I have a mole that changed colour' },
    { id: 's', text: 'I have a cold and a runny nose' },
    { id: 'child', text: 'earache', age: 4 },
    { id: 'preg', text: 'stomach ache', pregnant: true },
    { id: 'answer', text: 'I have chest pain', answers: { q_chest_features: 'yes' } },
  ];
  const run = triage(['-'], input.map((x) => JSON.stringify(x)).join('\n'));
  assert.equal(run.status, 0, run.stderr);
  const out = new Map(run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Output).map((o) => [o.id, o]));
  assert.deepEqual([...out.values()].map((o) => o.level), ['emergency', 'urgent', 'routine', 'self_care', 'self_care', 'urgent', 'emergency']);
  assert.equal(out.get('r')?.department, 'dermatology', 'the demo clinic has a dermatology department');
  assert.equal(out.get('child')?.department, 'paediatrics');
  assert.deepEqual(out.get('u')?.rules, ['urinary_man_child_pregnant']);
  assert.ok(out.get('s')?.questions.includes('q_breathless'));
  const bad = triage(['-'], '{"id":"x","text":"cough","age":"old"}\n{"id":"y","text":"cough","sex":"x"}\n{"id":"z","text":"cough","answers":[1]}\n');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /"age" must be a number/);
  assert.match(bad.stderr, /"sex" must be "female" or "male"/);
  assert.match(bad.stderr, /"answers" must be an object/);
});

test('a malformed line: reported on stderr with its number, other lines still done, exit code 2', () => {
  const input = ['{"id":"1","text":"chest pain and sweating"}', 'not json', '', '{"id":"3"}', '["x"]', '{"id":"5","text":"hola","lang":"it"}', '\uFEFF'].join('\n');
  const run = triage(['-'], `\uFEFF${input}`);
  assert.equal(run.status, 2);
  assert.deepEqual(
    run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Output).id),
    ['1', '5'],
  );
  assert.match(run.stderr, /standard input:2: not valid JSON/);
  assert.match(run.stderr, /standard input:4: "text" must be a string/);
  assert.match(run.stderr, /standard input:5: not a JSON object/);
  assert.match(run.stderr, /standard input:6: unknown lang "it"; screened in every language/);
});

test('an unreadable file: message on stderr, exit code 1, nothing on stdout', () => {
  const missing = triage([join(tmp, 'missing.jsonl')]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /cannot read .*missing\.jsonl/);
  const directory = triage([tmp]);
  assert.equal(directory.status, 1);
  assert.match(directory.stderr, /cannot read/);
});

test('usage errors go to stderr', () => {
  for (const args of [[], ['a', 'b'], ['--nope']]) {
    const run = triage(args);
    assert.notEqual(run.status, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /usage: npm run --silent triage -- .*FILE\.jsonl/);
  }
});

// npm runs the script with the `node` found on PATH: put this test's Node first.
const npmEnv = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
const npmFound = spawnSync('npm', ['--version'], { env: npmEnv, encoding: 'utf8' }).status === 0;
test('npm run --silent triage -- FILE.jsonl prints only the results', { skip: npmFound ? false : 'npm is not on PATH' }, () => {
  const run = spawnSync('npm', ['run', '--silent', 'triage', '--', fixture], { cwd: root, encoding: 'utf8', env: npmEnv });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, withLang.stdout);
});

test('docs/clinical-safety.md lists every triage rule exactly as the code has it', () => {
  const doc = readFileSync(join(root, 'docs', 'clinical-safety.md'), 'utf8');
  const begin = '<!-- triage-rules:begin (generated: npm run --silent triage -- --triage-rules-markdown) -->\n';
  const end = '<!-- triage-rules:end -->';
  const start = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  assert.ok(start >= 0 && stop > start, 'the generated triage rule section markers are missing');
  const generated = triage(['--triage-rules-markdown']);
  assert.equal(generated.status, 0, generated.stderr);
  assert.equal(doc.slice(start + begin.length, stop), generated.stdout, 'regenerate the triage rule section: npm run --silent triage -- --triage-rules-markdown');
});

test('docs/clinical-safety.md lists every rule exactly as the code has it', () => {
  const doc = readFileSync(join(root, 'docs', 'clinical-safety.md'), 'utf8');
  const begin = '<!-- rules:begin (generated: npm run --silent triage -- --rules-markdown) -->\n';
  const end = '<!-- rules:end -->';
  const start = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  assert.ok(start >= 0 && stop > start, 'the generated section markers are missing');
  const generated = triage(['--rules-markdown']);
  assert.equal(generated.status, 0);
  assert.equal(doc.slice(start + begin.length, stop), generated.stdout, 'regenerate the rule section: npm run --silent triage -- --rules-markdown');
  for (const rule of redFlagRules) assert.ok(doc.includes(`\`${rule.id}\``), rule.id);
});
