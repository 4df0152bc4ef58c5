// Result types of the exploring calls (paths, neighbourhoods, derivations,
// documents, query plans) and their conversion from kg.v1 messages.

import * as values from './values.js';
import { Fact } from './models.js';

/**
 * One hop of a path: the fact crossed, with its evidence. `reversed` is true
 * when the hop goes from the fact's value to its subject; `start` and `end`
 * are the entities the hop leaves and reaches.
 */
export class PathHop {
  constructor(fact, reversed) {
    this.fact = fact;
    this.reversed = Boolean(reversed);
    Object.freeze(this);
  }

  static fromProto(message) {
    return new PathHop(Fact.fromProto(message.fact), message.reversed);
  }

  get start() {
    return this.reversed ? this.fact.value : this.fact.subject;
  }

  get end() {
    return this.reversed ? this.fact.subject : this.fact.value;
  }
}

/**
 * Every fact within some hops of an entity, with evidence; `truncated` is
 * true when the limit cut the neighbourhood short.
 */
export class Neighbourhood {
  constructor(name, facts, truncated) {
    this.name = name instanceof values.Entity ? name : new values.Entity(name);
    this.facts = Object.freeze([...facts]);
    this.truncated = Boolean(truncated);
    Object.freeze(this);
  }

  static fromProto(name, message) {
    return new Neighbourhood(name, message.facts.map(Fact.fromProto), message.truncated);
  }

  /** The distinct entities the facts mention (Entity[]), in order of appearance. */
  get entities() {
    const seen = new Map();
    for (const fact of this.facts) {
      for (const v of [fact.subject, fact.value]) {
        if (v instanceof values.Entity && !seen.has(v.value)) seen.set(v.value, v);
      }
    }
    return [...seen.values()];
  }
}

/**
 * How a stored fact is known: the fact with all its evidence and, when some
 * evidence is derived by a rule, the derivation trees of the premises (down
 * to facts read from sentences, which have no premises).
 */
export class Derivation {
  constructor(fact, premises = []) {
    this.fact = fact;
    this.premises = Object.freeze([...premises]);
    Object.freeze(this);
  }

  static fromProto(message) {
    return new Derivation(Fact.fromProto(message.fact), message.premises.map(Derivation.fromProto));
  }

  get evidence() {
    return this.fact.evidence;
  }

  /** Yields [depth, node] for this node and every node below it, depth first. */
  * walk(depth = 0) {
    yield [depth, this];
    for (const premise of this.premises) yield* premise.walk(depth + 1);
  }

  /** The distinct sentences the whole tree rests on, in order. */
  get sentences() {
    const found = new Set();
    for (const [, node] of this.walk()) {
      for (const e of node.evidence) if (e.sentence) found.add(e.sentence);
    }
    return [...found];
  }
}

/**
 * A document with evidence in the store: its content hash ('' when ingested
 * without one) and how many evidence records it contributes (derived ones
 * included), a number.
 */
export class DocumentInfo {
  constructor(documentId, contentHash, evidence) {
    Object.assign(this, { documentId, contentHash, evidence });
    Object.freeze(this);
  }

  static fromProto(message) {
    return new DocumentInfo(message.documentId, message.contentHash, Number(message.evidence));
  }
}

/**
 * One step of a query plan, in evaluation order: the pattern as the planner
 * reads it, the rows it expects per input binding and the index it scans
 * ('spo', 'pos', 'osp' or 'all').
 */
export class PlanStep {
  constructor(pattern, estimatedRows, index) {
    Object.assign(this, { pattern, estimatedRows, index });
    Object.freeze(this);
  }

  static fromProto(message) {
    return new PlanStep(message.pattern, Number(message.estimatedRows), message.index);
  }
}

/** One report of a fact: `fact` as `evidence` stated it on `reportedDate` ('' when unknown). */
export class TimelineEntry {
  constructor(reportedDate, fact, evidence) {
    Object.assign(this, { reportedDate, fact, evidence });
    Object.freeze(this);
  }
}

/**
 * An EntityFacts' facts (both directions; `type` and `alias` left out), one
 * TimelineEntry per evidence record, earliest reported first, undated last;
 * ties in the graph's order.
 */
export function timeline(entity) {
  const entries = [];
  for (const fact of [...entity.outgoing, ...entity.incoming]) {
    if (fact.predicate === 'type' || fact.predicate === 'alias') continue;
    for (const e of fact.evidence) entries.push(new TimelineEntry(e.reportedDate, fact, e));
  }
  const key = (t) => (t.reportedDate === '' ? '~' : t.reportedDate);
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Competing facts where the graph's schema allows one value: `entity` has two
 * values of `predicate` (or, when `perValue`, two subjects share `entity` as
 * value). `kind` is 'succession' (reported one after the other),
 * 'contradiction' (overlapping periods) or 'undated'; `facts` come earliest
 * reported first.
 */
export class Conflict {
  constructor(entity, predicate, perValue, kind, facts) {
    this.entity = new values.Entity(entity);
    Object.assign(this, { predicate, perValue, kind });
    this.facts = Object.freeze(facts);
    Object.freeze(this);
  }

  static fromProto(message) {
    return new Conflict(message.entity, message.predicate, Boolean(message.perValue),
      String(message.kind).toLowerCase(), message.facts.map(Fact.fromProto));
  }
}
