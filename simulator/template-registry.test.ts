import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TEMPLATES_FILE } from './simulator-config.ts';
import { GraphError } from './graph-error.ts';
import { loadTemplateRegistry, parseTemplateFile } from './template-registry.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof GraphError);
    return err.code;
  }
  return 0;
};

test('the example file loads and has the documented clinic templates', async () => {
  const registry = await loadTemplateRegistry(DEFAULT_TEMPLATES_FILE);
  for (const lang of ['en', 'es', 'de']) {
    const t = registry.find('appointment_reminder', lang);
    assert.ok(t, `appointment_reminder/${lang}`);
    assert.equal(t.translation.buttons?.length, 3);
  }
  assert.ok(registry.find('result_ready', 'en'));
  assert.ok(registry.find('hello_world', 'en_US'));
});

test('named placeholders need parameter_name; media headers check their format', () => {
  const registry = parseTemplateFile(`
templates:
  - name: named
    languages:
      en:
        header: { format: image }
        body: "Hi {{first_name}}, see you at {{time}}"
`);
  const header = { type: 'header' as const, parameters: [{ type: 'image' as const, image: { link: 'https://example.org/a.png' } }] };
  const rendered = registry.render({
    name: 'named',
    language: { code: 'en' },
    components: [
      header,
      { type: 'body', parameters: [{ type: 'text', text: '10:00', parameter_name: 'time' }, { type: 'text', text: 'Ana', parameter_name: 'first_name' }] },
    ],
  });
  assert.equal(rendered.body, 'Hi Ana, see you at 10:00');
  assert.equal(rendered.header?.media?.link, 'https://example.org/a.png');
  assert.equal(codeOf(() => registry.render({ name: 'named', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }, { type: 'text', text: 'y' }] }] })), 132000);
  assert.equal(
    codeOf(() =>
      registry.render({
        name: 'named',
        language: { code: 'en' },
        components: [{ type: 'header', parameters: [{ type: 'document', document: { id: '1' } }] }, { type: 'body', parameters: [] }],
      }),
    ),
    132012,
  );
});

test('bad files fail with a message naming the field', () => {
  assert.throws(() => parseTemplateFile('templates:\n  - name: Bad-Name\n    languages: {}\n'), /templates\.0\.name/);
  assert.throws(() => parseTemplateFile('templates: [\n'), /not valid YAML/);
});
