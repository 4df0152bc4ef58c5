"""Tests of to_dataframe() and to_networkx() on answers built locally (no
servers). pandas and networkx come from Debian (python3-pandas,
python3-networkx; tools/install_deps.sh installs them); without them the
conversions raise an ImportError naming the package, which is tested too.
"""

from __future__ import annotations

import datetime
import decimal
import importlib.util
import os
import pathlib
import sys
import unittest
from unittest import mock

# The kgclient in this checkout, unless testing an installed one
# (run_tests.sh sets KG_TEST_INSTALLED after pip install).
if not os.environ.get("KG_TEST_INSTALLED"):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from kgclient import (  # noqa: E402
    Entity,
    Evidence,
    Fact,
    Neighbourhood,
    Path,
    PathHop,
    Row,
    Rows,
    Text,
)

HAS_PANDAS = importlib.util.find_spec("pandas") is not None
HAS_NETWORKX = importlib.util.find_spec("networkx") is not None


def evidence(sentence: str) -> Evidence:
    return Evidence("note-1", sentence, 0, len(sentence), "test_rule", 0.9)


LEADS = Fact(
    Entity("Ada Quill"), "leads", Entity("Operation Fern"), (evidence("Ada Quill leads Operation Fern."),)
)
ROLE = Fact(Entity("Ada Quill"), "has_role", Text("Inspector"), (evidence("Inspector Ada Quill."),))
TARGETS = Fact(
    Entity("Operation Fern"), "targets", Text("burglary"), (evidence("Operation Fern targets burglary."),)
)


class DataFrameTest(unittest.TestCase):
    @unittest.skipUnless(HAS_PANDAS, "pandas is not installed")
    def test_one_column_per_variable_and_kinds_kept(self) -> None:
        rows = Rows(
            [
                Row({"p": Entity("Ada Quill"), "n": 3, "d": datetime.date(2024, 3, 9)}),
                Row({"p": Entity("Ben Orr"), "n": 1, "x": decimal.Decimal("2.5")}),
            ]
        )
        frame = rows.to_dataframe()
        self.assertEqual(list(frame.columns), ["p", "n", "d", "x"])
        self.assertEqual(len(frame), 2)
        self.assertEqual(frame["p"][0], Entity("Ada Quill"))
        self.assertIsInstance(frame["p"][0], Entity)
        self.assertEqual(frame["d"][0], datetime.date(2024, 3, 9))
        self.assertIsNone(frame["d"][1])
        self.assertEqual(frame["x"][1], decimal.Decimal("2.5"))

    @unittest.skipUnless(HAS_PANDAS, "pandas is not installed")
    def test_no_rows_no_columns(self) -> None:
        self.assertEqual(len(Rows().to_dataframe()), 0)

    def test_missing_library_says_how_to_get_it(self) -> None:
        with mock.patch.dict(sys.modules, {"pandas": None}):
            with self.assertRaisesRegex(ImportError, "python3-pandas"):
                Rows([Row({"p": Entity("A")})]).to_dataframe()
        with mock.patch.dict(sys.modules, {"networkx": None}):
            with self.assertRaisesRegex(ImportError, "kgclient\\[graph\\]"):
                Path().to_networkx()


@unittest.skipUnless(HAS_NETWORKX, "networkx is not installed")
class NetworkxTest(unittest.TestCase):
    def test_neighbourhood_edges_carry_predicate_and_sentences(self) -> None:
        graph = Neighbourhood(Entity("Ada Quill"), (LEADS, ROLE, TARGETS), False).to_networkx()
        self.assertEqual(graph.number_of_nodes(), 4)
        self.assertEqual(graph.number_of_edges(), 3)
        self.assertEqual(graph.nodes[Entity("Operation Fern")]["kind"], "entity")
        self.assertEqual(graph.nodes[Text("burglary")]["kind"], "text")
        edge = graph.edges[Entity("Ada Quill"), Entity("Operation Fern"), "leads"]
        self.assertEqual(edge["predicate"], "leads")
        self.assertEqual(edge["sentences"], ("Ada Quill leads Operation Fern.",))
        self.assertEqual(edge["evidence"], LEADS.evidence)

    def test_a_path_keeps_each_fact_in_its_own_direction(self) -> None:
        path = Path([PathHop(LEADS, False), PathHop(TARGETS, False)])
        graph = path.to_networkx()
        self.assertTrue(graph.has_edge(Entity("Ada Quill"), Entity("Operation Fern"), "leads"))
        self.assertTrue(graph.has_edge(Entity("Operation Fern"), Text("burglary"), "targets"))

    def test_an_entity_and_a_text_of_one_spelling_are_two_nodes(self) -> None:
        fact = Fact(Entity("Fern"), "alias", Text("Fern"), (evidence("Fern, or Fern."),))
        self.assertEqual(Path([PathHop(fact, False)]).to_networkx().number_of_nodes(), 2)


if __name__ == "__main__":
    unittest.main()
