import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ClinicConfigError, demoClinicConfigPath, loadClinicConfig } from './load-clinic-config.ts';

let dir: string;
let demoText: string;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hale-clinic-config-'));
  demoText = await readFile(demoClinicConfigPath, 'utf8');
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

async function problemsOf(file: string): Promise<readonly string[]> {
  try {
    await loadClinicConfig(file);
  } catch (error) {
    assert.ok(error instanceof ClinicConfigError, String(error));
    assert.equal(error.message, error.problems.join('\n'));
    return error.problems;
  }
  assert.fail('expected a ClinicConfigError');
}

test('the bundled demo path is absolute and loads', async () => {
  assert.ok(path.isAbsolute(demoClinicConfigPath));
  const config = await loadClinicConfig(demoClinicConfigPath);
  assert.equal(config.clinic.name, 'Hale Demo Clinic');
});

test('the result is deep-frozen', async () => {
  const config = await loadClinicConfig(demoClinicConfigPath);
  assert.ok(Object.isFrozen(config));
  assert.ok(Object.isFrozen(config.openingHours.mon));
  assert.ok(Object.isFrozen(config.faq[0]?.questions.en));
  assert.throws(() => {
    (config.clinic as { name: string }).name = 'changed';
  }, TypeError);
});

test('defaults are filled in', async () => {
  const file = await write(
    'minimal.yaml',
    ['clinic: { name: Minimal, timeZone: UTC }', 'languages: { default: en, supported: [en] }', 'openingHours: {}', 'consent: { version: "1", privacyUrl: "https://example.org/p" }', 'emergency: { number: "911" }'].join('\n'),
  );
  const config = await loadClinicConfig(file);
  assert.deepEqual(config.openingHours.sun, []);
  assert.deepEqual(config.faq, []);
  assert.equal(config.assistant.faqThreshold, 0.4);
  assert.equal(config.features.length, 7);
  assert.deepEqual(config.feedback, { enabled: true, delayMinutes: 120, expireDays: 7 });
  assert.equal(config.payments.linkTemplate, undefined);
});

test('schema problems: one line each, naming the file, the path and the problem', async () => {
  const broken = demoText
    .replace('mon: [{ open: "08:00", close: "14:00" }', 'mon: [{ open: "08:00", close: "8:30" }')
    .replace('timeZone: Europe/Madrid', 'timeZone: Madrid\n  colour: blue')
    .replace('number: "112"', 'number: call us')
    .replace('consent:\n  version: "2026-11"\n', 'consent:\n');
  const file = await write('clinic.yaml', broken);
  const problems = await problemsOf(file);
  assert.deepEqual([...problems].sort(), [
    `${file}: clinic.colour: unknown key (check the spelling; docs/clinic-config.md lists every key)`,
    `${file}: clinic.timeZone: must be an IANA time zone such as Europe/Madrid`,
    `${file}: consent.version: is required`,
    `${file}: emergency.number: must be a phone number such as "112" or "911"`,
    `${file}: openingHours.mon[0].close: must be a time like 08:30`,
  ]);
});

test('cross-checks (labels, ids, languages, departments) are reported once the shape is valid', async () => {
  const broken = demoText
    .replace('label: { en: Address & parking,', 'label: { en: Address and where to park the car,')
    .replace('departments: [paediatrics]', 'departments: [paediatric]')
    .replace('  - id: vaccinations', '  - id: children');
  const file = await write('cross.yaml', broken);
  const problems = await problemsOf(file);
  assert.deepEqual(problems, [
    `${file}: faq[0].label.en: must be at most 20 characters (WhatsApp button title)`,
    `${file}: faq[12].id: duplicate FAQ id "children"`,
    `${file}: providers[3].departments[0]: unknown department "paediatric"`,
  ]);
});

test('YAML syntax errors name the line and column', async () => {
  const file = await write('syntax.yaml', 'clinic:\n  name: A\n  name: B\nlanguages: [en\n');
  const problems = await problemsOf(file);
  assert.ok(problems.length >= 1);
  assert.match(problems[0] ?? '', new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 3, column 3: Map keys must be unique$`));
  for (const line of problems) assert.match(line, /: line \d+, column \d+: /);
});

test('a missing or empty file is reported as such', async () => {
  assert.deepEqual(await problemsOf(path.join(dir, 'nope.yaml')), [`${path.join(dir, 'nope.yaml')}: cannot read the file (ENOENT)`]);
  const empty = await write('empty.yaml', '# nothing yet\n');
  assert.deepEqual(await problemsOf(empty), [`${empty}: the file is empty`]);
  const list = await write('list.yaml', '- a\n- b\n');
  assert.equal((await problemsOf(list))[0]?.startsWith(`${list}: (top level): `), true);
});
