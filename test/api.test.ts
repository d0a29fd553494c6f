import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as parallax from '../src/index.js';

/** Pins the public API: adding or removing an export is a deliberate change to this list. */
test('public API exports', () => {
  assert.deepEqual(Object.keys(parallax).sort(), [
    'BOILERPLATE_RULES',
    'DEFAULT_MAX_BYTES',
    'DIAGNOSTIC_CODES',
    'ERROR_CODES',
    'Fetcher',
    'LEADING_HEADER_RULES',
    'ParallaxError',
    'STORY_SCHEMA_VERSION',
    'TRAILING_HEADER_RULES',
    'analyzeArticle',
    'buildStory',
    'decodeBytes',
    'detectFeedKind',
    'extractArticle',
    'extractHtml',
    'extractText',
    'fetchedFromBytes',
    'fetchedFromResource',
    'findOrigins',
    'isFetchableUrl',
    'matchSentences',
    'parseFeed',
    'parseMarkup',
    'parseOpml',
    'readInputs',
    'readMetadata',
    'renderExtracted',
    'renderMarkdown',
    'renderText',
    'resolveInputs',
    'sentenceSimilarity',
    'splitSentences',
    'storyFromFetched',
    'summarize',
    'tokenize',
    'verifyCitation',
  ]);
});
