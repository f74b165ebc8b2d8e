// Copies the browser builds of the dashboard libraries, with their licences, into the
// directory given as the first argument (the Maven build passes target/classes/web/vendor),
// so the jar serves them itself and the dashboard needs no CDN at run time.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(process.argv[2] ?? join(here, '..', 'target', 'classes', 'web', 'vendor'));
const files = [
  ['d3/dist/d3.min.js', 'd3.min.js'],
  ['d3/LICENSE', 'd3.LICENSE.txt'],
  ['topojson-client/dist/topojson-client.min.js', 'topojson-client.min.js'],
  ['topojson-client/LICENSE', 'topojson-client.LICENSE.txt'],
];

mkdirSync(target, { recursive: true });
for (const [from, to] of files) {
  const source = join(here, 'node_modules', from);
  if (!existsSync(source)) {
    console.error(`missing ${source}: run 'npm ci' in ${here}`);
    process.exit(1);
  }
  copyFileSync(source, join(target, to));
}
