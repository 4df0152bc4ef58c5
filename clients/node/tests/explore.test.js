// The exploring calls (path, neighbourhood, explain, documents, plan) against
// the real graph_server and extractor_server. The graph server loads its
// shipped rules (graph_service/rules/default.rules), so the release below,
// which names a person as the force's lead for a crime area and an operation
// targeting it, yields the derived fact "Anselm Greythorpe leads Operation
// Larkspur". Skipped like client.test.js when the binaries are not built.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Derivation, Entity, InvalidArgument, InvalidQuery, KnowledgeGraph, NotFound, Status, Text, sameValue,
} from '../src/index.js';
import { skipReason, startServicePair } from './servers.js';

// A fictional press release, written for these tests.
const LARKSPUR_ID = 'cumbria_operation_larkspur';
const LARKSPUR = `Cumbria Constabulary widens Operation Larkspur against knife crime in Barrow

Cumbria Constabulary has widened its work against knife crime and shoplifting in Barrow.

Chief Inspector Anselm Greythorpe, who is the force's lead for tackling knife crime, said officers had taken 9 blades off the street in a fortnight.

Operation Larkspur, which targets knife crime across Furness, is supported by the force's Youth Engagement Team.

Detective Constable Perpetua Holm, from the Proactive Crime Unit, said: "Every knife handed in is one that cannot be used."
`;

// A second fictional release, so the store holds more than one document.
const MOSSGILL_ID = 'cumbria_mossgill_appeal';
const MOSSGILL = `Cumbria Constabulary appeals for witnesses in Kendal

Sergeant Tamsin Oakridge said: "Anyone who saw the cyclist on Tuesday morning should call us."
`;

const OPERATION = new Entity('Operation Larkspur');
const LEAD = new Entity('Anselm Greythorpe');
const CRIME = new Entity('knife crime');

const skip = skipReason();

const key = (triple) => triple.map((v) => `${v?.kind ?? 'predicate'}:${String(v)}`).join(' | ');
const keys = (facts) => facts.map((f) => key(f.triple));
const codePoints = (text, begin, end) => [...text].slice(begin, end).join('');

/** The hops lead from `from` to `to`, each starting where the previous one ended, each with evidence. */
function assertChain(hops, from, to) {
  let here = from;
  for (const hop of hops) {
    assert.ok(sameValue(hop.start, here), `${hop.start} != ${here}`);
    assert.ok(hop.fact.evidence.length > 0);
    here = hop.end;
  }
  assert.ok(sameValue(here, to), `${here} != ${to}`);
}

