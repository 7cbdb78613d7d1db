import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Choice, OutboundReply } from '../../core/messages.ts';
import { loadSendMessageValidator } from '../../../test/support/openapi.ts';
import { OutboundRenderError, renderMarkAsRead, renderOutbound } from './render-outbound.ts';

const patient = { waId: '16505551234' };

function problemsOf(reply: OutboundReply, to: { waId?: string; userId?: string } = patient): string {
  try {
    renderOutbound(reply, to);
  } catch (error) {
    assert.ok(error instanceof OutboundRenderError);
    assert.equal(error.code, 'invalid_reply');
    return error.details;
  }
  assert.fail('expected OutboundRenderError');
}

const choice = (id: string, title = `Title ${id}`, extra: Partial<Choice> = {}): Choice => ({ id, title, ...extra });

test('text: phone recipients get a leading + so Meta never prepends the clinic country code', () => {
  assert.deepEqual(renderOutbound({ kind: 'text', text: 'See you at 9:00' }, patient), {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '+16505551234',
    type: 'text',
    text: { body: 'See you at 9:00' },
  });
  const withPreview = renderOutbound({ kind: 'text', text: 'https://clinic.example/map', previewUrl: true }, { waId: '+4930123' });
  assert.deepEqual(withPreview, {
    messaging_product: 'whatsapp', recipient_type: 'individual', to: '+4930123', type: 'text',
    text: { body: 'https://clinic.example/map', preview_url: true },
  });
});

test('username-only patients are addressed by business-scoped user id (recipient)', () => {
  const body = renderOutbound({ kind: 'text', text: 'Hi' }, { userId: 'US.13491208655302741918' });
  assert.equal(body.recipient, 'US.13491208655302741918');
  assert.ok(!('to' in body));
  assert.equal(renderOutbound({ kind: 'text', text: 'Hi' }, { waId: '1555', userId: 'US.1' }).to, '+1555', 'phone wins when known');
  assert.equal(problemsOf({ kind: 'text', text: 'Hi' }, {}), 'recipient has neither a WhatsApp number (waId) nor a user id (userId)');
});

test('text limits: empty and over 4096 characters are refused; emoji count once', () => {
  assert.equal(problemsOf({ kind: 'text', text: '  ' }), 'text is empty');
  assert.equal(problemsOf({ kind: 'text', text: 'x'.repeat(4097) }), 'text is 4097 characters; WhatsApp allows 4096');
  assert.doesNotThrow(() => renderOutbound({ kind: 'text', text: '😀'.repeat(4096) }, patient));
});

test('up to 3 choices without descriptions become reply buttons', () => {
  const body = renderOutbound(
    { kind: 'choices', text: 'Confirm your visit?', header: 'Dr Ruiz, Mon 9:00', footer: 'Hale Clinic', choices: [choice('yes', 'Yes'), choice('no', 'No')] },
    patient,
  );
  assert.deepEqual(body, {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '+16505551234',
    type: 'interactive',
    interactive: {
      type: 'button',
      header: { type: 'text', text: 'Dr Ruiz, Mon 9:00' },
      body: { text: 'Confirm your visit?' },
      footer: { text: 'Hale Clinic' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
          { type: 'reply', reply: { id: 'no', title: 'No' } },
        ],
      },
    },
  });
});

