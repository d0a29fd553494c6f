/**
 * The web app's page: an empty shell the bundled script (`/assets/app.js`) fills from the API.
 * It holds no inline script or style, so the server's Content Security Policy can forbid both.
 */
export const APP_SHELL_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parallax</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<div id="app"></div>
<noscript><p>Parallax needs JavaScript to show the stories. The same data is available as JSON under <a href="/api/stories">/api/stories</a>.</p></noscript>
</body>
</html>
`;

/**
 * Headers on every answer. The policy lets the page load only its own script, style and API;
 * `data:` images are allowed for inline icons. `frame-ancestors 'none'` keeps other sites from
 * framing it, `nosniff` keeps JSON from being run as script, and no referrer leaves the page.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
