// Plain result types and their conversion from kg.v1 messages (as
// proto-loader decodes them: camelCase fields, 64-bit integers as strings).

import { inspect } from 'node:util';
import * as values from './values.js';

/**
 * Where a fact was read.
 *
 * `begin`/`end` are offsets of `sentence` in the document text counted in
 * Unicode code points (not UTF-16 units: use
 * `[...text].slice(begin, end).join('')`, or `byteBegin`/`byteEnd` on the
 * UTF-8 Buffer). `confidence` is in (0, 1], rounded to the 7 significant
 * digits the wire's 32-bit float carries. `ingestedAt` is when the graph
 * stored the evidence (a Date, millisecond precision; `ingestedAtMicros` is
 * the exact bigint), null when unset (facts fresh from extract()). For a
 * fact derived by a rule, `premises` holds the [subject, predicate, value]
 * triples the rule `rule` derived it from and `sentence` is empty (see
 * KnowledgeGraph.explain()); it is [] for a fact read from text.
 */
export class Evidence {
  constructor({
    documentId, sentence = '', begin = 0, end = 0, rule = '', confidence = 1,
    byteBegin = 0, byteEnd = 0, ingestedAtMicros = 0n, premises = [], reportedDate = '',
    retractedAtMicros = 0n,
  }) {
    Object.assign(this, { documentId, sentence, begin, end, rule, confidence, byteBegin, byteEnd });
    /** When the document reported the fact ('YYYY-MM-DD'), '' when unknown. */
    this.reportedDate = reportedDate;
    this.ingestedAtMicros = BigInt(ingestedAtMicros);
    this.ingestedAt = this.ingestedAtMicros
      ? new Date(Number(this.ingestedAtMicros / 1000n))
      : null;
    /**
     * When a later write retracted this record (bigint micros and a Date):
     * set only on evidence read with {as_of: T} from the graph's history;
     * 0n / null for current evidence.
     */
    this.retractedAtMicros = BigInt(retractedAtMicros);
    this.retractedAt = this.retractedAtMicros
      ? new Date(Number(this.retractedAtMicros / 1000n))
      : null;
    this.premises = Object.freeze(premises.map((t) => Object.freeze([...t])));
    Object.freeze(this);
  }

  /** True when a rule derived the fact (it has premises). */
  get derived() {
    return this.premises.length > 0;
  }

  static fromProto(message) {
    return new Evidence({
      documentId: message.documentId,
      sentence: message.sentence,
      begin: message.begin,
      end: message.end,
      rule: message.rule,
      confidence: Number(message.confidence.toPrecision(7)),
      byteBegin: message.byteBegin,
      byteEnd: message.byteEnd,
      ingestedAtMicros: message.ingestedAtMicros || '0',
      premises: (message.premises ?? []).map(tripleFromProto),
      reportedDate: message.reportedDate ?? '',
      retractedAtMicros: message.retractedAtMicros || '0',
    });
  }

  /** The message for ingest (ingestedAt is set by the graph, not sent). */
  toProto() {
    const { documentId, sentence, begin, end, byteBegin, byteEnd, rule, confidence, reportedDate } = this;
    const premises = this.premises.map((t) => tripleToProto(...t));
    return {
      documentId, sentence, begin, end, byteBegin, byteEnd, rule, confidence, premises, reportedDate,
    };
  }
}

/** A kg.v1.Triple message as [Entity subject, predicate, value]. */
export function tripleFromProto(message) {
  return [new values.Entity(message.subject), message.predicate, values.fromProto(message.value)];
}

/**
 * A kg.v1.Triple message; `subject` an Entity or a string, `value` as
 * values.toProto() takes it (a plain string is text).
 */
export function tripleToProto(subject, predicate, value) {
  return { subject: String(subject), predicate, value: values.toProto(value) };
}

/** A fact (subject, predicate, value) with the evidence behind it. */
export class Fact {
  /** `subject` may be an Entity or a plain string (taken as an entity name). */
  /**
   * `evidenceTruncated` is true on an answer that listed only some of the
   * fact's evidence (a neighbourhood's evidencePerFact); entity() and
   * explain() list all of it.
   */
  constructor(subject, predicate, value, evidence = [], evidenceTruncated = false) {
    this.subject = subject instanceof values.Entity ? subject : new values.Entity(subject);
    this.predicate = predicate;
    this.value = value;
    this.evidence = Object.freeze([...evidence]);
    this.evidenceTruncated = evidenceTruncated;
    Object.freeze(this);
  }

  static fromProto(message) {
    return new Fact(
      new values.Entity(message.subject),
      message.predicate,
      values.fromProto(message.value),
      message.evidence.map(Evidence.fromProto),
      Boolean(message.evidenceTruncated),
    );
  }

  toProto() {
    return {
      subject: this.subject.value,
      predicate: this.predicate,
      value: values.toProto(this.value),
      evidence: this.evidence.map((e) => e.toProto()),
    };
  }

