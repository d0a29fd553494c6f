import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown } from './markdown.js';

test('article text cannot inject Markdown links, images or HTML', () => {
  const escaped = escapeMarkdown('<script>alert(1)</script> ![x](http://e.test/a.png) [click](javascript:alert(1)) *bold* `code`\n# heading');
  assert.doesNotMatch(escaped, /(?<!\\)[<>[\]*`]/);
  assert.doesNotMatch(escaped, /\n/);
});
