// TypeScript declarations for kg-client (src/index.js). Written by hand to
// the JSDoc contracts in src/; tests/types/usage.ts compiles against them
// with tsc and runs, so a declaration the code does not honour fails the
// tests (run_tests.sh).

// -- values ------------------------------------------------------------------

/** Base of the string-valued kinds; not constructed directly. */
export abstract class KgValue {
  readonly value: string;
  /** 'entity', 'text', 'decimal' or 'date'. */
  readonly kind: 'entity' | 'text' | 'decimal' | 'date';
  equals(other: unknown): boolean;
  toString(): string;
  toJSON(): string;
}
export class Entity extends KgValue {
  static readonly kind: 'entity';
  constructor(name: string);
}
export class Text extends KgValue {
  static readonly kind: 'text';
  constructor(text: string);
}
export class Decimal extends KgValue {
  static readonly kind: 'decimal';
  constructor(text: string);
}
export class CalendarDate extends KgValue {
  static readonly kind: 'date';
  constructor(text: string);
  static fromDate(date: Date): CalendarDate;
  /** Midnight UTC of this date. */
  toDate(): Date;
}

/**
 * A value of a fact or binding: entities, text, decimals and dates as
 * KgValue subclasses; integers as numbers, or bigints beyond 2^53.
 */
export type Value = Entity | Text | Decimal | CalendarDate | number | bigint;
/** What the client accepts where it sends a value: a plain string is text. */
export type ValueInput = Value | string;

export function kindOf(value: unknown): 'entity' | 'text' | 'decimal' | 'date' | 'integer' | null;
export function sameValue(a: unknown, b: unknown): boolean;
export function queryTerm(value: ValueInput): string;
export function valueFromProto(message: object): Value;
export function valueToProto(value: ValueInput): object;

// -- results -----------------------------------------------------------------

export type Triple = readonly [Entity, string, Value];

export class Evidence {
  constructor(fields: {
    documentId: string;
    sentence?: string;
    begin?: number;
    end?: number;
    rule?: string;
    confidence?: number;
    byteBegin?: number;
    byteEnd?: number;
    ingestedAtMicros?: bigint | string | number;
    premises?: ReadonlyArray<Triple>;
    reportedDate?: string;
    retractedAtMicros?: bigint | string | number;
  });
  readonly documentId: string;
  readonly sentence: string;
  /** Code-point offsets of `sentence` in the document text. */
  readonly begin: number;
  readonly end: number;
  readonly byteBegin: number;
  readonly byteEnd: number;
  readonly rule: string;
  readonly confidence: number;
  /** 'YYYY-MM-DD' the document was published, '' when unknown. */
  readonly reportedDate: string;
  readonly ingestedAtMicros: bigint;
  readonly ingestedAt: Date | null;
  /** Set only on evidence read with {as_of: T} from the graph's history. */
  readonly retractedAtMicros: bigint;
  readonly retractedAt: Date | null;
  readonly premises: ReadonlyArray<Triple>;
  readonly derived: boolean;
  static fromProto(message: object): Evidence;
  toProto(): object;
}

export class Fact {
  constructor(
    subject: Entity | string,
    predicate: string,
    value: ValueInput,
    evidence?: Iterable<Evidence>,
    evidenceTruncated?: boolean,
  );
  readonly subject: Entity;
  readonly predicate: string;
  readonly value: Value;
  readonly evidence: ReadonlyArray<Evidence>;
  readonly evidenceTruncated: boolean;
  readonly triple: Triple;
  is(subject: Entity | string, predicate: string, value: ValueInput): boolean;
  static fromProto(message: object): Fact;
  toProto(): object;
}

/** One answer: variable name (without '?') → value; get()/has() accept '?name'. */
export class Row extends Map<string, Value | undefined> {
  constructor(bindings?: Map<string, Value | undefined> | Record<string, Value | undefined>,
              support?: Iterable<Fact>);
  readonly support: ReadonlyArray<Fact>;
  readonly evidence: Evidence[];
  readonly sentences: string[];
  toObject(): Record<string, Value | undefined>;
  toJSON(): Record<string, unknown>;
}

export class IngestResult {
  readonly documentId: string;
  readonly facts: ReadonlyArray<Fact>;
  readonly factsReceived: number;
  readonly factsNew: number;
  readonly evidenceNew: number;
  readonly factsRetracted: number;
  readonly unchanged: boolean;
}

export class EntityFacts {
  readonly name: Entity;
  readonly outgoing: ReadonlyArray<Fact>;
  readonly incoming: ReadonlyArray<Fact>;
  valuesOf(predicate: string): Value[];
}

export class DeleteResult {
  readonly documentId: string;
  readonly evidenceRemoved: number;
  readonly factsRetracted: number;
}

export class Stats {
  readonly facts: number;
  readonly evidence: number;
  readonly documents: number;
  readonly terms: number;
  readonly predicates: Readonly<Record<string, number>>;
  /** Retracted evidence records kept for {as_of: T} queries. */
  readonly historyRecords: number;
  /** {as_of: T} is exact from this instant on; null: from the store's start. */
  readonly historyCompleteFrom: Date | null;
}

