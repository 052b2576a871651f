// Writes .br (quality 11) and .gz (level 9) next to every asset in the Trunk output, so the
// server sends the smallest encoding the browser accepts without compressing per request.
//   node end2end/precompress.mjs target/site
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'target/site';
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
  console.log(`${name}: ${raw.length} raw, ${gz.length} gzip, ${br.length} brotli`);
}
