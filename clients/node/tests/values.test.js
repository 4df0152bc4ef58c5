// Value conversion, result types and error translation; no server needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CalendarDate, Decimal, Entity, Evidence, InvalidArgument, InvalidDocument, InvalidQuery,
  KgError, NotFound, DeadlineExceeded, Row, Status, Text, Unavailable, kindOf, queryTerm,
  sameValue, valueFromProto, valueToProto,
} from '../src/index.js';
import { fromGrpcError } from '../src/errors.js';

test('fromProto gives each kind its JS type', () => {
  assert.deepEqual(valueFromProto({ kind: 'entity', entity: 'Preston' }), new Entity('Preston'));
  assert.ok(valueFromProto({ kind: 'entity', entity: 'Preston' }) instanceof Entity);
  assert.ok(valueFromProto({ kind: 'text', text: 'Commander' }) instanceof Text);
  assert.equal(valueFromProto({ kind: 'integer', integer: '-27' }), -27);
  assert.equal(valueFromProto({ kind: 'integer', integer: '9223372036854775807' }), 9223372036854775807n);
  assert.equal(valueFromProto({ kind: 'decimal', decimal: '8.50' }).value, '8.50');
  assert.ok(valueFromProto({ kind: 'decimal', decimal: '8.50' }) instanceof Decimal);
  const date = valueFromProto({ kind: 'date', date: '2024-02-29' });
  assert.ok(date instanceof CalendarDate);
  assert.equal(date.toDate().toISOString(), '2024-02-29T00:00:00.000Z');
  assert.throws(() => valueFromProto({}), TypeError);
});

test('round trip is exact', () => {
  for (const value of [
    new Entity('Operation Copperbeech'), new Text('Tell us what you see'), 41,
    2n ** 63n - 1n, -(2n ** 63n), new Decimal('-0.000000000000000000001'),
    new Decimal('12345678901234567890.123456789'), new CalendarDate('1999-12-31'),
  ]) {
    const proto = valueToProto(value);
    const kind = Object.keys(proto)[0];
    const back = valueFromProto({ kind, ...proto });
    assert.ok(sameValue(back, value), `${String(value)} came back as ${String(back)}`);
    assert.equal(kindOf(back), kindOf(value));
  }
});

test('entity and text of the same spelling differ', () => {
  assert.ok(!new Entity('London').equals(new Text('London')));
  assert.notDeepStrictEqual(new Entity('London'), new Text('London'));
  assert.ok(new Entity('London').equals(new Entity('London')));
  assert.equal(String(new Entity('London')), 'London');
  assert.equal(`${new Text('London')}`, 'London');
  assert.equal(JSON.stringify([new Entity('London')]), '["London"]');
  assert.equal(new Entity('x').kind, 'entity');
  assert.equal(new Text('x').kind, 'text');
});

test('inexact or ambiguous JS values are refused', () => {
  for (const bad of [true, 1.5, new Date(), null, undefined, {}, 2n ** 63n, Number.MAX_SAFE_INTEGER + 1]) {
    assert.throws(() => valueToProto(bad), (e) => e instanceof TypeError || e instanceof RangeError, String(bad));
  }
  assert.throws(() => new Decimal('1e5'), RangeError);
  assert.throws(() => new CalendarDate('2023-02-29'), RangeError);
  assert.throws(() => new CalendarDate('2023-2-1'), RangeError);
  assert.deepEqual(valueToProto('Commander'), { text: 'Commander' });
});

test('query terms are escaped', () => {
  assert.equal(queryTerm(new Entity('Operation Copperbeech')), '<Operation Copperbeech>');
  assert.equal(queryTerm(new Entity('a>b')), '"a>b"^^entity');
  assert.equal(queryTerm(new Text('say "hi" \\ bye')), '"say \\"hi\\" \\\\ bye"');
  assert.equal(queryTerm('plain'), '"plain"');
  assert.equal(queryTerm(-3), '-3');
  assert.equal(queryTerm(10n ** 18n), '1000000000000000000');
  assert.equal(queryTerm(new Decimal('100')), '"100"^^decimal');
  assert.equal(queryTerm(new CalendarDate('2021-05-01')), '"2021-05-01"^^date');
});

test('evidence drops float32 noise and converts the timestamp', () => {
  const evidence = Evidence.fromProto({
    documentId: 'd', sentence: 's', begin: 0, end: 1, rule: 'r', confidence: Math.fround(0.8),
    byteBegin: 0, byteEnd: 1, ingestedAtMicros: '1700000000123456',
  });
  assert.equal(evidence.confidence, 0.8);
  assert.equal(evidence.ingestedAtMicros, 1700000000123456n);
  assert.equal(evidence.ingestedAt.getTime(), 1700000000123);
  const fresh = Evidence.fromProto({ documentId: 'd', sentence: 's', confidence: 1, ingestedAtMicros: '0' });
  assert.equal(fresh.ingestedAt, null);
});

test('row is a Map in variable order', () => {
  const row = new Row({ p: new Entity('Ingrid Halloway'), n: 2n ** 60n });
  assert.deepEqual([...row.keys()], ['p', 'n']);
  assert.ok(row.get('?p').equals(new Entity('Ingrid Halloway')));
  assert.ok(row.has('?n'));
  assert.equal(JSON.stringify(row), '{"p":"Ingrid Halloway","n":"1152921504606846976"}');
  assert.deepEqual(row.evidence, []);
  assert.deepEqual(row.sentences, []);
});

const translate = (code, details, invalidArgument) =>
  fromGrpcError({ code, details }, { service: 'graph', address: '127.0.0.1:1', invalidArgument });

test('invalid query has line and column', () => {
  const error = translate(Status.INVALID_ARGUMENT, 'line 2, column 5: expected a value after the predicate', InvalidQuery);
  assert.ok(error instanceof InvalidQuery && error instanceof InvalidArgument && error instanceof KgError);
  assert.deepEqual([error.line, error.column], [2, 5]);
  assert.equal(error.code, Status.INVALID_ARGUMENT);
  assert.equal(error.codeName, 'INVALID_ARGUMENT');
  assert.equal(error.message, 'INVALID_ARGUMENT: line 2, column 5: expected a value after the predicate');
});

test('invalid document has byte offset', () => {
  const error = translate(Status.INVALID_ARGUMENT, 'invalid UTF-8 at byte 17', InvalidDocument);
  assert.ok(error instanceof InvalidDocument);
  assert.equal(error.byteOffset, 17);
});

test('codes map to classes', () => {
  assert.ok(translate(Status.NOT_FOUND, 'x') instanceof NotFound);
  assert.ok(translate(Status.DEADLINE_EXCEEDED, 'x') instanceof DeadlineExceeded);
  const other = translate(Status.INTERNAL, 'boom');
  assert.equal(other.constructor, KgError);
  assert.equal(other.message, 'INTERNAL: boom');
  const down = translate(Status.UNAVAILABLE, 'No connection established. Last error: connect ECONNREFUSED');
  assert.ok(down instanceof Unavailable);
  assert.match(down.message, /cannot reach the graph service at 127\.0\.0\.1:1/);
});
