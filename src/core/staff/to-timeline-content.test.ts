import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPreview, toTimelineContent } from './to-timeline-content.ts';

test('lists, taps, templates and files are shown as the patient saw them', () => {
  const list = toTimelineContent({ kind: 'choices', text: 'How can we help?', choices: [{ id: 'menu:book', title: 'Book' }] });
  assert.equal(list.text, 'How can we help?');
  assert.deepEqual(list.choices, [{ id: 'menu:book', title: 'Book' }]);
  assert.equal(toTimelineContent({ kind: 'choice', choiceId: 'menu:book', title: 'Book', source: 'list' }).choiceTaken, 'Book');
  const template = toTimelineContent({ kind: 'template', name: 'follow_up', language: 'en', bodyParams: ['Ana'] });
  assert.deepEqual(template.template, { name: 'follow_up', language: 'en', params: ['Ana'] });
  assert.equal(toPreview({ kind: 'template', name: 'follow_up', language: 'en', bodyParams: ['Ana'] }), 'Template: follow_up');
  const doc = toTimelineContent({ kind: 'media', mediaType: 'document', providerMediaId: 'm1', mimeType: 'application/pdf', filename: 'lab.pdf' });
  assert.equal(doc.media?.filename, 'lab.pdf');
  assert.equal(toPreview({ kind: 'media', mediaType: 'image', providerMediaId: 'm2', mimeType: 'image/jpeg' }), '[image]');
  assert.match(toTimelineContent({ kind: 'edit', targetProviderMessageId: 'x', content: { kind: 'text', text: 'hi' } }).text ?? '', /hi \(edited\)/);
});
