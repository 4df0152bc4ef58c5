// A TypeScript user of an installed kg-client: compiled by tsc against the
// package's declarations (types/index.d.ts) in a fresh directory, then run
// against secured servers (run_installed.mjs). A declaration the code does
// not honour fails either the compile or the run.
//
//   node usage.js GRAPH_ADDR EXTRACTOR_ADDR CA_FILE READER_TOKEN WRITER_TOKEN
import assert from 'node:assert/strict';
import {
  Entity, Evidence, InvalidQuery, KnowledgeGraph, NotFound, Row, Security, Stats, Text,
  Unavailable, queryTerm,
} from 'kg-client';

const [graphAddress, extractorAddress, tlsCa, readerToken, writerToken] = process.argv.slice(2);

// Documents go in through the extractor (writer token), questions to the graph (reader token).
const writer = new KnowledgeGraph({
  graphAddress, extractorAddress, timeoutMs: 20_000, security: new Security({ tlsCa, token: writerToken }),
});
const reader = new KnowledgeGraph({
  graphAddress, extractorAddress, timeoutMs: 20_000, security: new Security({ tlsCa, token: readerToken }),
});

const text = 'Inspector Noor Hale, who leads Operation Sedge, said burglary in Lowmarsh had fallen.\n';
const ingested = await writer.ingest('lowmarsh-note', text, { published: '2025-04-02' });
assert.ok(ingested.facts.length > 0, 'the extractor found facts');

const rows: Row[] = await reader.query(`?p leads ${queryTerm(new Entity('Operation Sedge'))}`, {
  withEvidence: true,
});
assert.equal(rows.length, 1);
const leader = rows[0].get('p');
assert.ok(leader instanceof Entity && leader.value === 'Noor Hale');
const evidence: Evidence = rows[0].evidence[0];
assert.equal(evidence.reportedDate, '2025-04-02');
assert.equal(evidence.retractedAt, null);

const stats: Stats = await reader.stats();
assert.ok(stats.facts > 0);
const role = (await reader.entity('Noor Hale')).valuesOf('has_role');
assert.ok(role.some((v) => v instanceof Text && v.value === 'Inspector'));

await assert.rejects(reader.query('?p leads'), (e: unknown) => e instanceof InvalidQuery && e.line === 1);
await assert.rejects(reader.entity('Nobody Atall'), NotFound);
const stranger = new KnowledgeGraph({ graphAddress, timeoutMs: 5_000, security: new Security({ tlsCa }) });
await assert.rejects(stranger.stats(), (e: unknown) => e instanceof Error && /UNAUTHENTICATED/i.test(e.message));
stranger.close();
const plaintext = new KnowledgeGraph({ graphAddress, timeoutMs: 5_000 });
await assert.rejects(plaintext.stats(), Unavailable);
plaintext.close();

writer.close();
reader.close();
console.log(`installed kg-client: ${rows.length} row, ${stats.facts} facts, TLS and tokens ok`);
