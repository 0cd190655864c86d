// Opens index.html in headless Chromium with a frontline layer and checks
// that one marker is drawn per feature and that a popup shows the evidence.
// Usage: node test.mjs LAYER.geojson
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const layerPath = process.argv[2];
if (!layerPath) {
  console.error('usage: node test.mjs LAYER.geojson');
  process.exit(2);
}
const layer = JSON.parse(await readFile(layerPath, 'utf8'));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.geojson': 'application/geo+json', '.png': 'image/png' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  try {
    const body = url.pathname === '/layer.geojson'
      ? JSON.stringify(layer)
      : await readFile(join(here, normalize(url.pathname === '/' ? '/index.html' : url.pathname)));
    res.writeHead(200, { 'content-type': types[extname(url.pathname)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
let passed = 0;
const check = (ok, what) => { if (ok) { passed++; } else { failed++; console.error(`FAIL: ${what}`); } };
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/index.html?layer=layer.geojson`);
  await page.waitForFunction(() => window.frontlineDrawn !== undefined || window.frontlineError !== undefined, null, { timeout: 15000 });
  const error = await page.evaluate(() => window.frontlineError);
  check(!error, `the page drew the layer (${error})`);
  const drawn = await page.evaluate(() => window.frontlineDrawn);
  check(drawn === layer.features.length, `one layer per feature: drew ${drawn} of ${layer.features.length}`);
  const paths = await page.locator('path.leaflet-interactive').count();
  check(paths === layer.features.length, `one marker per feature: ${paths} of ${layer.features.length}`);
  const first = layer.features[0];
  if (first) {
    const color = await page.locator('path.leaflet-interactive').first().getAttribute('stroke');
    const expected = first.properties.stroke || first.properties['marker-color'];
    check(color === expected, `feature coloured as its simplestyle says: ${color}, not ${expected}`);
    // Open the first feature's popup as a click would.
    await page.evaluate(() => window.frontlineLayer.getLayers()[0].openPopup());
    const popup = await page.locator('.leaflet-popup-content').textContent();
    check(popup.includes(first.properties.description.slice(0, 30)), 'the popup shows the evidence sentence');
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`web-map: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
