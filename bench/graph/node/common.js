// Shared by bench.js and the cross-check: the query file, the term encoding
// of bench/graph/fact_formats.h, and latency summaries as JSON fields.
'use strict';
const fs = require('fs');

const ENTITY = 'urn:kg:entity:';
const PREDICATE = 'urn:kg:predicate:';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

// Percent-encoding exactly as fact_formats.cc does (unreserved kept).
function encodeName(name) {
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c)) out += c;
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function entityIri(name) { return `<${ENTITY}${encodeName(name)}>`; }
function predicateIri(name) { return `<${PREDICATE}${encodeName(name)}>`; }

// An Oxigraph term as the canonical strings the cross-check compares:
// "e:Name", "p:name" (a predicate), "t:text", "i:42", "x:8.5", "d:2021-05-01".
function canonicalTerm(term) {
  if (term.termType === 'NamedNode') {
    if (term.value.startsWith(ENTITY)) {
      return 'e:' + decodeURIComponent(term.value.slice(ENTITY.length));
    }
    if (term.value.startsWith(PREDICATE)) {
      return 'p:' + decodeURIComponent(term.value.slice(PREDICATE.length));
    }
    return 'iri:' + term.value;
  }
  if (term.termType === 'Literal') {
    const type = term.datatype ? term.datatype.value : '';
    if (type === XSD + 'integer') return 'i:' + term.value;
    if (type === XSD + 'decimal') return 'x:' + term.value;
    if (type === XSD + 'date') return 'd:' + term.value;
    return 't:' + term.value;
  }
  return '?:' + term.value;
}

// queries.tsv of gen_facts: [{shape, a, b}].
function readQueries(path) {
  return fs.readFileSync(path, 'utf8').split('\n').filter((l) => l).map((l) => {
    const [shape, a, b] = l.split('\t');
    return { shape, a, b };
  });
}

const SHAPES = ['subject', 'pred_value', 'join', 'two_hop'];

function summary(micros) {
  const s = [...micros].sort((x, y) => x - y);
  const pick = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return {
    n: s.length, p50_us: +pick(0.5).toFixed(1), p99_us: +pick(0.99).toFixed(1),
    mean_us: +mean.toFixed(1), max_us: +s[s.length - 1].toFixed(1),
  };
}

function nowMicros() { return Number(process.hrtime.bigint()) / 1000; }

// Calls `onChunk(text)` with pieces of a file that end at line boundaries,
// so that files larger than V8's longest string can be loaded.
function forEachLineChunk(path, chunkBytes, onChunk) {
  const fd = fs.openSync(path, 'r');
  const buffer = Buffer.alloc(chunkBytes);
  let carry = Buffer.alloc(0);
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, chunkBytes, null);
    if (n === 0) break;
    const data = Buffer.concat([carry, buffer.subarray(0, n)]);
    const cut = data.lastIndexOf(10) + 1;
    if (cut > 0) onChunk(data.subarray(0, cut).toString('utf8'));
    carry = Buffer.from(data.subarray(cut));
  }
  if (carry.length) onChunk(carry.toString('utf8'));
  fs.closeSync(fd);
}

module.exports = {
  entityIri, predicateIri, canonicalTerm, readQueries, SHAPES, summary,
  nowMicros, forEachLineChunk,
};
