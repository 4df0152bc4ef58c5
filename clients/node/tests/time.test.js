// Reported time through the Node client: timeline() and conflicts() against
// the real graph_server and extractor_server, on two fictional releases of
// our own, a year apart, that give one officer two ranks. Skipped like the
// other server tests when the binaries are not built.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Entity, KnowledgeGraph, NotFound, Text, sameValue } from '../src/index.js';
import { skipReason, startServicePair } from './servers.js';

const EARLIER = 'Chief Inspector Esme Harrow of Tarnside Police said the night patrols would continue.\n';
const LATER = 'Superintendent Esme Harrow of Tarnside Police said the patrols had halved street robbery.\n';
const OFFICER = new Entity('Esme Harrow');

const skip = skipReason();

describe('reported time against real servers', { skip }, () => {
  let services;
  let kg;

  before(async () => {
    services = await startServicePair('kg-node-time-');
    kg = new KnowledgeGraph({
      graphAddress: services.graph.address, extractorAddress: services.extractor.address, timeoutMs: 20_000,
    });
    await kg.ingest('tarnside-2020', EARLIER, { published: '2020-02-03' });
    await kg.ingest('tarnside-2021', LATER, { published: '2021-02-09' });
  });

  after(async () => {
    kg?.close();
    const statuses = await services?.stop();
    assert.deepEqual(statuses, [0, 0], 'servers exit cleanly on SIGTERM');
  });

  test('the timeline is in reported order', async () => {
    const entries = await kg.timeline(OFFICER);
    const roles = entries.filter((t) => t.fact.predicate === 'has_role')
      .map((t) => [t.reportedDate, String(t.fact.value)]);
    assert.deepEqual(roles, [['2020-02-03', 'Chief Inspector'], ['2021-02-09', 'Superintendent']]);
    const dates = entries.map((t) => t.reportedDate);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(entries.every((t) => t.evidence.sentence.length > 0));
    await assert.rejects(kg.timeline('Nobody Atall'), NotFound);
  });

  test('two ranks a year apart are a succession', async () => {
    const found = await kg.conflicts({ entity: OFFICER });
    assert.equal(found.truncated, false);
    const roles = found.conflicts.filter((c) => c.predicate === 'has_role');
    assert.equal(roles.length, 1);
    assert.ok(sameValue(roles[0].entity, OFFICER));
    assert.equal(roles[0].kind, 'succession');
    assert.ok(sameValue(roles[0].facts[0].value, new Text('Chief Inspector')));
    assert.equal(roles[0].facts[0].evidence[0].reportedDate, '2020-02-03');
  });

  test('latest and reported_to in queries', async () => {
    const latest = await kg.query('<Esme Harrow> has_role ?r {latest}');
    assert.deepEqual(latest.map((r) => String(r.get('r'))), ['Superintendent']);
    const then = await kg.query('<Esme Harrow> has_role ?r {latest, reported_to: "2020-12-31"}');
    assert.deepEqual(then.map((r) => String(r.get('r'))), ['Chief Inspector']);
  });

  test('as_of reads the graph as it stood before a replace', async () => {
    await kg.ingest('tarnside-note', 'Inspector Ivo Dane, who leads Operation Bracken, said patrols would continue.\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await kg.ingest('tarnside-note', 'Inspector Lia Venn, who leads Operation Bracken, said patrols would continue.\n');
    const now = await kg.query('?p leads <Operation Bracken>');
    assert.deepEqual(now.map((r) => String(r.get('p'))), ['Lia Venn']);
    const then = await kg.query(`?p leads <Operation Bracken> {as_of: "${before.toISOString()}"}`,
      { withEvidence: true });
    assert.deepEqual(then.map((r) => String(r.get('p'))), ['Ivo Dane']);
    assert.ok(then[0].evidence[0].retractedAt > before);
    assert.ok((await kg.stats()).historyRecords > 0);
  });
});
