import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Real-browser tests: Debian's `chromium` driven by `playwright-core`, one browser per test
 * file, and pages that record everything a hostile page could do behind the test's back:
 * console messages, uncaught errors, dialogs (`alert`, `confirm`, `prompt`) and Content Security
 * Policy violations.
 *
 * Where Chromium is missing, a developer's machine skips the browser tests and says why; CI
 * (`CI` set) never skips them: the launch fails with a message naming `.ci/run`, which must
 * install the browser.
 */

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Launch flags (see ../shared/DESIGN.md): no sandbox (CI runs as root in a container), no GPU,
 * and none of the browser's own traffic (updates, sync, field trials, QUIC probes), so the only
 * requests a test sees are the page's.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** What to tell a developer whose machine has no Chromium. */
const MISSING_MESSAGE = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y --no-install-recommends chromium)`;

/**
 * The `skip` option for a browser test suite: a reason when Chromium is missing and this is not
 * CI, otherwise false. In CI the suite runs, and {@link launchBrowser} fails with a message that
 * says `.ci/run` must install Chromium, so a CI image without the browser is an error.
 */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM_PATH) || isCi()) return false;
  return `${MISSING_MESSAGE}; the browser tests are skipped (in CI they fail)`;
}

function isCi(): boolean {
  const value = process.env['CI'];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Starts Chromium; call once per test file (in `before`) and close it in `after`. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${MISSING_MESSAGE}: .ci/run must install chromium before the tests run`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** A Content Security Policy violation, as the page's `securitypolicyviolation` event reported it. */
export interface CspViolation {
  readonly directive: string;
  readonly blockedUri: string;
  readonly sample: string;
  readonly sourceFile: string;
}

/** Everything a watched page did that a test may want to rule out. */
export interface PageRecord {
  readonly console: Array<{ readonly type: string; readonly text: string }>;
  readonly pageErrors: string[];
  readonly dialogs: Array<{ readonly type: string; readonly message: string }>;
  readonly cspViolations: CspViolation[];
  /** Every URL the page requested (documents, scripts, styles, images, fetches). */
  readonly requests: string[];
  /** Answers with an error status (4xx, 5xx), as `status url`. */
  readonly failedResponses: string[];
}

/** A page in its own browser context, with its {@link PageRecord}. */
export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly record: PageRecord;
  /** The console messages of type `error`, for assertions (CSP refusals and failed loads show here too). */
  consoleErrors(): string[];
  close(): Promise<void>;
}

/** Options of {@link openWatchedPage}. */
export interface WatchedPageOptions {
  /** The window size, CSS pixels. Default 1280 × 800. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** The name of the binding through which the init script reports CSP violations. */
const CSP_BINDING = '__parallaxTestCspViolation';

/**
 * Opens a page that records console messages, page errors, dialogs (dismissed at once, so a
 * hostile `alert` cannot hang the test) and CSP violations. The violations are caught by an init
 * script, which the browser runs before any of the page's own and outside its policy, listening
 * for `securitypolicyviolation` and handing each to a binding. The context keeps the page's CSP
 * (`bypassCSP` stays false): the policy is part of what is tested.
 */
export async function openWatchedPage(browser: Browser, options: WatchedPageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { ...(options.viewport ?? { width: 1280, height: 800 }) }, bypassCSP: false, colorScheme: 'light' });
  const record: PageRecord = { console: [], pageErrors: [], dialogs: [], cspViolations: [], requests: [], failedResponses: [] };
  await context.exposeBinding(CSP_BINDING, (_source, violation: CspViolation) => {
    record.cspViolations.push(violation);
  });
  await context.addInitScript(`(() => {
    const report = window[${JSON.stringify(CSP_BINDING)}];
    document.addEventListener('securitypolicyviolation', (event) => {
      report({
        directive: String(event.effectiveDirective || event.violatedDirective),
        blockedUri: String(event.blockedURI),
        sample: String(event.sample),
        sourceFile: String(event.sourceFile),
      });
    }, true);
  })();`);
  const page = await context.newPage();
  page.on('console', (message) => {
    const where = message.location().url;
    record.console.push({ type: message.type(), text: where === '' ? message.text() : `${message.text()} (${where})` });
  });
  page.on('response', (response) => {
    if (response.status() >= 400) record.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    record.dialogs.push({ type: dialog.type(), message: dialog.message() });
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (request) => record.requests.push(request.url()));
  return {
    context,
    page,
    record,
    consoleErrors: () => record.console.filter((message) => message.type === 'error').map((message) => message.text),
    close: () => context.close(),
  };
}

