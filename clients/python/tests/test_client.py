"""Tests of kgclient: value conversion and error translation without servers,
then the whole client against the real graph_server and extractor_server.

The server tests start both binaries on free loopback ports (see servers.py)
and are skipped when the binaries are not built, unless
``$KG_REQUIRE_SERVERS`` is set (run_tests.sh sets it), which makes a missing
binary a failure.
"""

from __future__ import annotations

import datetime
import decimal
import os
import pathlib
import socket
import sys
import tempfile
import unittest

# The kgclient in this checkout, unless testing an installed one
# (run_tests.sh sets KG_TEST_INSTALLED after pip install).
if not os.environ.get("KG_TEST_INSTALLED"):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import grpc  # noqa: E402

import servers  # noqa: E402
from kgclient import (  # noqa: E402
    DeadlineExceeded,
    Entity,
    Evidence,
    Fact,
    InvalidArgument,
    InvalidDocument,
    InvalidQuery,
    KgError,
    KnowledgeGraph,
    NotFound,
    Row,
    Text,
    Unavailable,
    query_term,
)
from kgclient import errors, values  # noqa: E402
from kgclient._proto import fact_pb2  # noqa: E402
from kgclient.client import read_document  # noqa: E402

# A fictional press release, written for these tests.
SALTMARSH_ID = "wmp_operation_saltmarsh"
SALTMARSH = """\
West Midlands Police launches Operation Saltmarsh against burglary in Walsall

West Midlands Police has launched a winter operation against burglary and robbery in Walsall and Dudley.

Commander Tobias Wrenfield, who leads Operation Saltmarsh, said officers had already arrested 41 people in the first month.

Operation Saltmarsh, which targets burglary across the Black Country, is supported by the force's Neighbourhood Taskforce.

"Nobody should feel unsafe in their own home," Mr Wrenfield said.

Detective Inspector Aisha Penhallow, from the Serious Acquisitive Crime Unit, said: "Every call from the public helps us find the people responsible."
"""

# A second fictional release, used by tests that change or delete documents.
LANTERN = """\
West Midlands Police widens Operation Lantern in Coventry

Superintendent Florian Ashgrove said: "Our patrols will stay in the city centre all winter."
"""


class FakeRpcError(grpc.RpcError):
    """A grpc.RpcError with a chosen status, as a failed call raises."""

    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self._code = code
        self._details = details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


