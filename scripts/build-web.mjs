// Bundles the browser code with esbuild into dist/assets: app.js (the web app served by
// `parallax serve`), report.js (the script inlined in `parallax story --format html`) and
// style.css (shared by both). Nothing is loaded from a CDN: every byte comes from npm packages.
import { build } from 'esbuild';

const common = { bundle: true, minify: true, format: 'iife', target: ['es2020'], legalComments: 'none', logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['src/web/app/main.ts'], outfile: 'dist/assets/app.js' }),
  build({ ...common, entryPoints: ['src/web/report.ts'], outfile: 'dist/assets/report.js' }),
  build({ entryPoints: ['src/web/style.css'], outfile: 'dist/assets/style.css', bundle: true, minify: true, logLevel: 'warning' }),
]);
