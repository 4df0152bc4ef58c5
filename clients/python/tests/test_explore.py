"""Tests of the exploring calls (path, neighbourhood, explain, documents,
plan) against the real graph_server and extractor_server.

The graph server loads its shipped rules (graph_service/rules/default.rules),
so the release below, which names a person as the force's lead for a crime
area and an operation targeting it, yields the derived fact
``Rowan Featherstone leads Operation Thistledown``. Skipped like the server
tests of test_client.py when the binaries are not built.
"""

from __future__ import annotations

import os
import pathlib
import sys
import unittest

# The kgclient in this checkout, unless testing an installed one
# (run_tests.sh sets KG_TEST_INSTALLED after pip install).
if not os.environ.get("KG_TEST_INSTALLED"):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import grpc  # noqa: E402

import servers  # noqa: E402
from kgclient import (  # noqa: E402
    Derivation,
    Entity,
    InvalidArgument,
    InvalidQuery,
    KnowledgeGraph,
    NotFound,
    Text,
)

# A fictional press release, written for these tests.
THISTLEDOWN_ID = "cumbria_operation_thistledown"
THISTLEDOWN = """\
Cumbria Constabulary steps up Operation Thistledown against knife crime in Carlisle

Cumbria Constabulary has stepped up its work against knife crime and drug dealing in Carlisle.

Chief Inspector Rowan Featherstone, who is the force's lead for tackling knife crime, said patrols had seized 14 blades in a month.

Operation Thistledown, which targets knife crime across Carlisle, is supported by the force's Community Safety Team.

Detective Constable Imogen Blackthorn, from the Proactive Crime Unit, said: "Every weapon we take off the street is a life we might save."
"""

# A second fictional release, so the store holds more than one document.
BRAMBLE_ID = "cumbria_bramble_appeal"
BRAMBLE = """\
Cumbria Constabulary appeals for witnesses in Penrith

Sergeant Hollis Ravensworth said: "Anyone who saw the van on Friday night should call us."
"""

OPERATION = Entity("Operation Thistledown")
LEAD = Entity("Rowan Featherstone")