test('more than 3 choices, or any description, become a list grouped by section', () => {
  const fourChoices = renderOutbound({ kind: 'choices', text: 'Pick a day', choices: ['mon', 'tue', 'wed', 'thu'].map((d) => choice(d)), buttonLabel: 'Days' }, patient);
  assert.equal(fourChoices.type, 'interactive');
  assert.deepEqual(fourChoices.type === 'interactive' && fourChoices.interactive, {
    type: 'list',
    body: { text: 'Pick a day' },
    action: {
      button: 'Days',
      sections: [{ title: 'Options', rows: ['mon', 'tue', 'wed', 'thu'].map((d) => ({ id: d, title: `Title ${d}` })) }],
    },
  });

  const described = renderOutbound({ kind: 'choices', text: 'Pick', header: 'Available slots', choices: [choice('a', 'A', { description: 'Dr Ruiz' })] }, patient);
  assert.deepEqual(described.type === 'interactive' && described.interactive.action, {
    button: 'Options',
    sections: [{ title: 'Available slots', rows: [{ id: 'a', title: 'A', description: 'Dr Ruiz' }] }],
  });

  const grouped = renderOutbound(
    {
      kind: 'choices',
      text: 'Pick a slot',
      buttonLabel: 'See slots',
      choices: [
        choice('m9', 'Mon 9:00', { section: 'Monday' }),
        choice('t9', 'Tue 9:00', { section: 'Tuesday' }),
        choice('m10', 'Mon 10:00', { section: 'Monday' }),
        choice('other', 'Another day'),
      ],
    },
    patient,
  );
  assert.deepEqual(grouped.type === 'interactive' && grouped.interactive.action, {
    button: 'See slots',
    sections: [
      { title: 'Monday', rows: [{ id: 'm9', title: 'Mon 9:00' }, { id: 'm10', title: 'Mon 10:00' }] },
      { title: 'Tuesday', rows: [{ id: 't9', title: 'Tue 9:00' }] },
      { title: 'Options', rows: [{ id: 'other', title: 'Another day' }] },
    ],
  });
});

test('choices over the limits are refused with the field and the limit named', () => {
  const eleven = Array.from({ length: 11 }, (_, i) => choice(`c${i}`));
  assert.equal(problemsOf({ kind: 'choices', text: 'Pick', choices: eleven }), 'choices has 11 rows; WhatsApp allows 10 in a list');
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('a'), choice('b'), choice('c'), choice('d', 'A title that is 27 chars!!!')] }),
    'choices[3].title is 27 characters; WhatsApp allows 24',
  );
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('a', 'Twenty-one characters')] }),
    'choices[0].title is 21 characters; WhatsApp allows 20',
  );
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('a', 'Same'), choice('b', 'Same')] }),
    'choices[1].title repeats choices[0].title "Same"; WhatsApp needs unique titles',
  );
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('a', 'One'), choice('a', 'Two')] }),
    'choices[1].id repeats choices[0].id "a"; WhatsApp needs unique ids',
  );
  assert.equal(problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('b'.repeat(257), 'x')] }), 'choices[0].id is 257 characters; WhatsApp allows 256');
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('r'.repeat(201), 'x', { description: 'd' })] }),
    'choices[0].id is 201 characters; WhatsApp allows 200',
  );
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('a', 'x', { description: 'd'.repeat(73) })] }),
    'choices[0].description is 73 characters; WhatsApp allows 72',
  );
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', choices: [choice('a', 'x', { description: 'd', section: 's'.repeat(25) })] }),
    'choices[0].section is 25 characters; WhatsApp allows 24',
  );
  assert.equal(problemsOf({ kind: 'choices', text: 'Pick', choices: [] }), 'choices is empty; WhatsApp needs at least 1');
  assert.equal(problemsOf({ kind: 'choices', text: '', choices: [choice('a')] }), 'text is empty');
  assert.equal(problemsOf({ kind: 'choices', text: 'b'.repeat(1025), choices: [choice('a')] }), 'text is 1025 characters; WhatsApp allows 1024');
  assert.equal(problemsOf({ kind: 'choices', text: 'Pick', header: 'h'.repeat(61), choices: [choice('a')] }), 'header is 61 characters; WhatsApp allows 60');
  assert.equal(problemsOf({ kind: 'choices', text: 'Pick', footer: 'f'.repeat(61), choices: [choice('a')] }), 'footer is 61 characters; WhatsApp allows 60');
  assert.equal(
    problemsOf({ kind: 'choices', text: 'Pick', buttonLabel: 'l'.repeat(21), choices: [choice('a', 'x', { description: 'd' })] }),
    'buttonLabel is 21 characters; WhatsApp allows 20',
  );
  assert.equal(problemsOf({ kind: 'choices', text: 'Pick', choices: [choice(' a', 'x')] }), 'choices[0].id has leading or trailing spaces');
  // All problems are reported at once.
  assert.equal(
    problemsOf({ kind: 'choices', text: '', footer: 'f'.repeat(61), choices: [choice('a', 'Same'), choice('b', 'Same')] }),
    'text is empty; footer is 61 characters; WhatsApp allows 60; choices[1].title repeats choices[0].title "Same"; WhatsApp needs unique titles',
  );
});

