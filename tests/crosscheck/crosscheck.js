// Cross-check of the graph service against Oxigraph on a generated graph:
// the same basic graph patterns (joins included) go to a running
// graph_server over gRPC and to an in-process Oxigraph store loaded with the
// same facts (facts.nt of gen_facts); the result sets must be equal.
//
//   node crosscheck.js ADDRESS DATA_DIR PROTO_ROOT
//
// Queries are written in a neutral form — patterns of terms "?var",
// "e:Entity", "p:predicate", "t:text", "i:42", "d:2021-05-01" — and
// translated into our query language and into SPARQL. Rows are compared as
// sets of canonical strings (bench/graph/node/common.js canonicalTerm).
// Exit status 0 when every query agrees and enough of them are non-empty.
'use strict';
const path = require('path');
const fs = require('fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const ox = require('oxigraph');
const c = require('../../bench/graph/node/common');

const XSD = 'http://www.w3.org/2001/XMLSchema#';

function kgTerm(t) {
  if (t.startsWith('?')) return t;
  const body = t.slice(2);
  switch (t[0]) {
    case 'e': return `<${body}>`;
    case 'p': return body;
    case 't': return '"' + body.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
    case 'i': return body;
    case 'd': return `"${body}"^^date`;
  }
  throw new Error('bad term ' + t);
}

function sparqlTerm(t) {
  if (t.startsWith('?')) return t;
  const body = t.slice(2);
  switch (t[0]) {
    case 'e': return c.entityIri(body);
    case 'p': return c.predicateIri(body);
    case 't': return JSON.stringify(body);
    case 'i': return `"${body}"^^<${XSD}integer>`;
    case 'd': return `"${body}"^^<${XSD}date>`;
  }
  throw new Error('bad term ' + t);
}

function variables(patterns) {
  const vars = [];
  for (const p of patterns) for (const t of p) if (t.startsWith('?') && !vars.includes(t)) vars.push(t);
  return vars;
}

const FIXED = [
  [['?p', 'p:leads', '?op'], ['?op', 'p:type', 'e:Operation'], ['?op', 'p:targets', '?c']],
  [['?p', 'p:has_role', 't:Commander'], ['?p', 'p:member_of', '?org']],
  [['?p', 'p:has_role', 'e:Commander']],  // an entity never matches text
  [['?op', 'p:arrests', '?n'], ['?op', 'p:targets', 'e:knife crime']],
  [['?u', 'p:part_of', '?org'], ['?org', 'p:operates_in', '?place'], ['?place', 'p:located_in', '?parent']],
  [['?x', 'p:started_on', '?d'], ['?x', 'p:operates_in', '?pl'], ['?pl', 'p:type', 'e:Place']],
  [['?p', 'p:member_of', '?u'], ['?u', 'p:type', 'e:Unit'], ['?p', 'p:leads', '?x']],
  [['?x', '?pred', 'e:violence']],
  [['?p', 'p:alias', '?a'], ['?p', 'p:has_role', 't:Inspector']],
  [['?c', 'p:type', 'e:Campaign'], ['?c', 'p:targets', '?t'], ['?c', 'p:operates_in', '?pl']],
  [['?p', 'p:said', '?q'], ['?p', 'p:leads', '?x'], ['?x', 'p:type', 'e:Operation']],
  [['?a', 'p:located_in', '?b'], ['?b', 'p:located_in', '?c']],
  [['?p', 'p:leads', '?x'], ['?x', '?r', '?y'], ['?y', 'p:type', 'e:CrimeType']],
];

function fromBench(q) {
  switch (q.shape) {
    case 'subject': return [['e:' + q.a, '?p', '?o']];
    case 'pred_value': return [['?s', 'p:' + q.a, 'e:' + q.b]];
    case 'join': return [['e:' + q.a, 'p:leads', '?y'], ['?y', 'p:type', 'e:Operation']];
    case 'two_hop': return [['e:' + q.a, '?p1', '?y'], ['?y', '?p2', '?z']];
  }
  throw new Error('shape ' + q.shape);
}

// Typed constants that occur in the data, so typed matching is exercised.
function typedQueries(store) {
  const out = [];
  const pick = (pred) => {
    const rows = store.query(`SELECT ?v WHERE { ?x ${c.predicateIri(pred)} ?v } LIMIT 1`);
    return rows.length ? c.canonicalTerm(rows[0].get('v')) : null;
  };
  for (const pred of ['started_on', 'arrests', 'has_role', 'alias']) {
    const value = pick(pred);
    if (value) out.push([['?x', 'p:' + pred, value], ['?x', '?p', '?o']]);
  }
  return out;
}

function oxigraphRows(store, patterns) {
  const vars = variables(patterns);
  const where = patterns.map((p) => p.map(sparqlTerm).join(' ')).join(' . ');
  const rows = store.query(`SELECT ${vars.join(' ')} WHERE { ${where} }`);
  return new Set(rows.map((r) => vars.map((v) => `${v}=${c.canonicalTerm(r.get(v.slice(1)))}`).join('|')));
}

function ourValue(value, isPredicate) {
  const kind = value.kind;
  if (isPredicate) return 'p:' + value.text;
  const prefix = { entity: 'e', text: 't', integer: 'i', decimal: 'x', date: 'd' }[kind];
  return `${prefix}:${value[kind]}`;
}

function ourRows(client, patterns) {
  const vars = variables(patterns);
  const predicateVars = new Set(patterns.map((p) => p[1]).filter((t) => t.startsWith('?')));
  const query = patterns.map((p) => p.map(kgTerm).join(' ')).join(' . ');
  return new Promise((resolve, reject) => {
    const rows = new Set();
    const deadline = new Date(Date.now() + 30000);
    const call = client.Query({ query, limit: 1000000 }, { deadline });
    call.on('data', (row) => {
      const byVar = {};
      for (const b of row.bindings) byVar['?' + b.variable] = ourValue(b.value, predicateVars.has('?' + b.variable));
      rows.add(vars.map((v) => `${v}=${byVar[v]}`).join('|'));
    });
    call.on('error', (e) => reject(new Error(`${query}: ${e.message}`)));
    call.on('end', () => resolve(rows));
  });
}

async function main() {
  const [address, dataDir, protoRoot] = process.argv.slice(2);
  const store = new ox.Store();
  store.load(fs.readFileSync(path.join(dataDir, 'facts.nt'), 'utf8'), { format: 'application/n-triples' });
  const definition = protoLoader.loadSync(path.join(protoRoot, 'kg/v1/graph.proto'), {
    includeDirs: [protoRoot], longs: String, enums: String, defaults: false, oneofs: true,
  });
  const kg = grpc.loadPackageDefinition(definition).kg.v1;
  const client = new kg.GraphService(address, grpc.credentials.createInsecure());
  const perShape = {};
  const bench = c.readQueries(path.join(dataDir, 'queries.tsv')).filter((q) => {
    perShape[q.shape] = (perShape[q.shape] || 0) + 1;
    return perShape[q.shape] <= 15;
  });
  const queries = [...FIXED, ...typedQueries(store), ...bench.map(fromBench)];
  let failed = 0, nonEmpty = 0, rowsTotal = 0;
  for (const patterns of queries) {
    const text = patterns.map((p) => p.join(' ')).join(' . ');
    const expected = oxigraphRows(store, patterns);
    let actual;
    try {
      actual = await ourRows(client, patterns);
    } catch (e) {
      console.log(`FAIL ${text}: ${e.message}`);
      failed++;
      continue;
    }
    const missing = [...expected].filter((r) => !actual.has(r));
    const extra = [...actual].filter((r) => !expected.has(r));
    if (missing.length || extra.length) {
      failed++;
      console.log(`FAIL ${text}: oxigraph ${expected.size} rows, ours ${actual.size}; ` +
                  `missing ${JSON.stringify(missing.slice(0, 3))} extra ${JSON.stringify(extra.slice(0, 3))}`);
    }
    if (expected.size) nonEmpty++;
    rowsTotal += expected.size;
  }
  client.close();
  const ok = failed === 0 && nonEmpty >= queries.length * 0.7;
  console.log(JSON.stringify({ test: 'crosscheck', queries: queries.length, failed, non_empty: nonEmpty,
                               rows: rowsTotal, facts_in_oxigraph: store.size, ok }));
  process.exit(ok ? 0 : 1);
}

main().catch((e) => { console.error('crosscheck.js:', e.stack || e.message); process.exit(1); });
