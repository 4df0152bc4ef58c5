// Loads the kg.v1 protos at run time with @grpc/proto-loader.
//
// The .proto files are read from the package's own protos/ (an installed
// package: `npm pack` copies them there, scripts/copy-protos.js), else from
// the repository's protos/ (a checkout: clients/node/../../protos), unless
// $KG_PROTO_DIR names another copy. Field
// names are camelCased (document_id → documentId); 64-bit integers arrive as
// decimal strings and are converted by values.js / models.js; oneofs carry a
// virtual `kind` field naming the member that is set.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** Directory holding kg/v1/*.proto. */
const PACKAGE_DIR = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const PROTO_DIR =
  process.env.KG_PROTO_DIR ||
  (existsSync(path.join(PACKAGE_DIR, 'protos/kg/v1/graph.proto'))
    ? path.join(PACKAGE_DIR, 'protos')
    : path.resolve(PACKAGE_DIR, '../../protos'));

const LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

let cached = null;

/**
 * The loaded `kg.v1` namespace: service constructors `GraphService` and
 * `ExtractorService` (grpc-js client classes). Loaded once, on first use.
 * Throws an Error naming PROTO_DIR if the protos cannot be read.
 */
export function kgV1() {
  if (cached === null) {
    let definition;
    try {
      definition = protoLoader.loadSync(
        ['kg/v1/fact.proto', 'kg/v1/graph.proto', 'kg/v1/extractor.proto'],
        LOADER_OPTIONS,
      );
    } catch (error) {
      throw new Error(
        `kg-client: cannot load kg/v1/*.proto from ${PROTO_DIR} ` +
          `(set KG_PROTO_DIR to the repository's protos/ directory): ${error.message}`,
      );
    }
    cached = grpc.loadPackageDefinition(definition).kg.v1;
  }
  return cached;
}
