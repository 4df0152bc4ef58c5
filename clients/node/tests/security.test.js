// The client against a graph server with TLS and bearer tokens (the test
// certificates of common/security/testdata): it connects with the CA and a
// token, is refused without the token or with another CA, and reads its
// settings from the same environment variables as the kg CLI. Skipped like
// the other server tests when the binaries are not built.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeGraph, Security, Unavailable } from '../src/index.js';
import { GRAPH_SERVER, REPO, Server, skipReason } from './servers.js';

const CERTS = path.join(REPO, 'common/security/testdata');
const READER_TOKEN = 'reader-token-for-the-node-tests';

describe('TLS and tokens against a real server', { skip: skipReason() }, () => {
  let dir;
  let graph;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kg-node-security-'));
    const tokens = path.join(dir, 'tokens');
    await writeFile(tokens, `${READER_TOKEN} reader node-tests\n`);
    graph = new Server([
      GRAPH_SERVER, '--port=0', `--db_path=${path.join(dir, 'graph-db')}`,
      `--tls_cert=${path.join(CERTS, 'server.pem')}`, `--tls_key=${path.join(CERTS, 'server.key')}`,
      `--auth_tokens_file=${tokens}`,
    ]);
    await graph.started();
  });

  after(async () => {
    const status = await graph?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    assert.equal(status, 0, 'the server exits cleanly on SIGTERM');
  });

  const connect = (security) => new KnowledgeGraph({
    graphAddress: graph.address, extractorAddress: '127.0.0.1:1', timeoutMs: 10_000, security,
  });

  test('TLS and a token', async () => {
    const kg = connect(new Security({ tlsCa: path.join(CERTS, 'ca.pem'), token: READER_TOKEN }));
    assert.equal((await kg.stats()).facts, 0);
    kg.close();
  });

  test('without the token the call is refused', async () => {
    const kg = connect(new Security({ tlsCa: path.join(CERTS, 'ca.pem') }));
    await assert.rejects(kg.stats(), /UNAUTHENTICATED|Unauthenticated|bearer/i);
    kg.close();
  });

  test('another CA cannot connect', async () => {
    const kg = connect(new Security({ tlsCa: path.join(CERTS, 'rogue_ca.pem'), token: READER_TOKEN }));
    await assert.rejects(kg.stats(), Unavailable);
    kg.close();
  });

  test('settings from the environment', async () => {
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, `${READER_TOKEN}\n`);
    const security = Security.fromEnv({ KG_TLS_CA: path.join(CERTS, 'ca.pem'), KG_TOKEN_FILE: tokenFile });
    const kg = connect(security);
    assert.equal((await kg.stats()).facts, 0);
    kg.close();
  });

  test('settings that cannot work are refused', () => {
    assert.throws(() => new Security({ tlsCert: 'client.pem' }), /go together/);
    assert.throws(() => new Security({ tlsServerName: 'localhost' }), /needs tlsCa/);
    assert.throws(() => connect(new Security({ tlsCa: '/no/such/ca.pem' })), /\/no\/such\/ca\.pem/);
    assert.ok(!JSON.stringify(new Security({ token: READER_TOKEN })).includes(READER_TOKEN));
  });
});