class ValueConversionTest(unittest.TestCase):
    """Pure conversions; no server needed."""

    def test_from_proto_gives_each_kind_its_python_type(self) -> None:
        cases = [
            (fact_pb2.Value(entity="Walsall"), Entity("Walsall"), Entity),
            (fact_pb2.Value(text="Commander"), Text("Commander"), Text),
            (fact_pb2.Value(integer=-41), -41, int),
            (fact_pb2.Value(decimal="8.50"), decimal.Decimal("8.50"), decimal.Decimal),
            (fact_pb2.Value(date="2024-02-29"), datetime.date(2024, 2, 29), datetime.date),
        ]
        for message, expected, kind in cases:
            with self.subTest(message=message):
                converted = values.from_proto(message)
                self.assertEqual(converted, expected)
                self.assertIs(type(converted), kind)

    def test_round_trip_is_exact(self) -> None:
        for value in [
            Entity("Operation Saltmarsh"),
            Text("Nobody should feel unsafe"),
            2**63 - 1,
            decimal.Decimal("-0.000000000000000000001"),
            decimal.Decimal("12345678901234567890.123456789"),
            datetime.date(1999, 12, 31),
        ]:
            with self.subTest(value=value):
                back = values.from_proto(values.to_proto(value))
                self.assertEqual(back, value)
                self.assertIs(type(back), type(value))

    def test_unset_value_is_an_error(self) -> None:
        with self.assertRaises(ValueError):
            values.from_proto(fact_pb2.Value())

    def test_entity_and_text_of_the_same_spelling_differ(self) -> None:
        self.assertNotEqual(Entity("London"), Text("London"))
        self.assertFalse(Entity("London") == Text("London"))
        self.assertEqual(Entity("London"), "London")
        self.assertEqual(Text("London"), "London")
        self.assertEqual(len({Entity("London"), Text("London")}), 2)
        self.assertEqual(repr(Entity("London")), "Entity('London')")
        self.assertEqual(str(Text("London")), "London")

    def test_plain_str_is_text(self) -> None:
        self.assertEqual(values.to_proto("Commander"), fact_pb2.Value(text="Commander"))

    def test_decimals_are_sent_in_plain_notation(self) -> None:
        self.assertEqual(values.to_proto(decimal.Decimal("1E+2")).decimal, "100")
        self.assertEqual(values.to_proto(decimal.Decimal("-2.5E-3")).decimal, "-0.0025")
        with self.assertRaises(ValueError):
            values.to_proto(decimal.Decimal("NaN"))

    def test_inexact_or_ambiguous_python_values_are_refused(self) -> None:
        for bad in [True, 1.5, datetime.datetime(2024, 1, 1), None, 2**63]:
            with self.subTest(value=bad):
                with self.assertRaises((TypeError, ValueError)):
                    values.to_proto(bad)  # type: ignore[arg-type]

    def test_query_terms(self) -> None:
        self.assertEqual(query_term(Entity("Operation Saltmarsh")), "<Operation Saltmarsh>")
        self.assertEqual(query_term(Entity("a>b")), '"a>b"^^entity')
        self.assertEqual(query_term(Text('say "hi" \\ bye')), '"say \\"hi\\" \\\\ bye"')
        self.assertEqual(query_term(-3), "-3")
        self.assertEqual(query_term(decimal.Decimal("1E+2")), '"100"^^decimal')
        self.assertEqual(query_term(datetime.date(2021, 5, 1)), '"2021-05-01"^^date')

    def test_evidence_confidence_drops_float32_noise(self) -> None:
        message = fact_pb2.Evidence(document_id="d", sentence="s", end=1, confidence=0.8)
        evidence = Evidence.from_proto(message)
        self.assertEqual(evidence.confidence, 0.8)
        self.assertIsNone(evidence.ingested_at)

    def test_row_is_a_mapping_in_variable_order(self) -> None:
        row = Row({"p": Entity("Tobias Wrenfield"), "r": Text("Commander")})
        self.assertEqual(list(row), ["p", "r"])
        self.assertEqual(row["?p"], "Tobias Wrenfield")
        self.assertEqual(dict(row), {"p": Entity("Tobias Wrenfield"), "r": Text("Commander")})
        self.assertEqual(row.evidence, ())


class ErrorTranslationTest(unittest.TestCase):
    """gRPC status → typed error; no server needed."""

    def translate(self, code: grpc.StatusCode, details: str, **kwargs) -> KgError:
        return errors.from_rpc_error(
            FakeRpcError(code, details), service="graph", address="127.0.0.1:1", **kwargs
        )

    def test_invalid_query_has_line_and_column(self) -> None:
        error = self.translate(
            grpc.StatusCode.INVALID_ARGUMENT,
            "line 2, column 5: expected a value after the predicate",
            invalid_argument=InvalidQuery,
        )
        self.assertIsInstance(error, InvalidQuery)
        self.assertIsInstance(error, InvalidArgument)
        self.assertEqual((error.line, error.column), (2, 5))
        self.assertEqual(error.code, grpc.StatusCode.INVALID_ARGUMENT)

    def test_invalid_document_has_byte_offset(self) -> None:
        error = self.translate(
            grpc.StatusCode.INVALID_ARGUMENT,
            "invalid UTF-8 at byte 17",
            invalid_argument=InvalidDocument,
        )
        self.assertIsInstance(error, InvalidDocument)
        self.assertEqual(error.byte_offset, 17)

    def test_codes_map_to_classes(self) -> None:
        self.assertIsInstance(self.translate(grpc.StatusCode.NOT_FOUND, "x"), NotFound)
        self.assertIsInstance(
            self.translate(grpc.StatusCode.DEADLINE_EXCEEDED, "x"), DeadlineExceeded
        )
        other = self.translate(grpc.StatusCode.INTERNAL, "boom")
        self.assertIs(type(other), KgError)
        self.assertEqual(str(other), "INTERNAL: boom")

    def test_unavailable_names_the_address(self) -> None:
        error = self.translate(grpc.StatusCode.UNAVAILABLE, "failed to connect to all addresses")
        self.assertIsInstance(error, Unavailable)
        self.assertIn("cannot reach the graph service at 127.0.0.1:1", str(error))

    def test_file_that_is_not_utf8_is_refused_locally(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "bad.txt")
            path.write_bytes(b"bad \xff byte")
            with self.assertRaises(InvalidDocument) as caught:
                read_document(path)
        self.assertEqual(caught.exception.byte_offset, 4)


