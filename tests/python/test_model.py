# SPDX-License-Identifier: MIT
"""Model: texts and files in, merge, queries, save/load, exports, events and people."""

import csv
import gc
import io
import pathlib
import pickle
import tempfile
import unittest
import xml.etree.ElementTree as ET

import bilat
from support import DATA, VISIT

CASES = sorted(p.name for p in DATA.iterdir() if (p / "input.txt").is_file())


class ModelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ex = bilat.Extractor()
        cls.model = bilat.Model()
        cls.ids = cls.model.add_files(cls.ex, DATA, pattern="input.txt")

    @classmethod
    def tearDownClass(cls):
        cls.model.close()
        cls.ex.close()

    def test_a_folder_becomes_one_document_per_file(self):
        self.assertEqual(self.ids, ["%s/input.txt" % c for c in CASES])
        self.assertEqual(len(self.model), len(CASES))
        self.assertEqual([d for d, _ in self.model.documents], sorted(self.ids))
        self.assertIn("KAZ", self.model.states)
        self.assertGreater(self.model.n_events, len(CASES) // 2)
        self.assertGreater(self.model.n_officials, 10)

    def test_texts_with_ids_and_dates(self):
        with bilat.Model() as m:
            m.add_text(self.ex, VISIT, "visit", date="2023-11-06")
            self.assertEqual(m.documents, [("visit", "2023-11-06")])
            with self.assertRaises(bilat.InvalidArgumentError):
                m.add_text(self.ex, VISIT, "visit")
            with self.assertRaises(bilat.ParseError):
                m.add_text(self.ex, b"\xff", "bad")
            self.assertEqual(len(m), 1, "a failed add leaves the model unchanged")

    def test_documents_added_as_extracted(self):
        with bilat.Model() as m, self.ex.extract(VISIT, date="2023-11-06") as doc:
            m.add(doc, "doc-1")
            self.assertEqual(m.documents, [("doc-1", "2023-11-06")])
            self.assertEqual(m.states, ["KAZ", "TKM"])

    def test_events_and_officials_iterate_with_their_fields(self):
        events = list(self.model.iter_events())
        self.assertEqual(len(events), self.model.n_events)
        for e in events:
            self.assertIsInstance(e.kind, bilat.EventType)
            self.assertEqual(e.kind_name, e.kind.name.lower())
            self.assertTrue(e.id.startswith("ev-"))
            self.assertTrue(e.evidence)
            for ev in e.evidence:
                self.assertIn(ev.doc, self.ids)
                self.assertLessEqual(ev.start, ev.end)
            d = e.to_dict()
            self.assertEqual(d["parties"], list(e.parties))
        people = self.model.officials
        self.assertEqual(len(people), self.model.n_officials)
        names = {p.name for p in people}
        self.assertIn("Murat Nurtleu", names)
        nurtleu = next(p for p in people if p.name == "Murat Nurtleu")
        self.assertEqual(nurtleu.state, "KAZ")
        self.assertTrue(nurtleu.offices)
        self.assertGreaterEqual(nurtleu.n_documents, 1)
        self.assertTrue(nurtleu.id.startswith("person:KAZ:"))

    def test_relation_query(self):
        with self.model.query_relation("KAZ", "TKM") as r:
            self.assertEqual(r.kind, bilat.QueryKind.RELATION)
            self.assertEqual(len(r.edges), 1)
            edge = r.edges[0]
            self.assertEqual({edge.source, edge.target}, {"KAZ", "TKM"})
            self.assertEqual(edge.kind, bilat.EdgeKind.STATE_STATE)
            self.assertGreater(edge.count(bilat.Count.EVENTS), 0)
            self.assertEqual(edge.counts["events"], edge.count(bilat.Count.EVENTS))
            for e in r.events:
                self.assertEqual(set(e.parties) & {"KAZ", "TKM"}, {"KAZ", "TKM"})
            self.assertEqual(r.to_dict()["query"], "relation")

    def test_partners_query_ranks_by_events(self):
        with self.model.query_partners("KAZ") as r:
            self.assertEqual(r.kind, bilat.QueryKind.PARTNERS)
            self.assertTrue(r.states)
            self.assertEqual(len(r.scores), len(r.states))
            self.assertEqual(len(r.edges), len(r.states))
            self.assertEqual(r.scores, sorted(r.scores, reverse=True))
            self.assertNotIn("KAZ", r.states)

    def test_events_query_filters(self):
        with self.model.query_events(type="visit", state="KAZ") as r:
            self.assertTrue(r.events)
            for e in r.events:
                self.assertEqual(e.kind, bilat.EventType.VISIT)
                self.assertIn("KAZ", e.parties)
        with self.model.query_events(pair=("KAZ", "TKM"), since="2024", until="2024") as r:
            for e in r.events:
                self.assertTrue((e.date or e.when).startswith("2024"))
        with self.model.query_events(person="Nurtleu") as r:
            self.assertTrue(r.events)
        with self.assertRaises(bilat.ParseError):
            self.model.query_events(since="last year")
        with self.assertRaises(KeyError):
            self.model.query_events(type="parade")

    def test_timeline_people_and_path_queries(self):
        with self.model.query_timeline("KAZ", "TKM") as r:
            self.assertEqual(r.kind, bilat.QueryKind.TIMELINE)
            whens = [e.when for e in r.events if e.when]
            self.assertEqual(whens, sorted(whens))
        with self.model.query_people("KAZ") as r:
            self.assertIn("Murat Nurtleu", [p.name for p in r.officials])
        with self.model.query_path("KAZ", "TKM") as r:
            self.assertEqual(r.states, ["KAZ", "TKM"])
            self.assertEqual(len(r.edges), 1)

    def test_unknown_state_gives_an_empty_result(self):
        with self.model.query_relation("KAZ", "XXX") as r:
            self.assertEqual(r.events, [])

    def test_graph_nodes_edges_and_walk(self):
        g = self.model.graph
        self.assertEqual(g.nodes(bilat.NodeKind.STATE), self.model.states)
        people = g.nodes(bilat.NodeKind.PERSON)
        self.assertTrue(all(p.startswith("person:") for p in people))
        self.assertEqual(g.label("KAZ"), "KAZ")
        edge = g.edge("tkm", "KAZ")
        self.assertIsNotNone(edge)
        self.assertIsNone(g.edge("KAZ", "XXX"))
        all_edges = g.edges()
        kinds = {e.kind for e in all_edges}
        self.assertIn(bilat.EdgeKind.STATE_STATE, kinds)
        self.assertIn(bilat.EdgeKind.PERSON_STATE, kinds)
        ss = g.edges(bilat.EdgeKind.STATE_STATE)
        self.assertTrue(all(e.kind == bilat.EdgeKind.STATE_STATE for e in ss))
        around = g.edges(bilat.EdgeKind.STATE_STATE, node="KAZ")
        self.assertTrue(all("KAZ" in (e.source, e.target) for e in around))
        person_edge = next(e for e in all_edges if e.kind == bilat.EdgeKind.PERSON_STATE)
        self.assertIsInstance(person_edge.official, bilat.Official)
        # A true return value stops the walk and is returned.
        self.assertEqual(g.walk(lambda e: e.source), all_edges[0].source)
        # An exception in the callback stops the walk and propagates.
        with self.assertRaises(ZeroDivisionError):
            g.walk(lambda e: 1 / 0)

    def test_merge_of_parts_equals_the_whole(self):
        half = len(CASES) // 2
        with bilat.Model() as a, bilat.Model() as b:
            for c in CASES[:half]:
                a.add_file(self.ex, DATA / c / "input.txt", docid="%s/input.txt" % c)
            for c in CASES[half - 1:]:  # one document in both parts
                b.add_file(self.ex, DATA / c / "input.txt", docid="%s/input.txt" % c)
            b.merge(a)
            self.assertEqual(b.to_json(), self.model.to_json())
        with self.assertRaises(bilat.InvalidArgumentError):
            self.model.merge(self.model)

    def test_range_keeps_what_falls_in_it(self):
        with self.model.range(since="2024-01", until="2024-12") as r:
            for e in r.iter_events():
                self.assertTrue(e.when is None or e.when.startswith("2024"), e.when)
            self.assertLessEqual(r.n_events, self.model.n_events)

    def test_save_load_and_json_round_trip(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "model.json"
            self.model.save(path, pretty=True)
            with bilat.Model.load(path) as loaded:
                self.assertEqual(loaded.to_json(), self.model.to_json())
            with self.assertRaises(bilat.BilatIOError):
                bilat.Model.load(pathlib.Path(tmp) / "missing.json")
        copy = bilat.Model.from_json(self.model.to_json(pretty=True))
        self.assertEqual(copy.to_json(), self.model.to_json())
        with self.assertRaises(bilat.ParseError) as cm:
            bilat.Model.from_json('{"format": "libbilat-model", "version": 1, "documents": [')
        self.assertGreaterEqual(cm.exception.offset, 0)

    def test_model_pickles_as_its_json(self):
        copy = pickle.loads(pickle.dumps(self.model))
        with copy:
            self.assertEqual(copy.to_json(), self.model.to_json())

    def test_exports(self):
        root = ET.fromstring(self.model.to_graphml())
        self.assertTrue(root.tag.endswith("graphml"))
        ns = {"g": root.tag[1:].split("}")[0]} if root.tag.startswith("{") else {}
        nodes = root.findall(".//g:node", ns) if ns else root.findall(".//node")
        self.assertGreaterEqual(len(nodes), len(self.model.states))
        states_only = ET.fromstring(self.model.to_graphml(states_only=True))
        self.assertLess(len(states_only.findall(".//g:node", ns) if ns else []), len(nodes))
        dot = self.model.to_dot()
        self.assertTrue(dot.lstrip().startswith(("graph", "strict graph")))
        self.assertIn('"KAZ"', dot)
        rows = list(csv.reader(io.StringIO(self.model.to_csv(), newline="")))
        self.assertEqual(rows[0][:3], ["id", "date", "type"])
        self.assertEqual(len(rows) - 1, self.model.n_events)
        lines = self.model.to_jsonl().splitlines()
        self.assertEqual(len(lines), self.model.n_events)

    def test_export_to_files_by_suffix(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            for name in ("g.graphml", "g.dot", "e.csv", "e.jsonl", "m.json"):
                self.model.export(tmp / name)
                self.assertGreater((tmp / name).stat().st_size, 0, name)
            ET.parse(tmp / "g.graphml")
            self.assertEqual((tmp / "e.csv").read_bytes(), self.model.to_csv().encode())
            with self.assertRaises(ValueError):
                self.model.export(tmp / "m.xlsx")

    def test_state_names_resolve_through_the_extractor(self):
        self.assertEqual(self.ex.state_code("Kazakhstan"), "KAZ")
        self.assertEqual(self.ex.state_code("Turkmen"), "TKM")
        self.assertIsNone(self.ex.state_code("Atlantis"))


class BorrowingTest(unittest.TestCase):
    def setUp(self):
        self.ex = bilat.Extractor()

    def tearDown(self):
        self.ex.close()

    def test_items_read_before_a_change_raise_after_it(self):
        m = bilat.Model()
        m.add_text(self.ex, VISIT, "a", date="2023-11-06")
        event = m.events[0]
        person = m.officials[0]
        result = m.query_relation("KAZ", "TKM")
        edge = m.graph.edge("KAZ", "TKM")
        self.assertTrue(event.id)
        m.add_text(self.ex, "Kazakhstan and Uzbekistan signed an agreement.", "b")
        for stale in (lambda: event.id, lambda: person.name, lambda: result.events,
                      lambda: edge.weight):
            with self.assertRaises(bilat.InvalidArgumentError):
                stale()
        result.close()
        self.assertTrue(m.events[0].id)
        m.close()

    def test_iteration_stops_when_the_model_changes(self):
        with bilat.Model() as m:
            m.add_text(self.ex, VISIT, "a")
            with self.assertRaises(RuntimeError):
                for i, _ in enumerate(m.iter_events()):
                    m.add_text(self.ex, VISIT, "b%d" % i)

    def test_children_keep_the_model_alive(self):
        m = bilat.Model()
        m.add_text(self.ex, VISIT, "a")
        fin = m._owner.finalizer
        event = m.events[0]
        result = m.query_partners("KAZ")
        graph = m.graph
        m.close()
        gc.collect()
        self.assertTrue(fin.alive)
        self.assertTrue(event.id)
        self.assertEqual(result.states, ["TKM"])
        self.assertIn("KAZ", graph.nodes())
        del event, result, graph
        gc.collect()
        self.assertFalse(fin.alive)

    def test_closed_model_raises(self):
        m = bilat.Model()
        m.close()
        with self.assertRaises(bilat.InvalidArgumentError):
            len(m)


if __name__ == "__main__":
    unittest.main()