  /** [subject, predicate, value]. */
  get triple() {
    return [this.subject, this.predicate, this.value];
  }

  /** True when the fact states (subject, predicate, value), compared by kind. */
  is(subject, predicate, value) {
    return values.sameValue(this.subject, subject instanceof values.KgValue ? subject : new values.Entity(subject)) &&
      this.predicate === predicate && values.sameValue(this.value, value);
  }
}

/**
 * One answer to a query: a Map from variable name (without '?') to value, in
 * the order the variables first appear. get()/has() also accept '?name'.
 * `support` holds the matched facts, one per triple pattern, `evidence` all
 * their evidence, `sentences` the distinct sentences; all empty unless the
 * query asked for evidence.
 */
export class Row extends Map {
  constructor(bindings = [], support = []) {
    super(bindings instanceof Map ? bindings : Object.entries(bindings));
    this.support = Object.freeze([...support]);
  }

  static fromProto(message) {
    return new Row(
      new Map(message.bindings.map((b) => [b.variable, values.fromProto(b.value)])),
      message.support.map(Fact.fromProto),
    );
  }

  get(variable) {
    return super.get(stripMark(variable));
  }

  has(variable) {
    return super.has(stripMark(variable));
  }

  get evidence() {
    return this.support.flatMap((fact) => fact.evidence);
  }

  get sentences() {
    return [...new Set(this.evidence.map((e) => e.sentence))];
  }

  /** A plain object variable → value. */
  toObject() {
    return Object.fromEntries(this);
  }

  /** variable → value, with bigints as decimal strings so JSON can hold them. */
  toJSON() {
    return Object.fromEntries(
      [...this].map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]),
    );
  }

  [inspect.custom](depth, options) {
    const inner = [...this].map(([k, v]) => `${k}=${inspect(v, options)}`).join(', ');
    return `Row(${inner})`;
  }
}

function stripMark(variable) {
  return typeof variable === 'string' && variable.startsWith('?') ? variable.slice(1) : variable;
}

/**
 * The graph's acknowledgement of one document's (or one batch's) facts.
 * `facts` are the facts sent (as extracted, for ingest()); `unchanged` is true
 * when the graph already held this exact content and wrote nothing.
 */
export class IngestResult {
  constructor(documentId, facts, ack) {
    this.documentId = documentId;
    this.facts = Object.freeze([...facts]);
    this.factsReceived = ack?.factsReceived ?? 0;
    this.factsNew = ack?.factsNew ?? 0;
    this.evidenceNew = ack?.evidenceNew ?? 0;
    this.factsRetracted = ack?.factsRetracted ?? 0;
    this.unchanged = ack?.unchanged ?? false;
    Object.freeze(this);
  }

  static fromExtract(documentId, response) {
    return new IngestResult(documentId, response.facts.map(Fact.fromProto), response.ingest);
  }
}

/**
 * Every fact about an entity: as subject (`outgoing`) and as value
 * (`incoming`), each with evidence.
 */
export class EntityFacts {
  constructor(name, outgoing, incoming) {
    this.name = new values.Entity(name);
    this.outgoing = Object.freeze(outgoing);
    this.incoming = Object.freeze(incoming);
    Object.freeze(this);
  }

  static fromProto(name, message) {
    return new EntityFacts(name, message.outgoing.map(Fact.fromProto), message.incoming.map(Fact.fromProto));
  }

  /** The values of the entity's outgoing facts with this predicate. */
  valuesOf(predicate) {
    return this.outgoing.filter((f) => f.predicate === predicate).map((f) => f.value);
  }
}

/** What deleting a document removed. */
export class DeleteResult {
  constructor(documentId, evidenceRemoved, factsRetracted) {
    Object.assign(this, { documentId, evidenceRemoved, factsRetracted });
    Object.freeze(this);
  }
}

/**
 * Store totals (numbers); `predicates` is a plain object predicate → fact
 * count.
 */
export class Stats {
  constructor({
    facts, evidence, documents, terms, predicates, historyRecords = 0,
    historyCompleteFrom = null,
  }) {
    Object.assign(this, { facts, evidence, documents, terms });
    /**
     * Retracted evidence records kept for {as_of: T} queries, and the Date
     * from which such queries are exact (null: from the store's start).
     */
    this.historyRecords = historyRecords;
    this.historyCompleteFrom = historyCompleteFrom;
    this.predicates = Object.freeze({ ...predicates });
    Object.freeze(this);
  }

  static fromProto(message) {
    return new Stats({
      facts: Number(message.facts),
      evidence: Number(message.evidence),
      documents: Number(message.documents),
      terms: Number(message.terms),
      predicates: Object.fromEntries(message.predicates.map((p) => [p.predicate, Number(p.facts)])),
      historyRecords: Number(message.historyRecords ?? 0),
      historyCompleteFrom: Number(message.historyCompleteFromMicros ?? 0)
        ? new Date(Number(BigInt(message.historyCompleteFromMicros) / 1000n))
        : null,
    });
  }
}
