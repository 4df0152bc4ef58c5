"""kgclient quickstart: ingest a document, ask a question, print the evidence.

Start the services first (see clients/python/README.md), then:

    /usr/bin/python3 clients/python/examples/quickstart.py

Addresses come from $KG_GRAPH_ADDR / $KG_EXTRACTOR_ADDR, else
127.0.0.1:50051 and 127.0.0.1:50052.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from kgclient import KnowledgeGraph  # noqa: E402

# A fictional press release.
DOCUMENT = """\
West Midlands Police closes the net on catalytic converter thieves

Commander Rosalind Achterberg, who leads Operation Tidewater, said officers had recovered 130 stolen parts in Solihull.

"Thieves should know that we are watching the car parks," Ms Achterberg said.
"""

with KnowledgeGraph.from_env() as kg:
    kg.ingest("wmp_operation_tidewater", DOCUMENT)
    for row in kg.query('?person has_role "Commander" . ?person said ?quote', with_evidence=True):
        print(f'{row["person"]} said "{row["quote"]}"')
        for sentence in row.sentences:
            print(f"    ↳ {sentence}")
