// The client against the real graph_server and extractor_server, started on
// free loopback ports (see servers.js) and stopped with SIGTERM. Skipped when
// the binaries are not built, unless $KG_REQUIRE_SERVERS is set
// (run_tests.sh sets it), which makes a missing binary a failure.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CalendarDate, Decimal, Entity, Evidence, Fact, InvalidArgument, InvalidDocument, InvalidQuery,
  KnowledgeGraph, NotFound, Row, Status, Text, Unavailable, queryTerm, sameValue,
} from '../src/index.js';
import {
  closedPort, skipReason, startExtractor, startServicePair,
} from './servers.js';

// A fictional press release, written for these tests.
const COPPERBEECH_ID = 'lancs_operation_copperbeech';
const COPPERBEECH = `Lancashire Constabulary launches Operation Copperbeech against vehicle crime in Preston

Lancashire Constabulary has launched a spring operation against vehicle crime in Preston and Chorley.

Commander Ingrid Halloway, who leads Operation Copperbeech, said officers had already arrested 27 people in the first fortnight.

Operation Copperbeech, which targets vehicle crime across Central Lancashire, is supported by the force's Roads Policing Unit.

"Drivers deserve to find their cars where they left them," Ms Halloway said.

Detective Sergeant Marek Oyelaran, from the Acquisitive Crime Team, said: "Tell us what you see, and we will act on it."
`;

// A second fictional release, for tests that change or delete documents.
const HARBOUR = `Lancashire Constabulary extends Operation Harbourlight in Fleetwood

Superintendent Celia Marchbank said: "Our officers will walk the seafront every evening this summer."
`;

const skip = skipReason();

/** The code-point slice text[begin:end], as Evidence offsets count. */
const codePoints = (text, begin, end) => [...text].slice(begin, end).join('');
const triples = (facts) => facts.map((f) => f.triple.map(String).join(' | '));

