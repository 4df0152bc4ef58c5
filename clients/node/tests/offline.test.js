// The client against closed ports, a silent listener and an in-process fake
// graph service (grpc-js); no server binaries needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { DeadlineExceeded, KnowledgeGraph, Text, Truncated, Unavailable } from '../src/index.js';
import { kgV1 } from '../src/proto.js';
import { closedPort } from './servers.js';

test('graph down is Unavailable naming the address', async () => {
  const address = `127.0.0.1:${await closedPort()}`;
  const down = new KnowledgeGraph({ graphAddress: address, extractorAddress: address, timeoutMs: 5000 });
  try {
    await assert.rejects(down.stats(), (e) => e instanceof Unavailable &&
      e.message.includes(`cannot reach the graph service at ${address}`) && e.address === address);
    await assert.rejects(down.query('?s ?p ?o'), Unavailable);
    await assert.rejects(down.ingest('lancs_nowhere', 'Some text.'), (e) => e instanceof Unavailable &&
      e.message.includes(`extractor service at ${address}`));
  } finally {
    down.close();
  }
});

test('silent server exceeds the deadline', async () => {
  // Accepts TCP connections but never speaks gRPC.
  const sockets = [];
  const listener = net.createServer((socket) => sockets.push(socket));
  await new Promise((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${listener.address().port}`;
  const silent = new KnowledgeGraph({ graphAddress: address, extractorAddress: address, timeoutMs: 300 });
  try {
    await assert.rejects(silent.query('?s ?p ?o'), (e) => e instanceof DeadlineExceeded && e.message.includes(address));
    await assert.rejects(silent.stats({ timeoutMs: 200 }), DeadlineExceeded);
  } finally {
    silent.close();
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => listener.close(resolve));
  }
});

// Starts a fake graph service with `handlers`; resolves to [server, address].
async function fakeGraph(handlers) {
  const server = new grpc.Server();
  server.addService(kgV1().GraphService.service, handlers);
  const port = await new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return [server, `127.0.0.1:${port}`];
}

const textRow = (text) => ({ bindings: [{ variable: 'n', value: { text } }] });

test('iterQuery reads the rows of QueryBatches in order', async () => {
  let queryCalls = 0;
  const [server, address] = await fakeGraph({
    QueryBatches(call) {
      call.write({ rows: [textRow('a'), textRow('b')] });
      call.write({ rows: [textRow('c')] });
      call.end();
    },
    Query(call) {
      queryCalls += 1;
      call.end();
    },
  });
  const kg = new KnowledgeGraph({ graphAddress: address, timeoutMs: 20_000 });
  try {
    const rows = await kg.query('?n');
    assert.deepEqual(rows.map((row) => row.get('n')), [new Text('a'), new Text('b'), new Text('c')]);
    assert.equal(queryCalls, 0);
  } finally {
    kg.close();
    server.forceShutdown();
  }
});

test('an answer cut by a server row limit rejects with Truncated after its rows', async () => {
  const [server, address] = await fakeGraph({
    QueryBatches(call) {
      call.write({ rows: [textRow('a'), textRow('b')] });
      call.write({ rows: [], truncated: true });
      call.end();
    },
  });
  const kg = new KnowledgeGraph({ graphAddress: address, timeoutMs: 20_000 });
  try {
    await assert.rejects(kg.query('?n'), (e) => e instanceof Truncated && e.rows === 2);
    const seen = [];
    await assert.rejects((async () => {
      for await (const row of kg.iterQuery('?n')) seen.push(row.get('n'));
    })(), Truncated);
    assert.deepEqual(seen, [new Text('a'), new Text('b')]);
    const rows = await kg.query('?n', { allowTruncated: true });
    assert.equal(rows.length, 2);
  } finally {
    kg.close();
    server.forceShutdown();
  }
});

test('breaking out of iterQuery cancels the call', async () => {
  // A fake graph from before QueryBatches (the client falls back to Query)
  // whose Query streams up to 1000 rows, one every 5 ms, and records
  // whether the client cancelled.
  let cancelled = false;
  let sent = 0;
  const server = new grpc.Server();
  server.addService(kgV1().GraphService.service, {
    Query(call) {
      call.on('cancelled', () => { cancelled = true; });
      const timer = setInterval(() => {
        if (cancelled || sent === 1000) {
          clearInterval(timer);
          if (!cancelled) call.end();
          return;
        }
        sent += 1;
        call.write({ bindings: [{ variable: 'n', value: { text: `row ${sent}` } }] });
      }, 5);
    },
  });
  const port = await new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  const kg = new KnowledgeGraph({ graphAddress: `127.0.0.1:${port}`, timeoutMs: 20_000 });
  try {
    const seen = [];
    for await (const row of kg.iterQuery('?n')) {
      seen.push(row.get('n'));
      if (seen.length === 3) break;
    }
    assert.deepEqual(seen, [new Text('row 1'), new Text('row 2'), new Text('row 3')]);
    for (let i = 0; i < 200 && !cancelled; i += 1) await new Promise((r) => setTimeout(r, 10));
    assert.ok(cancelled, 'the server saw no cancellation');
    assert.ok(sent < 1000, `the server streamed all ${sent} rows`);
  } finally {
    kg.close();
    server.forceShutdown();
  }
});