@servers.skip_unless_servers()
class ExploreTest(unittest.TestCase):
    """One graph with both releases, shared by the class; tests do not write."""

    @classmethod
    def setUpClass(cls) -> None:
        cls.services = servers.ServicePair("kgclient-explore-")
        cls.kg = KnowledgeGraph(
            cls.services.graph.address, cls.services.extractor.address, timeout=30
        )
        cls.kg.ingest(THISTLEDOWN_ID, THISTLEDOWN)
        cls.kg.ingest(BRAMBLE_ID, BRAMBLE)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kg.close()
        statuses = cls.services.stop()
        assert statuses == [0, 0], f"exit statuses {statuses}"

    def assert_chain(self, hops, source: str, target: str) -> None:
        """The hops lead from source to target, each starting where the
        previous one ended, each with evidence."""
        here = Entity(source)
        for hop in hops:
            self.assertEqual(hop.start, here)
            self.assertTrue(hop.fact.evidence)
            here = hop.end
        self.assertEqual(here, Entity(target))

    # -- path ------------------------------------------------------------------

    def test_path_over_a_derived_fact(self) -> None:
        hops = self.kg.path(LEAD, OPERATION, predicates=["leads"])
        self.assertEqual(len(hops), 1)
        self.assertEqual(hops[0].fact.triple, (LEAD, "leads", OPERATION))
        self.assertFalse(hops[0].reversed)
        self.assertEqual(hops[0].fact.evidence[0].rule, "leads_via_crime_area")

    def test_path_crossing_a_fact_backwards_is_reversed(self) -> None:
        hops = self.kg.path("knife crime", OPERATION, predicates=("targets",))
        self.assertEqual(len(hops), 1)
        self.assertTrue(hops[0].reversed)
        self.assertEqual(hops[0].fact.triple, (OPERATION, "targets", Entity("knife crime")))
        self.assert_chain(hops, "knife crime", OPERATION)

    def test_path_of_several_hops(self) -> None:
        hops = self.kg.path("Imogen Blackthorn", LEAD, max_hops=4)
        self.assertEqual(len(hops), 2)  # both are of type Person
        self.assert_chain(hops, "Imogen Blackthorn", LEAD)
        self.assertEqual([h.reversed for h in hops], [False, True])

    def test_no_path_is_an_empty_list(self) -> None:
        self.assertEqual(self.kg.path("Imogen Blackthorn", LEAD, max_hops=1), [])
        self.assertEqual(
            self.kg.path("Imogen Blackthorn", LEAD, predicates=["member_of"]), []
        )

    def test_path_errors(self) -> None:
        with self.assertRaises(NotFound):
            self.kg.path("Nobody Atall", LEAD)
        with self.assertRaises(NotFound):
            self.kg.path(LEAD, "Nobody Atall")
        with self.assertRaises(InvalidArgument) as caught:
            self.kg.path(LEAD, OPERATION, max_hops=11)
        self.assertEqual(caught.exception.code, grpc.StatusCode.INVALID_ARGUMENT)
        self.assertNotIsInstance(caught.exception, InvalidQuery)

    # -- neighbourhood -----------------------------------------------------------

    def test_neighbourhood_of_one_hop(self) -> None:
        around = self.kg.neighbourhood(OPERATION)
        self.assertEqual(around.name, OPERATION)
        self.assertFalse(around.truncated)
        triples = [f.triple for f in around.facts]
        self.assertIn((OPERATION, "targets", Entity("knife crime")), triples)
        self.assertIn((LEAD, "leads", OPERATION), triples)
        self.assertTrue(all(OPERATION in (f.subject, f.value) for f in around.facts))
        self.assertTrue(all(f.evidence for f in around.facts))
        # Two hops away, through knife crime.
        self.assertNotIn((LEAD, "leads", Entity("knife crime")), triples)
        wider = self.kg.neighbourhood(OPERATION, hops=2)
        self.assertIn((LEAD, "leads", Entity("knife crime")), [f.triple for f in wider.facts])
        self.assertIn(Entity("knife crime"), wider.entities)

    def test_neighbourhood_limit_and_predicates(self) -> None:
        cut = self.kg.neighbourhood(OPERATION, hops=2, limit=2)
        self.assertEqual(len(cut.facts), 2)
        self.assertTrue(cut.truncated)
        only = self.kg.neighbourhood(OPERATION, predicates=["targets"])
        self.assertTrue(only.facts)
        self.assertEqual({f.predicate for f in only.facts}, {"targets"})

    def test_neighbourhood_evidence_per_fact(self) -> None:
        full = self.kg.neighbourhood(OPERATION, evidence_per_fact=1000)
        capped = self.kg.neighbourhood(OPERATION, evidence_per_fact=1)
        self.assertEqual([f.triple for f in capped.facts], [f.triple for f in full.facts])
        for whole, cut in zip(full.facts, capped.facts):
            self.assertFalse(whole.evidence_truncated)
            self.assertEqual(cut.evidence, whole.evidence[:1])
            self.assertEqual(cut.evidence_truncated, len(whole.evidence) > 1)

    def test_neighbourhood_errors(self) -> None:
        with self.assertRaises(NotFound):
            self.kg.neighbourhood("Nobody Atall")
        with self.assertRaises(InvalidArgument):
            self.kg.neighbourhood(OPERATION, hops=5)

    # -- explain -----------------------------------------------------------------

    def test_explain_a_derived_fact_down_to_sentences(self) -> None:
        tree = self.kg.explain(LEAD, "leads", OPERATION)
        self.assertIsInstance(tree, Derivation)
        self.assertEqual(tree.fact.triple, (LEAD, "leads", OPERATION))
        derived = [e for e in tree.evidence if e.derived]
        self.assertEqual([e.rule for e in derived], ["leads_via_crime_area"])
        self.assertEqual(derived[0].sentence, "")
        # One subtree per premise the rule named.
        self.assertEqual(
            sorted(map(repr, (p.fact.triple for p in tree.premises))),
            sorted(map(repr, derived[0].premises)),
        )
        self.assertIn((LEAD, "leads", Entity("knife crime")), [p.fact.triple for p in tree.premises])
        for depth, node in tree.walk():
            if depth > 0:
                self.assertEqual(node.premises, ())  # premises here were read from text
                for evidence in node.evidence:
                    self.assertEqual(
                        THISTLEDOWN[evidence.begin : evidence.end], evidence.sentence
                    )
        self.assertTrue(any("lead for tackling knife crime" in s for s in tree.sentences))

    def test_explain_a_fact_read_from_text(self) -> None:
        tree = self.kg.explain(LEAD, "has_role", Text("Chief Inspector"))
        self.assertEqual(tree.premises, ())
        self.assertTrue(tree.evidence)
        self.assertFalse(any(e.derived for e in tree.evidence))
        self.assertIn("Chief Inspector Rowan Featherstone", tree.sentences[0])

    def test_explain_matches_the_value_kind(self) -> None:
        # The role is stored as text, not as an entity; plain str is text.
        self.assertTrue(self.kg.explain("Rowan Featherstone", "has_role", "Chief Inspector").evidence)
        with self.assertRaises(NotFound):
            self.kg.explain(LEAD, "has_role", Entity("Chief Inspector"))
        with self.assertRaises(InvalidArgument):
            self.kg.explain(LEAD, "", OPERATION)

    # -- documents and plans ---------------------------------------------------------

    def test_documents(self) -> None:
        documents = {d.document_id: d for d in self.kg.documents()}
        self.assertEqual(set(documents), {THISTLEDOWN_ID, BRAMBLE_ID})
        for document in documents.values():
            self.assertTrue(document.content_hash)
            self.assertGreater(document.evidence, 0)
        self.assertGreater(documents[THISTLEDOWN_ID].evidence, documents[BRAMBLE_ID].evidence)

    def test_plan(self) -> None:
        steps = self.kg.plan("?p leads ?op . ?op type Operation")
        self.assertEqual(len(steps), 2)
        self.assertEqual(
            sorted(s.pattern for s in steps), ["?op type <Operation>", "?p leads ?op"]
        )
        for step in steps:
            self.assertIn(step.index, {"spo", "pos", "osp", "all"})
            self.assertGreaterEqual(step.estimated_rows, 0)
        with self.assertRaises(InvalidQuery) as caught:
            self.kg.plan("?p leads ?op .\n?op type")
        self.assertEqual(caught.exception.line, 2)


if __name__ == "__main__":
    unittest.main()
