// Typed values: conversion between kg.v1.Value and JavaScript.
//
// The graph treats a value's kind as part of its identity (the entity London
// is not the text "London"), and so does this module:
//
//   kg.v1     JavaScript
//   entity    Entity        (.value: the canonical name)
//   text      Text          (.value: the string)
//   integer   number when Number.isSafeInteger, else bigint
//   decimal   Decimal       (.value: exact plain notation, "8.5", "-0.25")
//   date      CalendarDate  (.value: "YYYY-MM-DD"; .toDate() → UTC midnight)
//
// Entity, Text, Decimal and CalendarDate are small immutable classes with a
// `kind` and a string `value`; String(v), `${v}` and JSON.stringify(v) give
// the plain string. v.equals(w) is true only for the same kind and spelling.

import { inspect } from 'node:util';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Base of the string-valued kinds; not constructed directly. */
export class KgValue {
  constructor(value) {
    if (typeof value !== 'string') {
      throw new TypeError(`${new.target.name} needs a string, got ${typeof value}`);
    }
    this.value = value;
  }

  /** 'entity', 'text', 'decimal' or 'date'. */
  get kind() {
    return this.constructor.kind;
  }

  /** True for a value of the same kind and spelling. */
  equals(other) {
    return other instanceof KgValue && other.kind === this.kind && other.value === this.value;
  }

  toString() {
    return this.value;
  }

  toJSON() {
    return this.value;
  }

  [inspect.custom]() {
    return `${this.constructor.name}(${JSON.stringify(this.value)})`;
  }
}

/** An entity, by canonical name: new Entity('Operation Saltmarsh'). */
export class Entity extends KgValue {
  static kind = 'entity';
  constructor(name) {
    super(name);
    Object.freeze(this);
  }
}

/** A text literal: a role title, an alias, a quotation. */
export class Text extends KgValue {
  static kind = 'text';
  constructor(text) {
    super(text);
    Object.freeze(this);
  }
}

/** An exact decimal in plain notation; throws RangeError for anything else. */
export class Decimal extends KgValue {
  static kind = 'decimal';
  constructor(text) {
    super(text);
    if (!DECIMAL.test(text)) {
      throw new RangeError(`malformed decimal ${JSON.stringify(text)}: use plain notation like "8.5"`);
    }
    Object.freeze(this);
  }
}

/** A calendar date "YYYY-MM-DD"; throws RangeError for a malformed or impossible date. */
export class CalendarDate extends KgValue {
  static kind = 'date';
  constructor(text) {
    super(text);
    const match = DATE.exec(text);
    const date = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    if (!match || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
      throw new RangeError(`malformed date ${JSON.stringify(text)}: expected YYYY-MM-DD`);
    }
    Object.freeze(this);
  }

  /** The date of a Date object's UTC fields. */
  static fromDate(date) {
    return new CalendarDate(date.toISOString().slice(0, 10));
  }

  /** Midnight UTC of this date. */
  toDate() {
    return new Date(`${this.value}T00:00:00Z`);
  }
}

/** The kind of a JS value as the graph sees it, or null if it is none. */
export function kindOf(value) {
  if (value instanceof KgValue) return value.kind;
  if (typeof value === 'string') return 'text';
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) {
    return 'integer';
  }
  return null;
}

/** True when a and b are the same kg value (same kind, same spelling or number). */
export function sameValue(a, b) {
  if (a instanceof KgValue || b instanceof KgValue) {
    return a instanceof KgValue && a.equals(b);
  }
  if (kindOf(a) === 'integer' && kindOf(b) === 'integer') return BigInt(a) === BigInt(b);
  return a === b;
}

/**
 * Converts a kg.v1.Value message (as proto-loader decodes it) to its JS form.
 * Throws TypeError for an unset value, RangeError for a malformed one.
 */
export function fromProto(message) {
  switch (message && message.kind) {
    case 'entity':
      return new Entity(message.entity);
    case 'text':
      return new Text(message.text);
    case 'integer': {
      const big = BigInt(message.integer);
      const small = Number(big);
      return Number.isSafeInteger(small) ? small : big;
    }
    case 'decimal':
      return new Decimal(message.decimal);
    case 'date':
      return new CalendarDate(message.date);
    default:
      throw new TypeError('value has no kind set');
  }
}

/**
 * Converts a JS value to a kg.v1.Value message. A plain string is text;
 * wrap entity names in Entity. Numbers must be safe integers (use Decimal for
 * fractions); booleans, Date objects (use CalendarDate) and other types throw
 * TypeError; an integer beyond 64 bits throws RangeError.
 */
export function toProto(value) {
  if (value instanceof KgValue) return { [value.kind]: value.value };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'bigint') {
    if (value < INT64_MIN || value > INT64_MAX) {
      throw new RangeError(`integer ${value} does not fit in 64 bits`);
    }
    return { integer: value.toString() };
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`${value} is not a safe integer; use a bigint or a Decimal`);
    }
    return { integer: String(value) };
  }
  if (value instanceof Date) throw new TypeError('Date is not a kg value; pass a CalendarDate');
  const type = value === null ? 'null' : typeof value;
  throw new TypeError(`${type} is not a kg value`);
}

/**
 * Renders a value as a term of the query language (docs/query-language.md),
 * escaped; use it to put caller-supplied values into a pattern:
 *   kg.query(`?p has_role ${queryTerm(new Text(role))}`)
 * A plain string is taken as text.
 */
export function queryTerm(value) {
  if (value instanceof Entity) {
    const name = value.value;
    if (name && !/[<>\n]/.test(name)) return `<${name}>`;
    return `${quoted(name)}^^entity`;
  }
  const message = toProto(value); // validates the other kinds
  if ('text' in message) return quoted(message.text);
  if ('integer' in message) return message.integer;
  const [kind, text] = Object.entries(message)[0];
  return `${quoted(text)}^^${kind}`;
}

function quoted(text) {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
