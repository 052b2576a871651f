// Writes .br (quality 11) and .gz (level 9) next to every asset of each area's Trunk output, so
// the server sends the smallest encoding the browser accepts without compressing per request,
// and prints each area's first load (the wasm + js + css a browser fetches to show its page).
// `--budget area=KB` fails the build when that area's first load is over KB (1 KB = 1000 bytes)
// gzip; once any budget is given, an area without one fails too, so a new area cannot slip in
// unbudgeted (scripts/build-frontend.sh sets them all).
//   node end2end/precompress.mjs target/site --budget home=250 --budget faq=250 …
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const root = args[0] && !args[0].startsWith('--') ? args[0] : 'target/site';
const budgets = new Map();
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--budget') {
    const [area, kbLimit] = args[++i].split('=');
    budgets.set(area, Number(kbLimit) * 1000);
  }
}
let over = false;
const areasDir = path.join(root, 'a');
const kb = (n) => (n / 1000).toFixed(1).padStart(6);
console.log('area      first load (wasm + js + css), KB:   raw   gzip  brotli');
for (const area of fs.readdirSync(areasDir).sort()) {
  const dir = path.join(areasDir, area);
  const total = { raw: 0, gz: 0, br: 0 };
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(wasm|js|css|html)$/.test(name)) continue;
    const file = path.join(dir, name);
    const raw = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = zlib.gzipSync(raw, { level: 9 });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    if (name.endsWith('.html')) continue;
    total.raw += raw.length;
    total.gz += gz.length;
    total.br += br.length;
  }
  const limit = budgets.get(area);
  if (limit === undefined && budgets.size > 0) {
    console.error(`${area}: no first-load budget (add --budget ${area}=KB in scripts/build-frontend.sh)`);
    over = true;
  }
  const verdict = limit === undefined ? '' : total.gz <= limit ? `  (budget ${limit / 1000} KB gzip: ok)` : `  OVER the ${limit / 1000} KB gzip budget`;
  if (limit !== undefined && total.gz > limit) over = true;
  console.log(`${area.padEnd(42)} ${kb(total.raw)} ${kb(total.gz)} ${kb(total.br)}${verdict}`);
}
if (over) {
  console.error('first-load budget exceeded: see app::Area and the README (Performance) for what to trim');
  process.exit(1);
}
