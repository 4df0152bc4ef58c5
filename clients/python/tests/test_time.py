"""Tests of reported time through the Python client: timeline() and
conflicts() against the real graph_server and extractor_server, on two
fictional releases of our own, a year apart, that give one officer two
ranks. Skipped like the other server tests when the binaries are not built.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import sys
import time
import unittest

# The kgclient in this checkout, unless testing an installed one
# (run_tests.sh sets KG_TEST_INSTALLED after pip install).
if not os.environ.get("KG_TEST_INSTALLED"):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import servers  # noqa: E402
from kgclient import Entity, KnowledgeGraph, NotFound, Text  # noqa: E402

EARLIER = """\
Chief Inspector Wren Alcott of Fellside Police said the town centre patrols would continue.
"""
LATER = """\
Superintendent Wren Alcott of Fellside Police said the patrols had cut burglary by a third.
"""
OFFICER = Entity("Wren Alcott")



@servers.skip_unless_servers()
class TimeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.services = servers.ServicePair("kgclient-time-")
        cls.kg = KnowledgeGraph(
            cls.services.graph.address, cls.services.extractor.address, timeout=30
        )
        cls.kg.ingest("fellside-2020", EARLIER, published="2020-06-01")
        cls.kg.ingest("fellside-2021", LATER, published="2021-06-15")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kg.close()
        statuses = cls.services.stop()
        assert statuses == [0, 0], f"exit statuses {statuses}"

    def test_timeline_is_in_reported_order(self) -> None:
        entries = self.kg.timeline("Wren Alcott")
        roles = [(t.reported_date, t.fact.value) for t in entries if t.fact.predicate == "has_role"]
        self.assertEqual(
            roles,
            [("2020-06-01", Text("Chief Inspector")), ("2021-06-15", Text("Superintendent"))],
        )
        dates = [t.reported_date for t in entries]
        self.assertEqual(dates, sorted(dates))
        self.assertTrue(all(t.evidence.sentence for t in entries))
        self.assertNotIn("alias", {t.fact.predicate for t in entries})
        with self.assertRaises(NotFound):
            self.kg.timeline("Nobody Atall")

    def test_two_ranks_a_year_apart_are_a_succession(self) -> None:
        found = self.kg.conflicts("Wren Alcott")
        self.assertFalse(found.truncated)
        roles = [c for c in found.conflicts if c.predicate == "has_role"]
        self.assertEqual(len(roles), 1)
        self.assertEqual(roles[0].entity, OFFICER)
        self.assertEqual(roles[0].kind, "succession")
        self.assertEqual(
            [f.value for f in roles[0].facts], [Text("Chief Inspector"), Text("Superintendent")]
        )
        self.assertEqual(roles[0].facts[0].evidence[0].reported_date, "2020-06-01")

    def test_latest_and_reported_to_in_queries(self) -> None:
        latest = self.kg.query("<Wren Alcott> has_role ?r {latest}")
        self.assertEqual([r["r"] for r in latest], [Text("Superintendent")])
        then = self.kg.query('<Wren Alcott> has_role ?r {latest, reported_to: "2020-12-31"}')
        self.assertEqual([r["r"] for r in then], [Text("Chief Inspector")])

    def test_as_of_reads_the_graph_before_a_replace(self) -> None:
        self.kg.ingest("fellside-note", "Inspector Ola Brand, who leads Operation Gorse, said patrols would continue.")
        time.sleep(0.05)
        before = datetime.datetime.now(datetime.timezone.utc)
        time.sleep(0.05)
        self.kg.ingest("fellside-note", "Inspector Kit Marlow, who leads Operation Gorse, said patrols would continue.")
        now = self.kg.query("?p leads <Operation Gorse>")
        self.assertEqual([r["p"] for r in now], [Entity("Kit Marlow")])
        instant = before.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        then = self.kg.query(
            f'?p leads <Operation Gorse> {{as_of: "{instant}"}}', with_evidence=True
        )
        self.assertEqual([r["p"] for r in then], [Entity("Ola Brand")])
        retracted = then[0].evidence[0].retracted_at
        self.assertIsNotNone(retracted)
        assert retracted is not None
        self.assertGreater(retracted, before)
        self.assertGreater(self.kg.stats().history_records, 0)


if __name__ == "__main__":
    unittest.main()