/**
 * What went wrong on a page, one line each (empty when it ran clean): uncaught errors, console
 * errors (Chromium logs CSP refusals and failed loads there too), dialogs and CSP violations.
 * Tests assert it is empty, so a failure shows the evidence.
 */
export function pageTrouble(record: PageRecord): string[] {
  return [
    ...record.pageErrors.map((message) => `page error: ${message}`),
    ...record.console.filter((message) => message.type === 'error').map((message) => `console error: ${message.text}`),
    ...record.dialogs.map((dialog) => `dialog (${dialog.type}): ${dialog.message}`),
    ...record.cspViolations.map((violation) => `CSP violation of ${violation.directive}: ${violation.blockedUri} ${violation.sample}`),
  ];
}

/** The PNG signature every PNG file starts with. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height a PNG's header declares, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A script for `page.evaluate` that lists what in the page's DOM could run a stranger's code or
 * lead a reader somewhere unsafe, one line each (empty when nothing does):
 * - elements that embed or redirect (`iframe`, `frame`, `object`, `embed`, `base`, a refresh
 *   `meta`, `script` inside SVG);
 * - any event-handler attribute (`onerror`, `onload`, …) and any `srcdoc`;
 * - URL attributes (`href`, `src`, `action`, …) with a `javascript:`, `vbscript:` or `data:`
 *   address (a `data:` image is allowed, and the empty icon `<link rel="icon" href="data:,">`
 *   our pages carry so that browsers ask the server for no favicon);
 * - links that are neither in-page (`#…`) nor http(s), and links to another site, or opening a
 *   new window, without `rel="noopener noreferrer"`.
 * It is a string, not a function, so the test runner's compiler cannot add helpers to it that
 * the page does not have.
 */
export const FIND_UNSAFE_MARKUP = `(() => {
  const problems = [];
  const describe = (element) => element.outerHTML.slice(0, 160);
  for (const element of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, portal, meta[http-equiv="refresh" i], svg script')) {
    problems.push('element: ' + describe(element));
  }
  const urlAttributes = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'codebase', 'ping', 'srcset', 'lowsrc', 'dynsrc', 'manifest', 'cite', 'longdesc', 'usemap', 'profile']);
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push('event handler ' + name + ': ' + describe(element));
      if (name === 'srcdoc') problems.push('srcdoc: ' + describe(element));
      if (!urlAttributes.has(name)) continue;
      const value = attribute.value.replace(/[\\u0000-\\u0020\\u007f-\\u00a0]+/g, '').toLowerCase();
      const dataImage = element.tagName === 'IMG' && name === 'src' && value.startsWith('data:image/');
      const emptyIcon = element.tagName === 'LINK' && element.getAttribute('rel') === 'icon' && value === 'data:,';
      if (/^(javascript|vbscript|data|livescript):/.test(value) && !dataImage && !emptyIcon) problems.push('unsafe ' + name + ': ' + describe(element));
    }
  }
  for (const link of document.querySelectorAll('a[href], area[href]')) {
    const raw = link.getAttribute('href') ?? '';
    if (raw.startsWith('#')) continue;
    let url;
    try {
      url = new URL(raw, document.baseURI);
    } catch {
      problems.push('unparsable link: ' + describe(link));
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push('link that is not http(s): ' + describe(link));
      continue;
    }
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\\s+/);
    const leaves = url.origin !== window.location.origin || (link.getAttribute('target') ?? '') !== '';
    if (leaves && !(rel.includes('noopener') && rel.includes('noreferrer'))) problems.push('outside link without rel="noopener noreferrer": ' + describe(link));
  }
  return problems;
})()`;

/**
 * A script for `page.evaluate` that names the elements sticking out past the window's right
 * edge without a scrolling box to hold them (at most five), to explain a page that scrolls
 * sideways. An absolutely positioned element counts even inside a scrolling box, since the
 * box only clips it when it is its containing block.
 */
export const FIND_SIDEWAYS_OVERFLOW = `(() => {
  const found = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.right <= window.innerWidth + 1 || box.width === 0) continue;
    const position = getComputedStyle(element).position;
    let clipped = false;
    for (let ancestor = element.parentElement; ancestor !== null && !clipped; ancestor = ancestor.parentElement) {
      clipped = getComputedStyle(ancestor).overflowX !== 'visible' && position !== 'absolute' && position !== 'fixed';
    }
    if (clipped) continue;
    const name = element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
    found.push(name + ' (' + position + ') reaches ' + Math.round(box.right) + ' px: ' + (element.textContent ?? '').trim().slice(0, 40));
    if (found.length === 5) break;
  }
  return found;
})()`;
