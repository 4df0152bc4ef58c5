// Runs tests/installed/usage.js (compiled from usage.ts in a fresh directory
// where kg-client was installed from its npm pack tarball) against a graph
// server and an extractor with TLS and bearer tokens, with an empty
// environment (no KG_* variables, no KG_PROTO_DIR). Exits non-zero on
// failure. Used by run_tests.sh:  node run_installed.mjs FRESH_DIR
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EXTRACTOR_SERVER, GRAPH_SERVER, REPO, Server } from '../servers.js';

const fresh = process.argv[2];
const certs = path.join(REPO, 'common/security/testdata');
const READER = 'reader-token-for-the-installed-check';
const WRITER = 'writer-token-for-the-installed-check';
const EXTRACTOR_AT_GRAPH = 'extractor-token-at-the-graph-check';

const dir = await mkdtemp(path.join(os.tmpdir(), 'kg-node-installed-'));
const tls = [`--tls_cert=${path.join(certs, 'server.pem')}`, `--tls_key=${path.join(certs, 'server.key')}`];
await writeFile(path.join(dir, 'graph_tokens'),
  `${READER} reader node-check\n${EXTRACTOR_AT_GRAPH} writer extractor\n`);
await writeFile(path.join(dir, 'extractor_tokens'), `${WRITER} writer node-check\n`);
await writeFile(path.join(dir, 'graph_token'), `${EXTRACTOR_AT_GRAPH}\n`);
const graph = new Server([GRAPH_SERVER, '--port=0', `--db_path=${path.join(dir, 'db')}`, ...tls,
  `--auth_tokens_file=${path.join(dir, 'graph_tokens')}`]);
await graph.started();
const extractor = new Server([EXTRACTOR_SERVER, '--port=0', ...tls,
  `--auth_tokens_file=${path.join(dir, 'extractor_tokens')}`,
  `--graph_address=${graph.address}`, `--graph_tls_ca=${path.join(certs, 'ca.pem')}`,
  `--graph_token_file=${path.join(dir, 'graph_token')}`]);
await extractor.started();
let status = 1;
try {
  const run = spawnSync(process.execPath, [path.join(fresh, 'usage.js'), graph.address,
    extractor.address, path.join(certs, 'ca.pem'), READER, WRITER],
  { cwd: fresh, env: { PATH: process.env.PATH }, stdio: 'inherit' });
  status = run.status ?? 1;
} finally {
  await extractor.stop();
  await graph.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(status);
