// KnowledgeGraph: the friendly client for the graph and extractor services.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { kgV1 } from './proto.js';
import * as errors from './errors.js';
import * as models from './models.js';
import * as explore from './explore.js';
import { Security } from './security.js';

export const DEFAULT_GRAPH_ADDRESS = '127.0.0.1:50051';
export const DEFAULT_EXTRACTOR_ADDRESS = '127.0.0.1:50052';

// Entities with many facts and long documents make large messages.
const CHANNEL_OPTIONS = {
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
  'grpc.max_send_message_length': 64 * 1024 * 1024,
};

/**
 * A connection to a graph service and (for ingest/extract) an extractor.
 *
 * Channels connect lazily, so constructing one never fails; a service that
 * cannot be reached rejects with Unavailable at the first call that needs it.
 * Every call has a deadline of `timeoutMs` unless it passes its own
 * `{timeoutMs}`. Call close() when done (or `using kg = ...` where the runtime
 * supports explicit resource management). Methods may be called concurrently.
 */
export class KnowledgeGraph {
  constructor({
    graphAddress = DEFAULT_GRAPH_ADDRESS,
    extractorAddress = DEFAULT_EXTRACTOR_ADDRESS,
    timeoutMs = 30_000,
    security = new Security(),
  } = {}) {
    this.graphAddress = graphAddress;
    this.extractorAddress = extractorAddress;
    this.timeoutMs = timeoutMs;
    this._security = security;
    const { GraphService } = kgV1();
    this._graph = new GraphService(
      graphAddress, security.channelCredentials(), security.channelOptions(CHANNEL_OPTIONS),
    );
    this._extractor = null;
  }

  /**
   * Addresses from $KG_GRAPH_ADDR and $KG_EXTRACTOR_ADDR, TLS and token from
   * $KG_TLS_CA, $KG_TLS_CERT, $KG_TLS_KEY, $KG_TLS_SERVER_NAME, $KG_TOKEN /
   * $KG_TOKEN_FILE (as the kg CLI reads them), else the defaults:
   * plaintext, no token.
   */
  static fromEnv({ timeoutMs } = {}) {
    return new KnowledgeGraph({
      graphAddress: process.env.KG_GRAPH_ADDR || DEFAULT_GRAPH_ADDRESS,
      extractorAddress: process.env.KG_EXTRACTOR_ADDR || DEFAULT_EXTRACTOR_ADDRESS,
      timeoutMs,
      security: Security.fromEnv(),
    });
  }

  /** Closes both channels; the client is unusable afterwards. */
  close() {
    this._graph.close();
    if (this._extractor !== null) this._extractor.close();
  }

  [Symbol.dispose]() {
    this.close();
  }

  // -- queries ---------------------------------------------------------------

  /**
   * All rows answering `pattern` (docs/query-language.md), as Row[].
   * `limit` caps the rows (0: the query's LIMIT, else the server's default,
   * 10,000; never more than the server's --max_row_limit); with
   * `withEvidence` each row's support/evidence/sentences are filled.
   * Rejects with InvalidQuery (.line/.column), DeadlineExceeded,
   * ResourceExhausted, Unavailable, and Truncated when a server row limit
   * cut the answer (unless `allowTruncated`).
   */
  async query(pattern, options = {}) {
    const rows = [];
    for await (const row of this.iterQuery(pattern, options)) rows.push(row);
    return rows;
  }

  /**
   * Like query(), but an async iterator over rows as the server streams
   * them. Leaving the loop early (break, return, throw) cancels the call.
   * The timeout covers the whole stream. When a server row limit cut the
   * answer it throws Truncated after the last row (unless `allowTruncated`).
   */
  async *iterQuery(pattern, { limit = 0, withEvidence = false, timeoutMs, allowTruncated = false } = {}) {
    const request = { query: pattern, limit, withEvidence };
    const options = { deadline: this._deadline(timeoutMs) };
    // QueryBatches: the same rows as Query, many per message.
    let call = this._graph.QueryBatches(request, options);
    // Errors reach the loops below; this keeps a late CANCELLED (after an
    // early break) from becoming an unhandled 'error' event.
    call.on('error', () => {});
    let rows = 0;
    let truncated = false;
    try {
      try {
        for await (const batch of call) {
          for (const message of batch.rows) {
            rows += 1;
            yield models.Row.fromProto(message);
          }
          truncated ||= Boolean(batch.truncated);
        }
      } catch (error) {
        if (error.code !== grpc.status.UNIMPLEMENTED) throw error;
        // A server older than QueryBatches: one message per row.
        call = this._graph.Query(request, options);
        call.on('error', () => {});
        for await (const message of call) {
          rows += 1;
          yield models.Row.fromProto(message);
          truncated ||= Boolean(message.truncated);
        }
      }
    } catch (error) {
      throw this._graphError(error, errors.InvalidQuery);
    } finally {
      call.cancel(); // a no-op once the stream has ended
    }
    if (truncated && !allowTruncated) throw new errors.Truncated(rows);
  }

