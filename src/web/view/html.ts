/**
 * Tagged templates for Preact (`html\`<p>${text}</p>\``): the one way the views are written.
 * Interpolated values are text or attributes, never markup, so stranger-supplied text is inert
 * whether the view is rendered to a string (the report) or into the page (the web app).
 */
export { html } from 'htm/preact';
