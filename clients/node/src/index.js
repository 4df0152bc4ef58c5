// kg-client: a Node.js client for the kg graph and extractor services.
//
//   import { KnowledgeGraph } from 'kg-client';
//   const kg = new KnowledgeGraph({ graphAddress: '127.0.0.1:50051', extractorAddress: '127.0.0.1:50052' });
//   await kg.ingest('wmp-saltmarsh', text);
//   for (const row of await kg.query('?p has_role "Commander"', { withEvidence: true })) {
//     console.log(`${row.get('p')}`, row.sentences);
//   }
//   kg.close();
//
// Values keep their kind (see values.js); failures reject with KgError
// subclasses (see errors.js).

export { KnowledgeGraph, DEFAULT_GRAPH_ADDRESS, DEFAULT_EXTRACTOR_ADDRESS } from './client.js';
export { Security } from './security.js';
export {
  KgError,
  InvalidArgument,
  InvalidQuery,
  InvalidDocument,
  NotFound,
  Unavailable,
  DeadlineExceeded,
  ResourceExhausted,
  Truncated,
  Status,
  codeName,
} from './errors.js';
export { Row, Fact, Evidence, IngestResult, EntityFacts, DeleteResult, Stats } from './models.js';
export {
  PathHop, Neighbourhood, Derivation, DocumentInfo, PlanStep, TimelineEntry, Conflict, timeline,
} from './explore.js';
export {
  KgValue,
  Entity,
  Text,
  Decimal,
  CalendarDate,
  kindOf,
  sameValue,
  queryTerm,
  fromProto as valueFromProto,
  toProto as valueToProto,
} from './values.js';