  /**
   * Every fact with the entity as subject or value, as EntityFacts.
   * Rejects with NotFound for an entity the graph does not know.
   */
  async entity(name, { timeoutMs } = {}) {
    const response = await this._callGraph('GetEntity', { name }, timeoutMs);
    return models.EntityFacts.fromProto(name, response);
  }

  /**
   * The entity's facts by the date they were reported (each document's
   * publication date), one TimelineEntry per evidence record, earliest
   * first, undated last. Rejects with NotFound for an unknown entity.
   */
  async timeline(name, { timeoutMs } = {}) {
    return explore.timeline(await this.entity(String(name), { timeoutMs }));
  }

  /**
   * Competing values of the predicates the server's schema declares
   * single-valued (a rank, an operation's leader), about `entity` or the
   * whole graph, at most `limit` (0: the server default, 100), as
   * { conflicts: [Conflict], truncated }. Rejects with NotFound for an
   * unknown entity.
   */
  async conflicts({ entity = '', limit = 0, timeoutMs } = {}) {
    const response = await this._callGraph('Conflicts', { entity: String(entity), limit }, timeoutMs);
    return Object.freeze({
      conflicts: Object.freeze(response.conflicts.map(explore.Conflict.fromProto)),
      truncated: Boolean(response.truncated),
    });
  }

  /** Totals of the store, as Stats. */
  async stats({ timeoutMs } = {}) {
    return models.Stats.fromProto(await this._callGraph('GetStats', {}, timeoutMs));
  }

  /**
   * The plan query() would run for `pattern` (PlanStep[], one per pattern
   * in evaluation order); runs nothing. Rejects with InvalidQuery as query().
   */
  async plan(pattern, { timeoutMs } = {}) {
    const response = await this._callGraph('PlanQuery', { query: pattern }, timeoutMs, errors.InvalidQuery);
    return response.steps.map(explore.PlanStep.fromProto);
  }

  // -- exploring -------------------------------------------------------------

  /**
   * The shortest connection from entity `from` to `to`: PathHop[], one per
   * fact crossed (in either direction), each with at most `evidencePerFact`
   * evidence records (0: the server default, 20; a fact with more has
   * `evidenceTruncated`); [] when there is none within `maxHops` (0: the
   * server default, 6). `predicates`
   * restricts the facts followed. Rejects with NotFound for an unknown
   * entity, InvalidArgument for an empty name or maxHops over the server's
   * cap (10), ResourceExhausted, DeadlineExceeded.
   */
  async path(from, to, { maxHops = 0, predicates = [], evidencePerFact = 0, timeoutMs } = {}) {
    const request = {
      from: String(from), to: String(to), maxHops, predicates: [...predicates], evidencePerFact,
    };
    const response = await this._callGraph('FindPath', request, timeoutMs);
    return response.hops.map(explore.PathHop.fromProto);
  }

  /**
   * Every fact within `hops` of the entity (server cap 4), at most `limit`
   * of them (0: the server default, 250) shared fairly among the entities
   * of each hop, as a Neighbourhood { name, facts, truncated }. Each fact
   * carries at most `evidencePerFact` evidence records (0: the server
   * default, 5); a fact with more has `evidenceTruncated`. `predicates`
   * restricts the facts followed. Rejects with NotFound for an unknown
   * entity, InvalidArgument for an empty name or too many hops.
   */
  async neighbourhood(name, { hops = 1, predicates = [], limit = 0, evidencePerFact = 0,
                              timeoutMs } = {}) {
    const request = { name: String(name), hops, predicates: [...predicates], limit,
                      evidencePerFact };
    const response = await this._callGraph('GetNeighbourhood', request, timeoutMs);
    return explore.Neighbourhood.fromProto(String(name), response);
  }

  /**
   * The derivation tree (Derivation) of the stored fact (subject, predicate,
   * value): the fact with its evidence and, for derived evidence, the trees
   * of its premises down to sentences. `value` is typed as values.toProto()
   * takes it: wrap entity names in Entity (a plain string is text). Rejects
   * with NotFound when the fact is not stored, InvalidArgument for an
   * incomplete fact.
   */
  async explain(subject, predicate, value, { timeoutMs } = {}) {
    const fact = models.tripleToProto(subject, predicate, value);
    const response = await this._callGraph('Explain', { fact }, timeoutMs);
    return explore.Derivation.fromProto(response.root);
  }

  /** Every document with evidence in the store, as DocumentInfo[]. */
  async documents({ timeoutMs } = {}) {
    const response = await this._callGraph('ListDocuments', {}, timeoutMs);
    return response.documents.map(explore.DocumentInfo.fromProto);
  }

