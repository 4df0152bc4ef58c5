// kg-client quickstart: ingest a document, ask a question, print the evidence.
//
// Start the services first (see clients/node/README.md), then:
//
//   node clients/node/examples/quickstart.mjs
//
// Addresses come from $KG_GRAPH_ADDR / $KG_EXTRACTOR_ADDR, else
// 127.0.0.1:50051 and 127.0.0.1:50052.

import { KnowledgeGraph } from '../src/index.js';

// A fictional press release.
const DOCUMENT = `Cumbria Constabulary steps up patrols against rural machinery theft

Commander Oswin Tarrant, who leads Operation Fellgate, said officers had returned 18 stolen quad bikes to farms near Kendal.

"If you are offered a cheap trailer at the roadside, call us first," Mr Tarrant said.
`;

const kg = KnowledgeGraph.fromEnv();
try {
  await kg.ingest('cumbria_operation_fellgate', DOCUMENT);
  const rows = await kg.query('?person has_role "Commander" . ?person said ?quote', { withEvidence: true });
  for (const row of rows) {
    console.log(`${row.get('person')} said "${row.get('quote')}"`);
    for (const sentence of row.sentences) console.log(`    ↳ ${sentence}`);
  }
} finally {
  kg.close();
}
