"""kgclient: a Python client for the kg graph and extractor services.

    from kgclient import KnowledgeGraph

    with KnowledgeGraph("127.0.0.1:50051", "127.0.0.1:50052") as kg:
        kg.ingest("wmp-saltmarsh", text)
        for row in kg.query('?p has_role "Commander"', with_evidence=True):
            print(row["p"], row.sentences)

Values keep their kind: entities are :class:`Entity`, text literals
:class:`Text` (both ``str`` subclasses), integers ``int``, decimals
``decimal.Decimal``, dates ``datetime.date``. Failures raise
:class:`KgError` subclasses. The generated protobuf modules come from
``clients/python/generate_stubs.sh``.
"""

from kgclient.client import KnowledgeGraph
from kgclient.errors import (
    DeadlineExceeded,
    InvalidArgument,
    InvalidDocument,
    InvalidQuery,
    KgError,
    NotFound,
    ResourceExhausted,
    Truncated,
    Unavailable,
)
from kgclient.explore import (
    Conflict,
    Conflicts,
    Derivation,
    DocumentInfo,
    Neighbourhood,
    Path,
    PathHop,
    PlanStep,
    TimelineEntry,
)
from kgclient.models import (
    DeleteResult,
    EntityFacts,
    Evidence,
    Fact,
    IngestResult,
    Row,
    Rows,
    Stats,
)
from kgclient.frames import to_dataframe, to_networkx
from kgclient.security import Security
from kgclient.values import Entity, Text, Value, query_term

__all__ = [
    "Conflict",
    "Conflicts",
    "DeadlineExceeded",
    "DeleteResult",
    "Derivation",
    "DocumentInfo",
    "Entity",
    "EntityFacts",
    "Evidence",
    "Fact",
    "IngestResult",
    "InvalidArgument",
    "InvalidDocument",
    "InvalidQuery",
    "KgError",
    "KnowledgeGraph",
    "Neighbourhood",
    "NotFound",
    "Path",
    "PathHop",
    "PlanStep",
    "ResourceExhausted",
    "Row",
    "Rows",
    "Security",
    "Stats",
    "Text",
    "TimelineEntry",
    "Truncated",
    "Unavailable",
    "to_dataframe",
    "to_networkx",
    "Value",
    "query_term",
]
