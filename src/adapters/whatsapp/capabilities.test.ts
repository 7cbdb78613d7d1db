import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  whatsappCapabilities,
  whatsappMaxButtonIdLength,
  whatsappMaxRowIdLength,
  whatsappMaxSectionTitleLength,
} from './capabilities.ts';

test("WhatsApp capabilities carry Meta's documented limits", () => {
  assert.deepEqual(
    { ...whatsappCapabilities },
    {
      maxListRows: 10,
      maxListSections: 10,
      maxButtons: 3,
      maxButtonTitle: 20,
      maxRowTitle: 24,
      maxRowDescription: 72,
      maxListButtonLabel: 20,
      maxTextLength: 4096,
      maxCaptionLength: 1024,
      maxInteractiveBody: 1024,
      maxHeaderLength: 60,
      maxFooterLength: 60,
      replyWindowHours: 24,
    },
  );
  assert.equal(whatsappMaxRowIdLength, 200);
  assert.equal(whatsappMaxButtonIdLength, 256);
  assert.equal(whatsappMaxSectionTitleLength, 24);
});

test('capabilities cannot be changed at run time', () => {
  assert.ok(Object.isFrozen(whatsappCapabilities));
  assert.throws(() => {
    (whatsappCapabilities as { maxButtons: number }).maxButtons = 4;
  }, TypeError);
});