test('a long header is not reused as the default section title', () => {
  const header = 'A header longer than 24 characters';
  const body = renderOutbound({ kind: 'choices', text: 'Pick', header, choices: [choice('a', 'A', { description: 'x' })] }, patient);
  assert.equal(body.type === 'interactive' && body.interactive.type === 'list' && body.interactive.action.sections[0]?.title, 'Options');
});

test('templates: header and body values, quick-reply payloads by index', () => {
  const body = renderOutbound(
    {
      kind: 'template',
      name: 'appointment_reminder',
      language: 'es',
      headerParams: ['Hale Clinic'],
      bodyParams: ['María', 'lunes 9:00'],
      quickReplyPayloads: ['CONFIRM:42', 'CANCEL:42'],
    },
    patient,
  );
  assert.deepEqual(body, {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '+16505551234',
    type: 'template',
    template: {
      name: 'appointment_reminder',
      language: { code: 'es' },
      components: [
        { type: 'header', parameters: [{ type: 'text', text: 'Hale Clinic' }] },
        { type: 'body', parameters: [{ type: 'text', text: 'María' }, { type: 'text', text: 'lunes 9:00' }] },
        { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'CONFIRM:42' }] },
        { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'CANCEL:42' }] },
      ],
    },
  });
  const bare = renderOutbound({ kind: 'template', name: 'hello_world', language: 'en_US', bodyParams: [] }, patient);
  assert.deepEqual(bare.type === 'template' && bare.template, { name: 'hello_world', language: { code: 'en_US' } });
});

test('template values Meta would refuse are caught before sending', () => {
  assert.equal(problemsOf({ kind: 'template', name: 'Reminder', language: 'en', bodyParams: [] }), 'template name must be lowercase letters, digits and underscores');
  assert.equal(problemsOf({ kind: 'template', name: 'r', language: ' ', bodyParams: [] }), 'language is empty');
  assert.equal(problemsOf({ kind: 'template', name: 'r', language: 'en', bodyParams: ['ok', ''] }), 'bodyParams[1] is empty');
  assert.match(problemsOf({ kind: 'template', name: 'r', language: 'en', bodyParams: ['line\nbreak'] }), /^bodyParams\[0\] contains a newline/);
  assert.match(problemsOf({ kind: 'template', name: 'r', language: 'en', bodyParams: ['a     b'] }), /more than 4 spaces/);
  assert.equal(problemsOf({ kind: 'template', name: 'r', language: 'en', bodyParams: [], headerParams: ['a', 'b'] }), 'headerParams has 2 values; a WhatsApp text header takes 1');
  assert.equal(
    problemsOf({ kind: 'template', name: 'r', language: 'en', bodyParams: [], quickReplyPayloads: Array.from({ length: 11 }, (_, i) => `p${i}`) }),
    'quickReplyPayloads has 11 values; WhatsApp allows 10 buttons',
  );
});

