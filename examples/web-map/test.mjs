// Opens index.html in headless Chromium and checks what it draws.
//
//   node test.mjs LAYER.geojson
//     one layer: one marker per feature, in its simplestyle colour, and a
//     popup with the evidence sentence.
//   node test.mjs --context DIR [SCREENSHOT.png]
//     the layers of a `front` + `layers` output folder over the offline
//     basemap: the layer switcher hides and shows a layer, the time slider
//     keeps the features the data says hold on a day, a popup shows the
//     evidence and links the article, and a screenshot has land, sea and a
//     control point in their colours at the pixels their coordinates project
//     to in the page.
//
// The page and the basemap are served from the repository's root, the
// layers under /under-test/; nothing is fetched from the internet.
import { createServer } from 'node:http';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');
const context = process.argv[2] === '--context';
const target = context ? process.argv[3] : process.argv[2];
const screenshotPath = context ? process.argv[4] : undefined;
if (!target) {
  console.error('usage: node test.mjs LAYER.geojson | node test.mjs --context DIR [SCREENSHOT.png]');
  process.exit(2);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.geojson': 'application/geo+json', '.png': 'image/png' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  try {
    let file;
    if (path.startsWith('/under-test/')) {
      file = context ? join(target, normalize(path.slice('/under-test/'.length))) : target;
    } else {
      file = join(root, normalize(path));
    }
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/examples/web-map/index.html`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
let passed = 0;
const check = (ok, what) => { if (ok) { passed++; } else { failed++; console.error(`FAIL: ${what}`); } };

// When a feature holds, as the README says: from since, published, date or
// as_of, to until (exclusive; 9999-12-31 is no end).
function holdsOn(p, day) {
  const start = p.since || p.published || p.date || p.as_of;
  const end = p.until === '9999-12-31' ? null : p.until;
  return (!start || start <= day) && (!end || day < end);
}

// Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes).
function decodePng(buf) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0 || (data[9] !== 2 && data[9] !== 6)) throw new Error('unsupported PNG');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let p;
      switch (filter) {
        case 0: p = 0; break;
        case 1: p = a; break;
        case 2: p = b; break;
        case 3: p = (a + b) >> 1; break;
        default: {
          const pa = Math.abs(b - c);
          const pb = Math.abs(a - c);
          const pc = Math.abs(a + b - 2 * c);
          p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
      }
      out[y * stride + x] = (v + p) & 255;
    }
  }
  return { width, height, pixel: (x, y) => [0, 1, 2].map((i) => out[y * stride + x * channels + i]) };
}

const hex = (rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const near = (rgb, color, tolerance = 10) => [1, 3, 5].every((i, k) => Math.abs(parseInt(color.slice(i, i + 2), 16) - rgb[k]) <= tolerance);
// The most common colour in a (2r+1)² block: a label or a river across the
// pixel does not decide it.
function modeAround(png, x, y, r) {
  const counts = new Map();
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const c = hex(png.pixel(Math.round(x) + dx, Math.round(y) + dy));
      counts.set(c, (counts.get(c) || 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

async function singleLayer(page) {
  const layer = JSON.parse(await readFile(target, 'utf8'));
  await page.goto(`${base}?layer=/under-test/layer.geojson`);
  await page.waitForFunction(() => window.frontlineDrawn !== undefined || window.frontlineError !== undefined, null, { timeout: 30000 });
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
    await page.evaluate(() => { window.frontlineLayer.getLayers()[0].openPopup(); });
    const popup = await page.locator('.leaflet-popup-content').textContent();
    const evidence = first.properties.description || first.properties.evidence;
    check(popup.includes(evidence.slice(0, 30)), 'the popup shows the evidence sentence');
  }
}

async function contextMap(page) {
  const files = (await readdir(target)).filter((f) => f.endsWith('.geojson'));
  const data = {};
  for (const f of files) data[f.replace(/\.geojson$/, '')] = JSON.parse(await readFile(join(target, f), 'utf8'));
  const wanted = ['places', 'events', 'control', 'front', 'contested', 'arrows'];
  for (const name of wanted) check(data[name], `${target} holds ${name}.geojson`);
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(`${base}?dir=/under-test/`);
  await page.waitForFunction(() => window.frontline !== undefined || window.frontlineError !== undefined, null, { timeout: 60000 });
  const error = await page.evaluate(() => window.frontlineError);
  check(!error, `the page drew the layers (${error})`);
  if (error) return;
  const loaded = await page.evaluate(() => Object.keys(window.frontline.layers).sort());
  check(JSON.stringify(loaded) === JSON.stringify(Object.keys(data).filter((n) => n !== 'mentions').sort()),
    `every layer of the folder is loaded: ${loaded}`);
  const basemapError = await page.evaluate(() => window.frontlineBasemapError);
  check(!basemapError, `the basemap loads (${basemapError})`);
  check(await page.locator('.leaflet-basemap-pane canvas').count() === 1, 'the basemap is drawn on a canvas');
  check(await page.locator('.oblast-label', { hasText: 'Kharkiv' }).count() === 1, 'oblasts are labelled (Kharkiv)');

  // The layer switcher: one checkbox per layer; unticking `front` takes its
  // lines off the map, ticking it puts them back.
  const boxes = page.locator('.leaflet-control-layers-overlays label');
  check(await boxes.count() === loaded.length, `a switch per layer: ${await boxes.count()}`);
  const frontPaths = () => page.locator('.leaflet-front-pane path').count();
  const shownFront = await frontPaths();
  check(shownFront === data.front.features.length, `the front's lines are drawn: ${shownFront}`);
  const frontBox = boxes.filter({ hasText: /^\s*front\s*$/ }).locator('input');
  await frontBox.uncheck();
  check(await frontPaths() === 0 && !(await page.evaluate(() => window.frontline.map.hasLayer(window.frontline.layers.front.group))),
    'unticking front hides the front');
  await frontBox.check();
  check(await frontPaths() === shownFront, 'ticking front shows it again');

  // The time slider: on each day, the features the data says hold.
  const days = await page.evaluate(() => window.frontline.days);
  check(days.length > 2, `the slider steps through ${days.length} days`);
  const counts = () => page.evaluate(() => Object.fromEntries(Object.entries(window.frontline.layers)
    .map(([n, d]) => [n, d.group.getLayers().length])));
  const seen = [];
  for (const i of [0, Math.floor(days.length / 2), days.length - 1]) {
    await page.locator('#slider').fill(String(i));
    const shown = await counts();
    check(await page.locator('#day').textContent() === days[i], `the slider says the day ${days[i]}`);
    for (const name of loaded) {
      const expected = data[name].features.filter((f) => holdsOn(f.properties, days[i])).length;
      check(shown[name] === expected, `${name} on ${days[i]}: ${shown[name]} features shown, the data says ${expected}`);
    }
    seen.push(JSON.stringify(shown));
  }
  check(new Set(seen).size > 1, 'the slider changes what is drawn');
  await page.locator('#slider').fill(String(days.length - 1));

  // A popup: the evidence sentence and a link to the article.
  const control = data.control.features;
  const withEvidence = control.findIndex((f) => f.properties.article_id && !/\.csv:\d+$/.test(f.properties.evidence));
  check(withEvidence >= 0, 'a control point from an article');
  const url = data.places.features.find((f) => f.properties.article_id === control[withEvidence].properties.article_id)?.properties.url;
  await page.evaluate((i) => { window.frontline.layers.control.entries[i].layer.openPopup(); }, withEvidence);
  const popup = page.locator('.leaflet-popup-content');
  check((await popup.textContent()).includes(control[withEvidence].properties.evidence.slice(0, 40)), 'the popup shows the evidence sentence');
  check(url && await popup.locator('a').getAttribute('href') === url, `the popup links the article (${url})`);
  await page.evaluate(() => { window.frontline.map.closePopup(); });

  // The screenshot: land, sea and a control point in their colours.
  await page.evaluate(() => new Promise((ok) => {
    window.frontline.map.once('moveend', () => setTimeout(ok, 500));
    window.frontline.map.setView([47.5, 34], 6, { animate: false });
  }));
  // The RU-held settlement furthest from any other side's point.
  const far = (f) => Math.min(...control.filter((g) => g.properties.side !== 'RU').map((g) => Math.hypot(
    g.geometry.coordinates[0] - f.geometry.coordinates[0], g.geometry.coordinates[1] - f.geometry.coordinates[1])));
  const ru = control.filter((f) => f.properties.side === 'RU').sort((a, b) => far(b) - far(a))[0];
  const places = {
    land: [49.0, 31.0], // Uman, in central Ukraine
    sea: [44.0, 32.0], // the Black Sea, west of Crimea
    ru: [ru.geometry.coordinates[1], ru.geometry.coordinates[0]],
  };
  const at = await page.evaluate((p) => Object.fromEntries(Object.entries(p).map(([k, ll]) => {
    const pt = window.frontline.map.latLngToContainerPoint(ll);
    const box = window.frontline.map.getContainer().getBoundingClientRect();
    return [k, [pt.x + box.left, pt.y + box.top]];
  })), places);
  const shot = await page.screenshot({ type: 'png' });
  if (screenshotPath) await writeFile(screenshotPath, shot);
  const png = decodePng(shot);
  const land = modeAround(png, ...at.land, 4);
  check(land === '#f2efe9', `land colour over Ukraine at ${at.land}: ${land}`);
  const sea = modeAround(png, ...at.sea, 4);
  check(sea === '#aad3df', `water in the Black Sea at ${at.sea}: ${sea}`);
  const point = modeAround(png, ...at.ru, 1);
  check(near(png.pixel(...at.ru.map(Math.round)), '#d7301f'), `RU red at ${ru.properties.name}'s control point ${at.ru}: ${point}`);
}

try {
  const page = await browser.newPage();
  // Offline: any request that is not to the local server fails the test.
  const outside = [];
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => { outside.push(route.request().url()); route.abort(); });
  if (context) await contextMap(page); else await singleLayer(page);
  check(outside.length === 0, `no request leaves the machine: ${outside.join(' ')}`);
} finally {
  await browser.close();
  server.close();
}
console.log(`web-map: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
