// The Oxigraph and Kùzu side of bench/graph: loads the files of gen_facts
// in-process and runs the four query shapes, printing JSON lines like
// graph_bench.
//
//   node bench.js oxigraph DATA_DIR [REPEAT]
//   node bench.js kuzu DATA_DIR WORK_DIR [REPEAT]
//
// Oxigraph (npm, WebAssembly): an in-memory Store; load = store.load of the
// N-Triples (one line per fact statement) in 64 MiB chunks. Kùzu (npm,
// native): an on-disk database in WORK_DIR (must not exist); load = COPY of
// the term and fact CSVs (distinct facts). Queries: SPARQL / Cypher, every
// result row materialised; pass 0 warms up, then REPEAT passes are timed.
'use strict';
const fs = require('fs');
const path = require('path');
const c = require('./common');

function emit(obj) { process.stdout.write(JSON.stringify(obj) + '\n'); }

function countLines(file) {
  let lines = 0;
  c.forEachLineChunk(file, 64 << 20, (t) => { for (const ch of t) if (ch === '\n') lines++; });
  return lines;
}

function sparql(q) {
  const leads = c.predicateIri('leads');
  const type = c.predicateIri('type');
  switch (q.shape) {
    case 'subject': return `SELECT ?p ?o WHERE { ${c.entityIri(q.a)} ?p ?o }`;
    case 'pred_value':
      return `SELECT ?s WHERE { ?s ${c.predicateIri(q.a)} ${c.entityIri(q.b)} }`;
    case 'join':
      return `SELECT ?y WHERE { ${c.entityIri(q.a)} ${leads} ?y . ?y ${type} ${c.entityIri('Operation')} }`;
    case 'two_hop':
      return `SELECT ?p1 ?y ?p2 ?z WHERE { ${c.entityIri(q.a)} ?p1 ?y . ?y ?p2 ?z }`;
  }
  throw new Error('unknown shape ' + q.shape);
}

function runTimed(queries, repeat, system, runOne) {
  return (async () => {
    for (const shape of c.SHAPES) {
      const micros = [];
      let rows = 0;
      for (let pass = 0; pass <= repeat; pass++) {
        for (const q of queries) {
          if (q.shape !== shape) continue;
          const start = c.nowMicros();
          const n = await runOne(q);
          if (pass > 0) micros.push(c.nowMicros() - start);
          if (pass === 1) rows += n;
        }
      }
      emit({ bench: 'query', system, shape, ...c.summary(micros), rows, failures: 0 });
    }
  })();
}

async function oxigraph(dataDir, repeat) {
  const ox = require('oxigraph');
  const store = new ox.Store();
  const file = path.join(dataDir, 'facts.nt');
  const statements = countLines(file);
  const start = c.nowMicros();
  c.forEachLineChunk(file, 64 << 20, (text) => {
    store.load(text, { format: 'application/n-triples' });
  });
  const seconds = (c.nowMicros() - start) / 1e6;
  emit({ bench: 'load', system: 'oxigraph', batching: '64MiB', facts: statements,
         distinct_facts: store.size, seconds: +seconds.toFixed(3),
         facts_per_s: Math.round(statements / seconds) });
  const queries = c.readQueries(path.join(dataDir, 'queries.tsv'));
  await runTimed(queries, repeat, 'oxigraph', (q) => store.query(sparql(q)).length);
}

const CYPHER = {
  subject: 'MATCH (s:Term {key: $a})-[f:F]->(o:Term) RETURN f.p, o.key',
  pred_value: 'MATCH (s:Term)-[f:F]->(o:Term {key: $b}) WHERE f.p = $a RETURN s.key',
  join: "MATCH (x:Term {key: $a})-[f:F]->(y:Term)-[g:F]->(t:Term {key: 'e:Operation'}) " +
        "WHERE f.p = 'leads' AND g.p = 'type' RETURN y.key",
  two_hop: 'MATCH (x:Term {key: $a})-[f:F]->(y:Term)-[g:F]->(z:Term) RETURN f.p, y.key, g.p, z.key',
};

async function kuzu(dataDir, workDir, repeat) {
  const kz = require('kuzu');
  if (fs.existsSync(workDir)) throw new Error(workDir + ' exists');
  const db = new kz.Database(workDir);
  const conn = new kz.Connection(db);
  const statements = countLines(path.join(dataDir, 'facts.nt'));
  const distinct = countLines(path.join(dataDir, 'kuzu_facts.csv'));
  const start = c.nowMicros();
  await conn.query('CREATE NODE TABLE Term(key STRING, kind STRING, PRIMARY KEY(key))');
  await conn.query('CREATE REL TABLE F(FROM Term TO Term, p STRING)');
  await conn.query(`COPY Term FROM '${path.join(dataDir, 'kuzu_terms.csv')}' (HEADER=false)`);
  await conn.query(`COPY F FROM '${path.join(dataDir, 'kuzu_facts.csv')}' (HEADER=false)`);
  const seconds = (c.nowMicros() - start) / 1e6;
  // Kùzu gets the facts already deduplicated; facts_per_s counts the input
  // statements they stand for (the stricter comparison for us).
  emit({ bench: 'load', system: 'kuzu', batching: 'COPY', facts: statements,
         distinct_facts: distinct, seconds: +seconds.toFixed(3),
         facts_per_s: Math.round(statements / seconds),
         distinct_facts_per_s: Math.round(distinct / seconds) });
  const queries = c.readQueries(path.join(dataDir, 'queries.tsv'));
  const prepared = {};
  for (const shape of c.SHAPES) prepared[shape] = await conn.prepare(CYPHER[shape]);
  await runTimed(queries, repeat, 'kuzu', async (q) => {
    const params = { a: q.shape === 'pred_value' ? q.a : 'e:' + q.a };
    if (q.shape === 'pred_value') params.b = 'e:' + q.b;
    const result = await conn.execute(prepared[q.shape], params);
    return (await result.getAll()).length;
  });
}

async function main() {
  const [system, dataDir, third, fourth] = process.argv.slice(2);
  if (system === 'oxigraph') return oxigraph(dataDir, Number(third || 3));
  if (system === 'kuzu') return kuzu(dataDir, third, Number(fourth || 3));
  throw new Error('usage: node bench.js oxigraph|kuzu DATA_DIR [WORK_DIR] [REPEAT]');
}

main().catch((e) => { console.error('bench.js:', e.message); process.exit(1); });