test('media by id, link or stored file; captions and filenames where WhatsApp supports them', () => {
  assert.deepEqual(renderOutbound({ kind: 'media', mediaType: 'image', source: { mediaId: '1479' }, caption: 'Your x-ray' }, patient), {
    messaging_product: 'whatsapp', recipient_type: 'individual', to: '+16505551234', type: 'image', image: { id: '1479', caption: 'Your x-ray' },
  });
  const doc = renderOutbound(
    { kind: 'media', mediaType: 'document', source: { storageKey: 'results/42.pdf' }, filename: 'results.pdf', mimeType: 'application/pdf' },
    patient,
    { mediaIdForStorageKey: (key) => (key === 'results/42.pdf' ? 'MEDIA42' : undefined) },
  );
  assert.deepEqual(doc.type === 'document' && doc.document, { id: 'MEDIA42', filename: 'results.pdf' });
  const video = renderOutbound({ kind: 'media', mediaType: 'video', source: { link: 'https://clinic.example/v.mp4' }, filename: 'ignored.mp4' }, patient);
  assert.deepEqual(video.type === 'video' && video.video, { link: 'https://clinic.example/v.mp4' });
  const audio = renderOutbound({ kind: 'media', mediaType: 'audio', source: { mediaId: '9' } }, patient);
  assert.deepEqual(audio.type === 'audio' && audio.audio, { id: '9' });
});

test('media problems are refused: no source, unresolved file, bad link, long or unsupported caption', () => {
  assert.equal(
    problemsOf({ kind: 'media', mediaType: 'document', source: { storageKey: 'x' } }),
    'source.storageKey has no uploaded WhatsApp media id; upload the file first',
  );
  assert.equal(problemsOf({ kind: 'media', mediaType: 'image', source: { mediaId: '' } }), 'media has no source (mediaId, link or storageKey)');
  const noSource = { kind: 'media', mediaType: 'image' } as unknown as OutboundReply;
  assert.equal(problemsOf(noSource), 'media has no source (mediaId, link or storageKey)');
  assert.equal(problemsOf({ kind: 'media', mediaType: 'image', source: { link: 'file:///etc/passwd' } }), 'source.link must be an http(s) URL');
  assert.equal(
    problemsOf({ kind: 'media', mediaType: 'image', source: { mediaId: '1' }, caption: 'c'.repeat(1025) }),
    'caption is 1025 characters; WhatsApp allows 1024',
  );
  assert.match(problemsOf({ kind: 'media', mediaType: 'audio', source: { mediaId: '1' }, caption: 'hi' }), /^caption is not supported on audio/);
});

test('mark as read, optionally with a typing indicator', () => {
  assert.deepEqual(renderMarkAsRead('wamid.IN'), { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' });
  assert.deepEqual(renderMarkAsRead('wamid.IN', { typingIndicator: true }), {
    messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN', typing_indicator: { type: 'text' },
  });
  assert.throws(() => renderMarkAsRead(''), OutboundRenderError);
});

test("rendered requests pass Meta's OpenAPI schema", async (t) => {
  const validate = await loadSendMessageValidator();
  if (validate === undefined) {
    t.skip('shared/ not present');
    return;
  }
  const replies: OutboundReply[] = [
    { kind: 'text', text: 'Hello', previewUrl: false },
    { kind: 'choices', text: 'Confirm?', header: 'Visit', footer: 'Hale', choices: [choice('y', 'Yes'), choice('n', 'No')] },
    { kind: 'choices', text: 'Pick', buttonLabel: 'Slots', choices: Array.from({ length: 10 }, (_, i) => choice(`s${i}`, `Slot ${i}`, { section: i < 5 ? 'Morning' : 'Afternoon' })) },
    { kind: 'template', name: 'appointment_reminder', language: 'en', headerParams: ['Hale'], bodyParams: ['Ana', 'Mon'], quickReplyPayloads: ['C', 'X'] },
    { kind: 'media', mediaType: 'image', source: { link: 'https://clinic.example/a.png' }, caption: 'Map' },
    { kind: 'media', mediaType: 'document', source: { mediaId: '77' }, caption: 'Results', filename: 'r.pdf' },
    { kind: 'media', mediaType: 'audio', source: { mediaId: '78' } },
    { kind: 'media', mediaType: 'video', source: { mediaId: '79' } },
  ];
  for (const reply of replies) assert.deepEqual(validate(renderOutbound(reply, patient)), [], reply.kind);
});