describe('KnowledgeGraph against real servers', { skip }, () => {
  let services;
  let tmp;
  let kg;
  let firstIngest;

  before(async () => {
    services = await startServicePair('kg-node-test-');
    tmp = services.dir;
    kg = new KnowledgeGraph({
      graphAddress: services.graph.address, extractorAddress: services.extractor.address, timeoutMs: 20_000,
    });
    firstIngest = await kg.ingest(COPPERBEECH_ID, COPPERBEECH, { title: 'Operation Copperbeech' });
  });

  after(async () => {
    kg?.close();
    const statuses = await services?.stop();
    assert.deepEqual(statuses, [0, 0], 'servers exit cleanly on SIGTERM');
  });

  // -- ingest --------------------------------------------------------------

  test('ingest stores the extracted facts', () => {
    assert.equal(firstIngest.documentId, COPPERBEECH_ID);
    assert.equal(firstIngest.unchanged, false);
    assert.ok(firstIngest.facts.length > 0);
    assert.equal(firstIngest.factsReceived, firstIngest.facts.length);
    assert.equal(firstIngest.factsNew, firstIngest.facts.length);
    const bytes = Buffer.from(COPPERBEECH, 'utf8');
    for (const fact of firstIngest.facts) {
      assert.ok(fact.subject instanceof Entity);
      for (const evidence of fact.evidence) {
        assert.equal(evidence.documentId, COPPERBEECH_ID);
        assert.equal(codePoints(COPPERBEECH, evidence.begin, evidence.end), evidence.sentence);
        assert.equal(bytes.subarray(evidence.byteBegin, evidence.byteEnd).toString('utf8'), evidence.sentence);
      }
    }
    assert.ok(firstIngest.facts.some((f) => f.is('Ingrid Halloway', 'has_role', new Text('Commander'))),
      triples(firstIngest.facts).join('\n'));
  });

  test('re-ingesting an unchanged document is a no-op', async () => {
    const before = await kg.stats();
    const again = await kg.ingest(COPPERBEECH_ID, COPPERBEECH, { title: 'Operation Copperbeech' });
    assert.equal(again.unchanged, true);
    assert.deepEqual([again.factsNew, again.evidenceNew], [0, 0]);
    assert.deepEqual(await kg.stats(), before);
  });

  test('ingestFile uses the file name as id', async () => {
    const file = path.join(tmp, 'lancs_harbour_file.txt');
    await writeFile(file, HARBOUR, 'utf8');
    const result = await kg.ingestFile(file);
    assert.equal(result.documentId, 'lancs_harbour_file');
    assert.ok(result.facts.length > 0);
    await kg.deleteDocument('lancs_harbour_file');
  });

  test('a file that is not UTF-8 is InvalidDocument with the byte offset', async () => {
    const file = path.join(tmp, 'lancs_bad_bytes.txt');
    await writeFile(file, Buffer.concat([Buffer.from('Bad \u00e9 '), Buffer.from([0xff]), Buffer.from(' byte.')]));
    await assert.rejects(kg.ingestFile(file), (e) => {
      assert.ok(e instanceof InvalidDocument, e.message);
      assert.equal(e.byteOffset, 7); // "Bad " + 2-byte é + " "
      return true;
    });
  });

  test('extract does not store', async () => {
    const facts = await kg.extract('lancs_extract_only', HARBOUR);
    assert.ok(facts.some((f) => f.is('Celia Marchbank', 'has_role', new Text('Superintendent'))),
      triples(facts).join('\n'));
    assert.deepEqual(await kg.query('?p has_role "Superintendent"'), []);
    await assert.rejects(kg.deleteDocument('lancs_extract_only'), NotFound);
  });

  test('an empty document is InvalidDocument', async () => {
    await assert.rejects(kg.ingest('lancs_empty', '   \n '), (e) =>
      e instanceof InvalidDocument && e.code === Status.INVALID_ARGUMENT);
  });

  test('ingestFacts round-trips every value kind', async () => {
    const doc = 'lancs_copperbeech_figures';
    const sentence = 'Officers arrested 27 people at a cost of 0.75 million from 2024-03-04.';
    const evidence = [new Evidence({ documentId: doc, sentence, begin: 0, end: sentence.length, rule: 'test.manual', confidence: 1 })];
    const subject = new Entity('Operation Copperbeech');
    const stored = {
      arrests_made: 27,
      vehicles_checked: 2n ** 62n,
      cost_millions: new Decimal('0.75'),
      started_on: new CalendarDate('2024-03-04'),
      codename: new Text('Copperbeech'),
      coordinated_by: new Entity('Roads Policing Unit'),
    };
    const facts = Object.entries(stored).map(([p, v]) => new Fact(subject, p, v, evidence));
    const result = await kg.ingestFacts(facts, { documentId: doc });
    assert.equal(result.factsReceived, facts.length);
    for (const [predicate, value] of Object.entries(stored)) {
      const rows = await kg.query(`${queryTerm(subject)} ${predicate} ?v`);
      assert.equal(rows.length, 1, predicate);
      assert.ok(sameValue(rows[0].get('v'), value), `${predicate}: ${String(rows[0].get('v'))}`);
      assert.equal(typeof rows[0].get('v'), typeof value);
      assert.equal(rows[0].get('v').constructor, value.constructor);
      const exists = await kg.query(`${queryTerm(subject)} ${predicate} ${queryTerm(value)}`);
      assert.equal(exists.length, 1, `exact term for ${predicate}`);
    }
    // The entity's name as text matches nothing.
    assert.deepEqual(await kg.query(`${queryTerm(subject)} coordinated_by "Roads Policing Unit"`), []);
    await kg.deleteDocument(doc);
  });

  test('ingestFacts without evidence is refused', async () => {
    await assert.rejects(kg.ingestFacts([new Fact('Operation Copperbeech', 'arrests_made', 27)]), InvalidArgument);
  });

  // -- queries -------------------------------------------------------------

  test('query without evidence', async () => {
    const rows = await kg.query('?p has_role "Commander"');
    assert.deepEqual(rows.map((r) => r.toObject()), [{ p: new Entity('Ingrid Halloway') }]);
    assert.ok(rows[0] instanceof Row);
    assert.deepEqual(rows[0].support, []);
    assert.deepEqual(rows[0].evidence, []);
  });

  test('query with evidence', async () => {
    const rows = await kg.query('?p has_role "Commander" . ?p said ?quote', { withEvidence: true });
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.ok(row.get('p').equals(new Entity('Ingrid Halloway')));
      assert.ok(row.get('?quote') instanceof Text);
      assert.equal(row.support.length, 2); // one fact per pattern
      for (const evidence of row.evidence) {
        assert.equal(evidence.documentId, COPPERBEECH_ID);
        assert.equal(codePoints(COPPERBEECH, evidence.begin, evidence.end), evidence.sentence);
        assert.ok(evidence.rule);
        assert.ok(evidence.confidence > 0 && evidence.confidence <= 1);
        assert.ok(evidence.ingestedAt instanceof Date);
        assert.ok(Math.abs(evidence.ingestedAt.getTime() - Date.now()) < 3_600_000);
      }
    }
    assert.ok(rows.some((r) => r.sentences.some((s) => s.includes('Commander Ingrid Halloway'))));
  });

  test('entities and text stay distinct', async () => {
    const operations = await kg.query('?op type Operation');
    assert.ok(operations.every((r) => r.get('op') instanceof Entity));
    assert.ok(operations.some((r) => r.get('op').equals(new Entity('Operation Copperbeech'))));
    const roles = await kg.query('?p has_role ?role');
    assert.ok(roles.length >= 2);
    assert.ok(roles.every((r) => r.get('role') instanceof Text));
    // The role as an entity matches nothing: it is stored as text.
    assert.deepEqual(await kg.query('?p has_role <Commander>'), []);
  });

  test('iterQuery streams, limit caps and an early break cancels', async () => {
    const everything = await kg.query('?s ?p ?o');
    assert.ok(everything.length > 3);
    assert.equal((await kg.query('?s ?p ?o', { limit: 3 })).length, 3);
    let first = null;
    let count = 0;
    for await (const row of kg.iterQuery('?s ?p ?o')) {
      first = row;
      count += 1;
      break;
    }
    assert.equal(count, 1);
    assert.ok(everything.some((r) => JSON.stringify(r) === JSON.stringify(first)));
    // The client stays usable after the cancelled stream.
    assert.equal((await kg.query('?s ?p ?o')).length, everything.length);
  });

  test('a malformed query is InvalidQuery with line and column', async () => {
    await assert.rejects(kg.query('?p has_role ?r .\n?p leads'), (e) => {
      assert.ok(e instanceof InvalidQuery, e.message);
      assert.equal(e.code, Status.INVALID_ARGUMENT);
      assert.equal(e.line, 2);
      assert.equal(typeof e.column, 'number');
      assert.match(e.message, /line 2, column \d+/);
      return true;
    });
  });

  // -- entities, stats, delete -----------------------------------------------

  test('entity', async () => {
    const person = await kg.entity('Ingrid Halloway');
    assert.ok(person.name.equals(new Entity('Ingrid Halloway')));
    assert.ok(person.valuesOf('has_role').some((v) => v.equals(new Text('Commander'))));
    assert.ok(person.valuesOf('type').some((v) => v.equals(new Entity('Person'))));
    const operation = await kg.entity('Operation Copperbeech');
    assert.ok(operation.outgoing.length > 0);
    assert.ok(operation.incoming.some((f) => f.is('Ingrid Halloway', 'leads', operation.name)));
  });

  test('an unknown entity is NotFound', async () => {
    await assert.rejects(kg.entity('Nobody Atall'), (e) =>
      e instanceof NotFound && e.code === Status.NOT_FOUND && e.codeName === 'NOT_FOUND');
  });

  test('stats', async () => {
    const stats = await kg.stats();
    assert.ok(stats.documents >= 1);
    assert.ok(stats.evidence >= stats.facts);
    assert.ok(stats.predicates.has_role > 0);
  });

  test('delete retracts what the document alone supported', async () => {
    const doc = 'lancs_operation_harbourlight';
    await kg.ingest(doc, HARBOUR);
    assert.equal((await kg.query('?p has_role "Superintendent"')).length, 1);
    const deleted = await kg.deleteDocument(doc);
    assert.equal(deleted.documentId, doc);
    assert.ok(deleted.evidenceRemoved > 0);
    assert.ok(deleted.factsRetracted > 0);
    assert.deepEqual(await kg.query('?p has_role "Superintendent"'), []);
    // The other document's facts are untouched.
    assert.equal((await kg.query('?p has_role "Commander"')).length, 1);
    await assert.rejects(kg.deleteDocument(doc), NotFound);
  });

  test('a changed document replaces its facts', async () => {
    const doc = 'lancs_changing';
    await kg.ingest(doc, HARBOUR);
    const result = await kg.ingest(doc, HARBOUR.replace('Superintendent', 'Chief Inspector'));
    assert.equal(result.unchanged, false);
    assert.ok(result.factsRetracted > 0);
    assert.deepEqual(await kg.query('?p has_role "Superintendent"'), []);
    assert.equal((await kg.query('?p has_role "Chief Inspector"')).length, 1);
    await kg.deleteDocument(doc);
  });

  // -- unreachable graph -------------------------------------------------------

  test('ingest with the graph down is Unavailable naming the graph address', async () => {
    const graphAddress = `127.0.0.1:${await closedPort()}`;
    const lonely = await startExtractor(graphAddress);
    const client = new KnowledgeGraph({ graphAddress, extractorAddress: lonely.address, timeoutMs: 20_000 });
    try {
      await assert.rejects(client.ingest('lancs_nowhere', HARBOUR), (e) =>
        e instanceof Unavailable && e.message.includes(graphAddress));
      await assert.rejects(client.stats(), (e) =>
        e instanceof Unavailable && e.message.includes(`cannot reach the graph service at ${graphAddress}`));
      // Extraction alone still works.
      assert.ok((await client.extract('lancs_nowhere', HARBOUR)).length > 0);
    } finally {
      client.close();
      assert.equal(await lonely.stop(), 0);
    }
  });
});