describe('exploring calls against real servers', { skip }, () => {
  let services;
  let kg;

  before(async () => {
    services = await startServicePair('kg-node-explore-');
    kg = new KnowledgeGraph({
      graphAddress: services.graph.address, extractorAddress: services.extractor.address, timeoutMs: 20_000,
    });
    await kg.ingest(LARKSPUR_ID, LARKSPUR);
    await kg.ingest(MOSSGILL_ID, MOSSGILL);
  });

  after(async () => {
    kg?.close();
    const statuses = await services?.stop();
    assert.deepEqual(statuses, [0, 0], 'servers exit cleanly on SIGTERM');
  });

  // -- path ------------------------------------------------------------------

  test('a path over a derived fact', async () => {
    const hops = await kg.path(LEAD, OPERATION, { predicates: ['leads'] });
    assert.equal(hops.length, 1);
    assert.ok(hops[0].fact.is(LEAD, 'leads', OPERATION));
    assert.equal(hops[0].reversed, false);
    assert.equal(hops[0].fact.evidence[0].rule, 'leads_via_crime_area');
  });

  test('a fact crossed backwards is reversed', async () => {
    const hops = await kg.path('knife crime', OPERATION, { predicates: ['targets'] });
    assert.equal(hops.length, 1);
    assert.equal(hops[0].reversed, true);
    assert.ok(hops[0].fact.is(OPERATION, 'targets', CRIME));
    assertChain(hops, CRIME, OPERATION);
  });

  test('a path of several hops', async () => {
    const from = new Entity('Perpetua Holm');
    const hops = await kg.path(from, LEAD, { maxHops: 4 });
    assert.equal(hops.length, 2); // both are of type Person
    assertChain(hops, from, LEAD);
    assert.deepEqual(hops.map((h) => h.reversed), [false, true]);
  });

  test('no path is an empty array', async () => {
    assert.deepEqual(await kg.path('Perpetua Holm', LEAD, { maxHops: 1 }), []);
    assert.deepEqual(await kg.path('Perpetua Holm', LEAD, { predicates: ['member_of'] }), []);
  });

  test('path errors are typed', async () => {
    await assert.rejects(kg.path('Nobody Atall', LEAD), NotFound);
    await assert.rejects(kg.path(LEAD, 'Nobody Atall'), NotFound);
    await assert.rejects(kg.path(LEAD, OPERATION, { maxHops: 11 }), (e) =>
      e instanceof InvalidArgument && !(e instanceof InvalidQuery) && e.code === Status.INVALID_ARGUMENT);
  });

  // -- neighbourhood -----------------------------------------------------------

  test('neighbourhood of one and two hops', async () => {
    const around = await kg.neighbourhood(OPERATION);
    assert.ok(around.name.equals(OPERATION));
    assert.equal(around.truncated, false);
    const near = keys(around.facts);
    assert.ok(near.includes(key([OPERATION, 'targets', CRIME])), near.join('\n'));
    assert.ok(near.includes(key([LEAD, 'leads', OPERATION])), near.join('\n'));
    assert.ok(around.facts.every((f) => sameValue(f.subject, OPERATION) || sameValue(f.value, OPERATION)));
    assert.ok(around.facts.every((f) => f.evidence.length > 0));
    // Two hops away, through knife crime.
    assert.ok(!near.includes(key([LEAD, 'leads', CRIME])));
    const wider = await kg.neighbourhood(OPERATION, { hops: 2 });
    assert.ok(keys(wider.facts).includes(key([LEAD, 'leads', CRIME])));
    assert.ok(wider.entities.some((e) => e.equals(CRIME)));
  });

  test('neighbourhood limit and predicates', async () => {
    const cut = await kg.neighbourhood(OPERATION, { hops: 2, limit: 2 });
    assert.equal(cut.facts.length, 2);
    assert.equal(cut.truncated, true);
    const only = await kg.neighbourhood(OPERATION, { predicates: ['targets'] });
    assert.ok(only.facts.length > 0);
    assert.deepEqual([...new Set(only.facts.map((f) => f.predicate))], ['targets']);
  });

  test('neighbourhood evidence per fact', async () => {
    const full = await kg.neighbourhood(OPERATION, { evidencePerFact: 1000 });
    const capped = await kg.neighbourhood(OPERATION, { evidencePerFact: 1 });
    assert.equal(capped.facts.length, full.facts.length);
    full.facts.forEach((whole, i) => {
      const cut = capped.facts[i];
      assert.equal(whole.evidenceTruncated, false);
      assert.equal(cut.evidence.length, Math.min(1, whole.evidence.length));
      assert.equal(cut.evidenceTruncated, whole.evidence.length > 1);
    });
  });

  test('neighbourhood errors are typed', async () => {
    await assert.rejects(kg.neighbourhood('Nobody Atall'), NotFound);
    await assert.rejects(kg.neighbourhood(OPERATION, { hops: 5 }), InvalidArgument);
  });

  // -- explain -----------------------------------------------------------------

  test('explain a derived fact down to sentences', async () => {
    const tree = await kg.explain(LEAD, 'leads', OPERATION);
    assert.ok(tree instanceof Derivation);
    assert.ok(tree.fact.is(LEAD, 'leads', OPERATION));
    const derived = tree.evidence.filter((e) => e.derived);
    assert.deepEqual(derived.map((e) => e.rule), ['leads_via_crime_area']);
    assert.equal(derived[0].sentence, '');
    // One subtree per premise the rule named.
    assert.deepEqual(tree.premises.map((p) => key(p.fact.triple)).sort(), derived[0].premises.map(key).sort());
    assert.ok(tree.premises.some((p) => p.fact.is(LEAD, 'leads', CRIME)));
    for (const [depth, node] of tree.walk()) {
      if (depth === 0) continue;
      assert.deepEqual(node.premises, []); // these premises were read from text
      for (const e of node.evidence) assert.equal(codePoints(LARKSPUR, e.begin, e.end), e.sentence);
    }
    assert.ok(tree.sentences.some((s) => s.includes('lead for tackling knife crime')));
  });

  test('explain a fact read from text', async () => {
    const tree = await kg.explain(LEAD, 'has_role', new Text('Chief Inspector'));
    assert.deepEqual(tree.premises, []);
    assert.ok(tree.evidence.length > 0);
    assert.ok(!tree.evidence.some((e) => e.derived));
    assert.ok(tree.sentences[0].includes('Chief Inspector Anselm Greythorpe'));
  });

  test('explain matches the value kind', async () => {
    // The role is stored as text, not as an entity; a plain string is text.
    assert.ok((await kg.explain('Anselm Greythorpe', 'has_role', 'Chief Inspector')).evidence.length > 0);
    await assert.rejects(kg.explain(LEAD, 'has_role', new Entity('Chief Inspector')), NotFound);
    await assert.rejects(kg.explain(LEAD, '', OPERATION), InvalidArgument);
  });

  // -- documents and plans ---------------------------------------------------------

  test('documents', async () => {
    const documents = new Map((await kg.documents()).map((d) => [d.documentId, d]));
    assert.deepEqual([...documents.keys()].sort(), [LARKSPUR_ID, MOSSGILL_ID].sort());
    for (const d of documents.values()) {
      assert.ok(d.contentHash);
      assert.equal(typeof d.evidence, 'number');
      assert.ok(d.evidence > 0);
    }
    assert.ok(documents.get(LARKSPUR_ID).evidence > documents.get(MOSSGILL_ID).evidence);
  });

  test('plan', async () => {
    const steps = await kg.plan('?p leads ?op . ?op type Operation');
    assert.deepEqual(steps.map((s) => s.pattern).sort(), ['?op type <Operation>', '?p leads ?op']);
    for (const step of steps) {
      assert.ok(['spo', 'pos', 'osp', 'all'].includes(step.index));
      assert.equal(typeof step.estimatedRows, 'number');
      assert.ok(step.estimatedRows >= 0);
    }
    await assert.rejects(kg.plan('?p leads ?op .\n?op type'), (e) => e instanceof InvalidQuery && e.line === 2);
  });
});
