"""The generated kg.v1 protobuf and gRPC modules, imported in one place.

The modules are produced by ``clients/python/generate_stubs.sh`` into
``kgclient/_gen`` (not committed). Importing this module without them raises
an ImportError that says how to generate them.
"""

from __future__ import annotations

try:
    from kgclient._gen.kg.v1 import extractor_pb2, extractor_pb2_grpc
    from kgclient._gen.kg.v1 import fact_pb2
    from kgclient._gen.kg.v1 import graph_pb2, graph_pb2_grpc
except ImportError as error:  # pragma: no cover - depends on the checkout
    raise ImportError(
        "kgclient: the generated kg.v1 modules are missing or broken "
        f"({error}); run clients/python/generate_stubs.sh first"
    ) from error

__all__ = [
    "extractor_pb2",
    "extractor_pb2_grpc",
    "fact_pb2",
    "graph_pb2",
    "graph_pb2_grpc",
]