  // -- writes ----------------------------------------------------------------

  /**
   * Extracts the document's facts and stores them in the graph (the
   * extractor with forward=true); resolves to an IngestResult once the facts
   * are durable. Re-ingesting the same document is a no-op (`unchanged`); a
   * changed one replaces what it said before. `text` is a string or UTF-8
   * bytes (Buffer/Uint8Array); `published` is 'YYYY-MM-DD' or ''.
   * Rejects with InvalidDocument (.byteOffset for invalid UTF-8),
   * Unavailable (the extractor, or the graph behind it), DeadlineExceeded.
   */
  async ingest(documentId, text, options = {}) {
    const response = await this._extract(documentId, text, options, true);
    return models.IngestResult.fromExtract(documentId, response);
  }

  /**
   * Ingests a text file as `kg ingest` does: the id defaults to the file name
   * without extension, the title to the first non-empty line. The bytes are
   * sent as they are, so a file that is not UTF-8 rejects with
   * InvalidDocument naming the byte offset.
   */
  async ingestFile(filePath, { documentId, timeoutMs } = {}) {
    const data = await readFile(filePath);
    const firstLine = data.toString('utf8').split(/\r?\n/).find((line) => line.trim());
    const id = documentId || path.basename(filePath, path.extname(filePath));
    return this.ingest(id, data, { title: firstLine ? firstLine.trim() : '', timeoutMs });
  }

  /** The facts (Fact[]) the extractor reads in the document, without storing them. */
  async extract(documentId, text, options = {}) {
    const response = await this._extract(documentId, text, options, false);
    return response.facts.map(models.Fact.fromProto);
  }

  /**
   * Stores facts directly in the graph, as one atomic batch. With
   * `documentId` the batch replaces that document's facts and all evidence
   * must name it; without, the facts are added. Every Fact needs at least
   * one Evidence. Rejects with InvalidArgument for a batch the graph refuses.
   */
  async ingestFacts(facts, { documentId = '', contentHash = '', timeoutMs } = {}) {
    const list = [...facts];
    const request = { documentId, contentHash, facts: list.map((f) => f.toProto()) };
    const acks = await new Promise((resolve, reject) => {
      const call = this._graph.Ingest({ deadline: this._deadline(timeoutMs) });
      const received = [];
      call.on('data', (ack) => received.push(ack));
      call.on('error', (error) => reject(this._graphError(error)));
      call.on('end', () => resolve(received));
      call.write(request);
      call.end();
    });
    if (acks.length !== 1) {
      throw new errors.KgError(errors.Status.INTERNAL, `expected one acknowledgement, got ${acks.length}`, {
        address: this.graphAddress,
      });
    }
    return new models.IngestResult(documentId, list, acks[0]);
  }

  /**
   * Removes the document's evidence and retracts the facts it alone
   * supported; resolves to a DeleteResult. Rejects with NotFound for a
   * document the graph does not hold.
   */
  async deleteDocument(documentId, { timeoutMs } = {}) {
    const response = await this._callGraph('DeleteDocument', { documentId }, timeoutMs);
    return new models.DeleteResult(documentId, response.evidenceRemoved, response.factsRetracted);
  }

  // -- plumbing --------------------------------------------------------------

  _deadline(timeoutMs) {
    return Date.now() + (timeoutMs ?? this.timeoutMs);
  }

  _graphError(error, invalidArgument = errors.InvalidArgument) {
    return errors.fromGrpcError(error, { service: 'graph', address: this.graphAddress, invalidArgument });
  }

  _callGraph(method, request, timeoutMs, invalidArgument = errors.InvalidArgument) {
    return new Promise((resolve, reject) => {
      this._graph[method](request, { deadline: this._deadline(timeoutMs) }, (error, response) =>
        error ? reject(this._graphError(error, invalidArgument)) : resolve(response),
      );
    });
  }

  _extractorClient() {
    if (this._extractor === null) {
      const { ExtractorService } = kgV1();
      this._extractor = new ExtractorService(
        this.extractorAddress, this._security.channelCredentials(),
        this._security.channelOptions(CHANNEL_OPTIONS),
      );
    }
    return this._extractor;
  }

  _extract(documentId, text, { title = '', url = '', published = '', timeoutMs } = {}, forward) {
    // Document.text is bytes on the wire so that the extractor, not the
    // decoder, judges the encoding (and names the offending byte).
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
    const request = { document: { id: documentId, title, text: data, url, published }, forward };
    return new Promise((resolve, reject) => {
      this._extractorClient().Extract(request, { deadline: this._deadline(timeoutMs) }, (error, response) =>
        error
          ? reject(errors.fromGrpcError(error, {
            service: 'extractor',
            address: this.extractorAddress,
            invalidArgument: errors.InvalidDocument,
          }))
          : resolve(response),
      );
    });
  }
}
