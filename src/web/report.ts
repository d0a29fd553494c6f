import { h, hydrate } from 'preact';
import { StoryView, type StoryViewProps } from './view/story-view.js';

/**
 * The script inlined in the HTML report: the page arrives rendered, and this brings it to life
 * (citation markers open their passages) from the story JSON the report carries.
 */
const data = document.getElementById('parallax-story-data');
const root = document.getElementById('parallax-story');
if (data !== null && root !== null && data.textContent !== null) {
  const props = JSON.parse(data.textContent) as StoryViewProps;
  hydrate(h(StoryView, props), root);
}