class UnreachableServiceTest(unittest.TestCase):
    """Closed ports and silent listeners; no server binaries needed."""

    def test_graph_down_is_unavailable(self) -> None:
        address = f"127.0.0.1:{servers.closed_port()}"
        with KnowledgeGraph(address, address, timeout=5) as down:
            with self.assertRaises(Unavailable) as caught:
                down.stats()
            self.assertIn(address, str(caught.exception))
            self.assertIn("graph service", str(caught.exception))
            with self.assertRaises(Unavailable) as caught:
                down.ingest("wmp_nowhere", LANTERN)
            self.assertIn(address, str(caught.exception))

    def test_silent_server_exceeds_the_deadline(self) -> None:
        # Accepts TCP connections (the kernel's backlog) but never speaks gRPC.
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(4)
            address = f"127.0.0.1:{listener.getsockname()[1]}"
            with KnowledgeGraph(address, address, timeout=0.3) as silent:
                with self.assertRaises(DeadlineExceeded) as caught:
                    silent.query("?s ?p ?o")
                self.assertIn(address, str(caught.exception))
                with self.assertRaises(DeadlineExceeded):
                    silent.stats(timeout=0.2)


@servers.skip_unless_servers()
class ServerTest(unittest.TestCase):
    """The client against real servers, sharing one graph for the class."""

    @classmethod
    def setUpClass(cls) -> None:
        cls.services = servers.ServicePair("kgclient-test-")
        cls.kg = KnowledgeGraph(
            cls.services.graph.address, cls.services.extractor.address, timeout=30
        )
        cls.first_ingest = cls.kg.ingest(SALTMARSH_ID, SALTMARSH, title="Operation Saltmarsh")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kg.close()
        statuses = cls.services.stop()
        # Both shut down cleanly on SIGTERM.
        assert statuses == [0, 0], f"exit statuses {statuses}"

    # -- ingest ----------------------------------------------------------------

    def test_ingest_stores_the_extracted_facts(self) -> None:
        result = self.first_ingest
        self.assertEqual(result.document_id, SALTMARSH_ID)
        self.assertFalse(result.unchanged)
        self.assertGreater(len(result.facts), 0)
        self.assertEqual(result.facts_received, len(result.facts))
        self.assertEqual(result.facts_new, len(result.facts))
        for fact in result.facts:
            self.assertIsInstance(fact.subject, Entity)
            for evidence in fact.evidence:
                self.assertEqual(evidence.document_id, SALTMARSH_ID)
                self.assertEqual(SALTMARSH[evidence.begin : evidence.end], evidence.sentence)
        self.assertIn(
            (Entity("Tobias Wrenfield"), "has_role", Text("Commander")),
            [f.triple for f in result.facts],
        )

    def test_reingest_is_unchanged(self) -> None:
        before = self.kg.stats()
        again = self.kg.ingest(SALTMARSH_ID, SALTMARSH, title="Operation Saltmarsh")
        self.assertTrue(again.unchanged)
        self.assertEqual((again.facts_new, again.evidence_new), (0, 0))
        self.assertEqual(self.kg.stats(), before)

    def test_ingest_file_uses_the_file_name_as_id(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "wmp_lantern_file.txt")
            path.write_text(LANTERN, encoding="utf-8")
            result = self.kg.ingest_file(path)
        self.assertEqual(result.document_id, "wmp_lantern_file")
        self.assertTrue(result.facts)
        self.kg.delete_document("wmp_lantern_file")

    def test_extract_does_not_store(self) -> None:
        facts = self.kg.extract("wmp_extract_only", LANTERN)
        self.assertIn(
            (Entity("Florian Ashgrove"), "has_role", Text("Superintendent")),
            [f.triple for f in facts],
        )
        self.assertEqual(self.kg.query('?p has_role "Superintendent"'), [])
        with self.assertRaises(NotFound):
            self.kg.delete_document("wmp_extract_only")

    def test_empty_document_is_invalid(self) -> None:
        with self.assertRaises(InvalidDocument) as caught:
            self.kg.ingest("wmp_empty", "   \n ")
        self.assertEqual(caught.exception.code, grpc.StatusCode.INVALID_ARGUMENT)

    def test_ingest_facts_round_trips_every_value_kind(self) -> None:
        doc = "wmp_saltmarsh_figures"
        sentence = "Officers arrested 41 people at a cost of 1.25 million from 2024-01-08."
        evidence = [Evidence(doc, sentence, 0, len(sentence), "test.manual", 1.0)]
        subject = Entity("Operation Saltmarsh")
        stored = {
            "arrests_made": 41,
            "cost_millions": decimal.Decimal("1.25"),
            "started_on": datetime.date(2024, 1, 8),
            "codename": Text("Saltmarsh"),
            "coordinated_by": Entity("Neighbourhood Taskforce"),
        }
        facts = [Fact(subject, p, v, evidence) for p, v in stored.items()]
        result = self.kg.ingest_facts(facts, document_id=doc)
        self.assertEqual(result.facts_received, len(facts))
        for predicate, value in stored.items():
            with self.subTest(predicate=predicate):
                rows = self.kg.query(f"{query_term(subject)} {predicate} ?v")
                self.assertEqual([r["v"] for r in rows], [value])
                self.assertIs(type(rows[0]["v"]), type(value))
                # The exact typed term matches; the same spelling as text does not.
                exists = f"{query_term(subject)} {predicate} {query_term(value)}"
                self.assertEqual(len(self.kg.query(exists)), 1)
        self.assertEqual(self.kg.query(f'{query_term(subject)} coordinated_by "Neighbourhood Taskforce"'), [])
        self.kg.delete_document(doc)

    def test_ingest_facts_without_evidence_is_refused(self) -> None:
        fact = Fact("Operation Saltmarsh", "arrests_made", 41)
        with self.assertRaises(InvalidArgument):
            self.kg.ingest_facts([fact])

    # -- queries ---------------------------------------------------------------

    def test_query_without_evidence(self) -> None:
        rows = self.kg.query('?p has_role "Commander"')
        self.assertEqual([dict(r) for r in rows], [{"p": Entity("Tobias Wrenfield")}])
        self.assertEqual(rows[0].support, ())
        self.assertEqual(rows[0].evidence, ())

    def test_query_with_evidence(self) -> None:
        rows = self.kg.query(
            '?p has_role "Commander" . ?p said ?quote', with_evidence=True
        )
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(row["p"], "Tobias Wrenfield")
            self.assertIsInstance(row["quote"], Text)
            self.assertEqual(len(row.support), 2)  # one fact per pattern
            for evidence in row.evidence:
                self.assertEqual(evidence.document_id, SALTMARSH_ID)
                self.assertEqual(SALTMARSH[evidence.begin : evidence.end], evidence.sentence)
                self.assertTrue(evidence.rule)
                self.assertTrue(0 < evidence.confidence <= 1)
                self.assertIsNotNone(evidence.ingested_at)
        self.assertTrue(
            any("Commander Tobias Wrenfield" in s for r in rows for s in r.sentences)
        )

    def test_entities_and_text_stay_distinct(self) -> None:
        rows = self.kg.query("?op type Operation")
        self.assertIn(Entity("Operation Saltmarsh"), [r["op"] for r in rows])
        self.assertTrue(all(isinstance(r["op"], Entity) for r in rows))
        roles = self.kg.query("?p has_role ?role")
        self.assertTrue(roles)
        self.assertTrue(all(isinstance(r["role"], Text) for r in roles))
        # The role as an entity matches nothing: it is stored as text.
        self.assertEqual(self.kg.query("?p has_role <Commander>"), [])

    def test_iter_query_streams_and_limit_caps(self) -> None:
        everything = self.kg.query("?s ?p ?o")
        self.assertGreater(len(everything), 3)
        self.assertEqual(len(self.kg.query("?s ?p ?o", limit=3)), 3)
        stream = self.kg.iter_query("?s ?p ?o")
        first = next(stream)
        stream.close()  # cancels the call
        self.assertIn(first, everything)

    def test_malformed_query_names_line_and_column(self) -> None:
        with self.assertRaises(InvalidQuery) as caught:
            self.kg.query("?p has_role ?r .\n?p leads")
        error = caught.exception
        self.assertEqual(error.code, grpc.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(error.line, 2)
        self.assertIsNotNone(error.column)
        self.assertIn("line 2, column", str(error))

    # -- entities, stats, delete -------------------------------------------------

    def test_entity(self) -> None:
        person = self.kg.entity("Tobias Wrenfield")
        self.assertEqual(person.name, Entity("Tobias Wrenfield"))
        self.assertIn(Text("Commander"), person.values_of("has_role"))
        self.assertIn(Entity("Person"), person.values_of("type"))
        operation = self.kg.entity("Operation Saltmarsh")
        self.assertTrue(operation.outgoing)

    def test_unknown_entity_is_not_found(self) -> None:
        with self.assertRaises(NotFound) as caught:
            self.kg.entity("Nobody Atall")
        self.assertEqual(caught.exception.code, grpc.StatusCode.NOT_FOUND)

    def test_stats(self) -> None:
        stats = self.kg.stats()
        self.assertGreaterEqual(stats.documents, 1)
        self.assertGreaterEqual(stats.evidence, stats.facts)
        self.assertGreater(stats.predicates.get("has_role", 0), 0)

    def test_delete_retracts_what_the_document_alone_supported(self) -> None:
        doc = "wmp_operation_lantern"
        self.kg.ingest(doc, LANTERN)
        self.assertEqual(len(self.kg.query('?p has_role "Superintendent"')), 1)
        deleted = self.kg.delete_document(doc)
        self.assertGreater(deleted.evidence_removed, 0)
        self.assertGreater(deleted.facts_retracted, 0)
        self.assertEqual(self.kg.query('?p has_role "Superintendent"'), [])
        # The other document's facts are untouched.
        self.assertEqual(len(self.kg.query('?p has_role "Commander"')), 1)
        with self.assertRaises(NotFound):
            self.kg.delete_document(doc)

    def test_changed_document_replaces_its_facts(self) -> None:
        doc = "wmp_changing"
        self.kg.ingest(doc, LANTERN)
        changed = LANTERN.replace("Superintendent", "Chief Inspector")
        result = self.kg.ingest(doc, changed)
        self.assertFalse(result.unchanged)
        self.assertGreater(result.facts_retracted, 0)
        self.assertEqual(self.kg.query('?p has_role "Superintendent"'), [])
        self.assertEqual(len(self.kg.query('?p has_role "Chief Inspector"')), 1)
        self.kg.delete_document(doc)

    # -- unreachable services ----------------------------------------------------

    def test_extractor_with_graph_down_is_unavailable(self) -> None:
        graph_address = f"127.0.0.1:{servers.closed_port()}"
        extractor = servers.start_extractor(graph_address)
        try:
            with KnowledgeGraph(graph_address, extractor.address, timeout=20) as kg:
                with self.assertRaises(Unavailable) as caught:
                    kg.ingest("wmp_nowhere", LANTERN)
                self.assertIn(graph_address, str(caught.exception))
                # Extraction alone still works.
                self.assertTrue(kg.extract("wmp_nowhere", LANTERN))
        finally:
            self.assertEqual(extractor.stop(), 0)


if __name__ == "__main__":
    unittest.main()
