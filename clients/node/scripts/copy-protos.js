// Copies the repository's kg/v1 protos into this package (protos/), so that
// `npm pack` ships them and an installed kg-client needs no checkout
// (src/proto.js reads them from there). Run by the `prepack` script.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const from = path.resolve(here, '../../../protos/kg/v1');
const to = path.resolve(here, '../protos/kg/v1');
mkdirSync(to, { recursive: true });
const protos = readdirSync(from).filter((name) => name.endsWith('.proto'));
if (protos.length === 0) throw new Error(`no .proto files in ${from}`);
for (const name of protos) copyFileSync(path.join(from, name), path.join(to, name));
console.log(`copy-protos: ${protos.length} files from ${from}`);
