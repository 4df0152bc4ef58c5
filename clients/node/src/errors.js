// Typed errors. Every failed call rejects with a KgError subclass.
//
//   class              rejected for
//   InvalidQuery       INVALID_ARGUMENT from a query; .line/.column (1-based)
//   InvalidDocument    INVALID_ARGUMENT from the extractor; .byteOffset for
//                      invalid UTF-8
//   InvalidArgument    other INVALID_ARGUMENT (base of the two above)
//   NotFound           NOT_FOUND: unknown entity or document
//   Unavailable        UNAVAILABLE: the service (or the graph behind the
//                      extractor) cannot be reached; names the address
//   DeadlineExceeded   DEADLINE_EXCEEDED: past the call's timeout
//   ResourceExhausted  RESOURCE_EXHAUSTED: e.g. a query scanning too much
//   Truncated          a query answer a server row limit cut short (after
//                      the rows it has; .rows tells how many)
//   KgError            anything else (.code / .codeName tell)

import { status as Status } from '@grpc/grpc-js';

const POSITION = /line (\d+), column (\d+)/;
const BYTE_OFFSET = /at byte (\d+)/;
// How grpc-js describes a connection it could not make, as opposed to a
// service that answered UNAVAILABLE itself (the extractor whose graph is down).
const CONNECT_FAILURE = /no connection established|failed to connect|connection refused|ECONNREFUSED|name resolution|DNS resolution/i;

const CODE_NAMES = Object.fromEntries(
  Object.entries(Status).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k]),
);

/** The name of a numeric gRPC status code, e.g. 5 → 'NOT_FOUND'. */
export function codeName(code) {
  return CODE_NAMES[code] ?? `CODE_${code}`;
}

/**
 * A failed kg call. `code` is the numeric gRPC status (compare with
 * `Status.NOT_FOUND`), `codeName` its name, `details` the server's message,
 * `address` the service called. The message reads "CODE_NAME: details", with
 * the address where it helps.
 */
export class KgError extends Error {
  constructor(code, details, { address = '', message } = {}) {
    super(message ?? `${codeName(code)}: ${details}`);
    this.name = new.target.name;
    this.code = code;
    this.codeName = codeName(code);
    this.details = details;
    this.address = address;
  }
}

/**
 * A server row limit (its default when neither `limit` nor the query's LIMIT
 * says, or its --max_row_limit) cut the answer: more rows exist. iterQuery
 * throws it after the last row it has; query() rejects with it. `rows` is
 * how many were returned. Pass `limit` (or LIMIT in the query) to get more,
 * or `allowTruncated: true` to take the cut answer.
 */
export class Truncated extends KgError {
  constructor(rows) {
    super(Status.OK, `the answer was cut at the server's row limit after ${rows} rows`, {
      message: `answer cut at the server's row limit after ${rows} rows; more exist ` +
        '(pass limit or LIMIT N, or allowTruncated: true)',
    });
    this.rows = rows;
  }
}

/** The request was rejected as malformed (INVALID_ARGUMENT). */
export class InvalidArgument extends KgError {}

/**
 * A malformed query. `line` and `column` (1-based) locate the problem when
 * the server names them, else they are null.
 */
export class InvalidQuery extends InvalidArgument {
  constructor(code, details, options) {
    super(code, details, options);
    const match = POSITION.exec(details);
    this.line = match ? Number(match[1]) : null;
    this.column = match ? Number(match[2]) : null;
  }
}

/**
 * A document the extractor refuses: empty, too large, not UTF-8. `byteOffset`
 * is the first invalid byte for invalid UTF-8, else null.
 */
export class InvalidDocument extends InvalidArgument {
  constructor(code, details, options) {
    super(code, details, options);
    const match = BYTE_OFFSET.exec(details);
    this.byteOffset = match ? Number(match[1]) : null;
  }
}

/** The entity or document is not in the graph (NOT_FOUND). */
export class NotFound extends KgError {}

/**
 * The service could not be reached (UNAVAILABLE). The message names the
 * address; for an ingest it may be the graph behind the extractor.
 */
export class Unavailable extends KgError {}

/** The call ran past its timeout (DEADLINE_EXCEEDED). */
export class DeadlineExceeded extends KgError {}

/** The server refused the work as too large (RESOURCE_EXHAUSTED). */
export class ResourceExhausted extends KgError {}

const BY_CODE = new Map([
  [Status.INVALID_ARGUMENT, InvalidArgument],
  [Status.NOT_FOUND, NotFound],
  [Status.UNAVAILABLE, Unavailable],
  [Status.DEADLINE_EXCEEDED, DeadlineExceeded],
  [Status.RESOURCE_EXHAUSTED, ResourceExhausted],
]);

/**
 * Translates a grpc-js error from `service` ('graph' or 'extractor') at
 * `address` into a KgError. `invalidArgument` is the class for
 * INVALID_ARGUMENT (InvalidQuery for queries, InvalidDocument for extraction).
 * A KgError passes through unchanged.
 */
export function fromGrpcError(error, { service, address, invalidArgument = InvalidArgument }) {
  if (error instanceof KgError) return error;
  const code = typeof error?.code === 'number' ? error.code : Status.UNKNOWN;
  const details = error?.details || error?.message || String(error);
  if (code === Status.INVALID_ARGUMENT) return new invalidArgument(code, details, { address });
  const ErrorClass = BY_CODE.get(code) ?? KgError;
  let message;
  if (ErrorClass === Unavailable) {
    message = CONNECT_FAILURE.test(details)
      ? `UNAVAILABLE: cannot reach the ${service} service at ${address} (${details})`
      : `UNAVAILABLE: the ${service} service at ${address}: ${details}`;
  } else if (ErrorClass === DeadlineExceeded) {
    message = `DEADLINE_EXCEEDED: the ${service} service at ${address}: ${details}`;
  }
  return new ErrorClass(code, details, { address, message });
}

export { Status };
