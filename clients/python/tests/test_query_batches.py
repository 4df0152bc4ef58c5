"""kgclient's query against in-process fake graph services (no binaries):
it reads QueryBatches, and falls back to Query on a server that predates
QueryBatches.
"""

from __future__ import annotations

import os
import pathlib
import sys
import unittest
from concurrent import futures

# The kgclient in this checkout, unless testing an installed one
# (run_tests.sh sets KG_TEST_INSTALLED after pip install).
if not os.environ.get("KG_TEST_INSTALLED"):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import grpc  # noqa: E402

from kgclient import InvalidQuery, KnowledgeGraph, Text, Truncated  # noqa: E402
from kgclient._proto import graph_pb2, graph_pb2_grpc  # noqa: E402


def _row(text: str) -> graph_pb2.QueryRow:
    row = graph_pb2.QueryRow()
    binding = row.bindings.add()
    binding.variable = "n"
    binding.value.text = text
    return row


class _Batches(graph_pb2_grpc.GraphServiceServicer):
    """Answers every query with rows a, b, c in two batches."""

    def __init__(self) -> None:
        self.query_calls = 0

    def QueryBatches(self, request, context):  # noqa: N802 (gRPC name)
        if request.query == "bad":
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "line 1, column 4: oops")
        yield graph_pb2.QueryRowBatch(rows=[_row("a"), _row("b")])
        yield graph_pb2.QueryRowBatch(rows=[_row("c")])

    def Query(self, request, context):  # noqa: N802
        self.query_calls += 1
        return iter(())


class _CutBatches(graph_pb2_grpc.GraphServiceServicer):
    """Rows a, b, then a last batch that only says the answer was cut."""

    def QueryBatches(self, request, context):  # noqa: N802
        yield graph_pb2.QueryRowBatch(rows=[_row("a"), _row("b")])
        yield graph_pb2.QueryRowBatch(truncated=True)


class _CutRowsOnly(graph_pb2_grpc.GraphServiceServicer):
    """A Query-only server whose last row says the answer was cut."""

    def Query(self, request, context):  # noqa: N802
        yield _row("x")
        last = _row("y")
        last.truncated = True
        yield last


class _RowsOnly(graph_pb2_grpc.GraphServiceServicer):
    """A server from before QueryBatches: only Query, one row per message."""

    def Query(self, request, context):  # noqa: N802
        for text in ("x", "y"):
            yield _row(text)


class QueryBatchesTest(unittest.TestCase):
    def _serve(self, servicer: graph_pb2_grpc.GraphServiceServicer) -> KnowledgeGraph:
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
        graph_pb2_grpc.add_GraphServiceServicer_to_server(servicer, server)
        port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        self.addCleanup(server.stop, None)
        kg = KnowledgeGraph(graph_address=f"127.0.0.1:{port}", timeout=20.0)
        self.addCleanup(kg.close)
        return kg

    def test_rows_of_all_batches_in_order(self) -> None:
        servicer = _Batches()
        kg = self._serve(servicer)
        rows = kg.query("?n")
        self.assertEqual([row["n"] for row in rows], [Text("a"), Text("b"), Text("c")])
        self.assertEqual(servicer.query_calls, 0)

    def test_errors_are_translated(self) -> None:
        kg = self._serve(_Batches())
        with self.assertRaises(InvalidQuery) as caught:
            kg.query("bad")
        self.assertEqual(caught.exception.line, 1)
        self.assertEqual(caught.exception.column, 4)

    def test_falls_back_to_query_on_an_older_server(self) -> None:
        kg = self._serve(_RowsOnly())
        self.assertEqual([row["n"] for row in kg.query("?n")], [Text("x"), Text("y")])

    def test_cut_answer_raises_after_its_rows(self) -> None:
        kg = self._serve(_CutBatches())
        with self.assertRaises(Truncated) as caught:
            kg.query("?n")
        self.assertEqual(caught.exception.rows, 2)
        seen = []
        with self.assertRaises(Truncated):
            for row in kg.iter_query("?n"):
                seen.append(row["n"])
        self.assertEqual(seen, [Text("a"), Text("b")])

    def test_allow_truncated_takes_the_rows(self) -> None:
        kg = self._serve(_CutBatches())
        rows = kg.query("?n", allow_truncated=True)
        self.assertEqual([row["n"] for row in rows], [Text("a"), Text("b")])

    def test_cut_row_stream_of_an_older_server(self) -> None:
        kg = self._serve(_CutRowsOnly())
        with self.assertRaises(Truncated) as caught:
            kg.query("?n")
        self.assertEqual(caught.exception.rows, 2)


if __name__ == "__main__":
    unittest.main()
