import { render } from 'preact';
import { html } from '../view/html.js';
import { createApiClient } from './api.js';
import { App } from './app.js';
import { browserStorage, createVisitMemory } from './visits.js';

/**
 * The web app's entry (bundled by `scripts/build-web.mjs` into `dist/assets/app.js`): mounts the
 * app into `#app` of the shell page that `parallax serve` answers `/` with.
 */
const root = document.getElementById('app');
if (root === null) throw new TypeError('the page has no #app element to mount the Parallax app into');
render(html`<${App} api=${createApiClient()} visits=${createVisitMemory(browserStorage())} />`, root);