export class PathHop {
  constructor(fact: Fact, reversed: boolean);
  readonly fact: Fact;
  readonly reversed: boolean;
  readonly start: Value;
  readonly end: Value;
}

export class Neighbourhood {
  readonly name: Entity;
  readonly facts: ReadonlyArray<Fact>;
  readonly truncated: boolean;
  readonly entities: Entity[];
}

export class Derivation {
  readonly fact: Fact;
  readonly premises: ReadonlyArray<Derivation>;
  readonly evidence: ReadonlyArray<Evidence>;
  readonly sentences: string[];
  walk(depth?: number): Generator<[number, Derivation]>;
}

export class DocumentInfo {
  readonly documentId: string;
  readonly contentHash: string;
  readonly evidence: number;
}

export class PlanStep {
  readonly pattern: string;
  readonly estimatedRows: number;
  readonly index: string;
}

export class TimelineEntry {
  readonly reportedDate: string;
  readonly fact: Fact;
  readonly evidence: Evidence;
}

export class Conflict {
  readonly entity: Entity;
  readonly predicate: string;
  readonly perValue: boolean;
  readonly kind: 'succession' | 'contradiction' | 'undated' | string;
  readonly facts: ReadonlyArray<Fact>;
}

export function timeline(entity: EntityFacts): TimelineEntry[];

// -- errors ------------------------------------------------------------------

export const Status: Readonly<Record<string, number>>;
export function codeName(code: number): string;

export class KgError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly details: string;
  readonly address: string;
}
export class InvalidArgument extends KgError {}
export class InvalidQuery extends InvalidArgument {
  readonly line: number | null;
  readonly column: number | null;
}
export class InvalidDocument extends InvalidArgument {
  readonly byteOffset: number | null;
}
export class NotFound extends KgError {}
export class Unavailable extends KgError {}
export class DeadlineExceeded extends KgError {}
export class ResourceExhausted extends KgError {}
export class Truncated extends KgError {
  readonly rows: number;
}

// -- the client --------------------------------------------------------------

export class Security {
  constructor(options?: {
    tlsCa?: string;
    tlsCert?: string;
    tlsKey?: string;
    tlsServerName?: string;
    token?: string;
  });
  readonly tlsCa: string;
  readonly tlsCert: string;
  readonly tlsKey: string;
  readonly tlsServerName: string;
  static fromEnv(env?: Record<string, string | undefined>): Security;
}

export const DEFAULT_GRAPH_ADDRESS: string;
export const DEFAULT_EXTRACTOR_ADDRESS: string;

export interface CallOptions {
  /** This call's deadline (default: the client's timeoutMs). */
  timeoutMs?: number;
}
export interface QueryOptions extends CallOptions {
  limit?: number;
  withEvidence?: boolean;
  allowTruncated?: boolean;
}
export interface DocumentOptions extends CallOptions {
  title?: string;
  url?: string;
  /** 'YYYY-MM-DD' the document was published. */
  published?: string;
}

export class KnowledgeGraph {
  constructor(options?: {
    graphAddress?: string;
    extractorAddress?: string;
    timeoutMs?: number;
    security?: Security;
  });
  static fromEnv(options?: { timeoutMs?: number }): KnowledgeGraph;
  readonly graphAddress: string;
  readonly extractorAddress: string;
  readonly timeoutMs: number;
  close(): void;

  query(pattern: string, options?: QueryOptions): Promise<Row[]>;
  iterQuery(pattern: string, options?: QueryOptions): AsyncGenerator<Row, void, undefined>;
  entity(name: string, options?: CallOptions): Promise<EntityFacts>;
  timeline(name: string, options?: CallOptions): Promise<TimelineEntry[]>;
  conflicts(options?: { entity?: string; limit?: number; timeoutMs?: number }):
    Promise<{ readonly conflicts: ReadonlyArray<Conflict>; readonly truncated: boolean }>;
  stats(options?: CallOptions): Promise<Stats>;
  plan(pattern: string, options?: CallOptions): Promise<PlanStep[]>;
  path(from: string, to: string, options?: {
    maxHops?: number; predicates?: string[]; evidencePerFact?: number; timeoutMs?: number;
  }): Promise<PathHop[]>;
  neighbourhood(name: string, options?: {
    hops?: number; predicates?: string[]; limit?: number; evidencePerFact?: number;
    timeoutMs?: number;
  }): Promise<Neighbourhood>;
  explain(subject: Entity | string, predicate: string, value: ValueInput, options?: CallOptions):
    Promise<Derivation>;
  documents(options?: CallOptions): Promise<DocumentInfo[]>;
  ingest(documentId: string, text: string | Uint8Array, options?: DocumentOptions):
    Promise<IngestResult>;
  ingestFile(filePath: string, options?: { documentId?: string; timeoutMs?: number }):
    Promise<IngestResult>;
  extract(documentId: string, text: string | Uint8Array, options?: DocumentOptions):
    Promise<Fact[]>;
  ingestFacts(facts: Iterable<Fact>, options?: {
    documentId?: string; contentHash?: string; timeoutMs?: number;
  }): Promise<IngestResult>;
  deleteDocument(documentId: string, options?: CallOptions): Promise<DeleteResult>;
}
