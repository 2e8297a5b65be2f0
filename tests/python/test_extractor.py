# SPDX-License-Identifier: MIT
"""Extractor, Document and Fact: the facts of one text through the wrapper."""

import concurrent.futures
import json
import pathlib
import pickle
import tempfile
import unittest

import bilat
from support import DATA, VISIT, fixture


class VersionTest(unittest.TestCase):
    def test_version_matches_version_string(self):
        major, minor, micro = (int(x) for x in bilat.version_string().split("."))
        self.assertEqual(bilat.version(), major * 10000 + minor * 100 + micro)
        self.assertEqual(bilat.__version__, bilat.version_string())

    def test_library_path_names_what_was_loaded(self):
        self.assertIn("libbilat", bilat.library_path)


class ExtractorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ex = bilat.Extractor()

    @classmethod
    def tearDownClass(cls):
        cls.ex.close()

    def test_facts_of_the_readme_example_as_a_dict(self):
        rec = self.ex.facts(VISIT)
        self.assertEqual(rec["schema"], "bilateral-facts/1")
        self.assertEqual(sorted(rec["countries"]), ["KAZ", "TKM"])
        self.assertEqual(rec["pairs"], [["KAZ", "TKM"]])
        types = [e["type"] for e in rec["events"]]
        self.assertIn("visit", types)
        self.assertIn("agreement", types)
        visit = next(e for e in rec["events"] if e["type"] == "visit")
        self.assertEqual((visit["actor"], visit["target"]), ("KAZ", "TKM"))
        self.assertEqual(visit["date"], "2023-11-05")

    def test_fixture_matches_its_expected_countries_and_pairs(self):
        case = "01-kaz-tkm-official-visit"
        expected = json.loads((DATA / case / "expected.json").read_text(encoding="utf-8"))
        rec = self.ex.facts(fixture(case), plain=True)
        self.assertEqual(rec["countries"], expected["countries"])
        self.assertEqual(rec["pairs"], expected["pairs"])
        self.assertEqual([p["name"] for p in rec["persons"]],
                         [p["name"] for p in expected["persons"]])

    def test_json_string_pretty_plain_and_docid(self):
        compact = self.ex.to_json(VISIT)
        pretty = self.ex.to_json(VISIT, pretty=True)
        self.assertNotIn("\n", compact)
        self.assertIn("\n", pretty)
        self.assertEqual(json.loads(compact), json.loads(pretty))
        self.assertIn("span", json.loads(compact)["persons"][0])
        plain = json.loads(self.ex.to_json(VISIT, plain=True, docid="doc-7"))
        self.assertNotIn("span", plain["persons"][0])
        self.assertEqual(plain["doc"], "doc-7")

    def test_document_facts_by_kind(self):
        with self.ex.extract(VISIT) as doc:
            self.assertEqual([f.text for f in doc.states], ["KAZ", "TKM"])
            self.assertEqual([f.parties for f in doc.pairs], [("KAZ", "TKM")])
            self.assertEqual(doc.count(bilat.Kind.EVENT), len(doc.events))
            self.assertGreater(doc.n_sentences, 0)
            visit = next(e for e in doc.events if e.event_type == bilat.EventType.VISIT)
            self.assertEqual(visit.kind, bilat.Kind.EVENT)
            self.assertEqual((visit.actor, visit.target, visit.level),
                             ("KAZ", "TKM", "official"))
            self.assertEqual(visit.place, "Ashgabat")
            self.assertEqual(visit.cameo, "042")
            self.assertEqual(visit.plover, "CONSULT")
            self.assertTrue(visit.rule)
            agreement = next(e for e in doc.events if e.text == "agreement")
            self.assertIn("Programme of Cooperation", agreement.title)
            d = visit.to_dict()
            self.assertEqual(d["type"], "visit")
            self.assertEqual(d["parties"], ["KAZ", "TKM"])

    def test_people_carry_state_offices_and_byte_spans(self):
        doc = self.ex.extract(VISIT)
        nurtleu = next(p for p in doc.persons if p.text == "Murat Nurtleu")
        self.assertEqual(nurtleu.state, "KAZ")
        self.assertIn("Foreign Minister", nurtleu.offices)
        start, end = nurtleu.span
        self.assertEqual(VISIT.encode()[start:end].decode(), "Murat Nurtleu")
        self.assertEqual(nurtleu.excerpt, "Murat Nurtleu")

    def test_spans_are_byte_offsets_into_utf8(self):
        text = fixture("22-tur-mex-non-ascii")
        doc = self.ex.extract(text)
        person = next(p for p in doc.persons if p.text == "Mevlüt Çavuşoğlu")
        start, end = person.span
        # Its first mention is "Çavuşoğlu" in the headline, after "Türkiye" and "“deepen”".
        self.assertEqual(text.encode("utf-8")[start:end].decode("utf-8"), "Çavuşoğlu")
        self.assertNotEqual(text[start:end], "Çavuşoğlu")
        self.assertEqual(person.excerpt, "Çavuşoğlu")
        self.assertEqual(doc.text, text.encode("utf-8"))

    def test_bytes_and_str_give_the_same_record(self):
        self.assertEqual(self.ex.facts(VISIT), self.ex.facts(VISIT.encode("utf-8")))

    def test_document_date_resolves_relative_dates(self):
        text = "Foreign Minister of Jordan Ayman Safadi arrived in Muscat yesterday."
        doc = self.ex.extract(text, date="2023-11-28")
        self.assertEqual(doc.date, "2023-11-28")
        self.assertEqual(doc.events[0].date, "2023-11-27")
        with bilat.Extractor(date="2023-11-28") as dated:
            self.assertEqual(dated.extract(text).events[0].date, "2023-11-27")
        self.assertIsNone(self.ex.extract(text).date)

    def test_repair_utf8_reads_bad_bytes_as_replacement(self):
        with bilat.Extractor(repair_utf8=True) as ex:
            rec = ex.facts(b"Kazakhstan and \xff Turkmenistan signed an agreement.")
        self.assertEqual(sorted(rec["countries"]), ["KAZ", "TKM"])

    def test_user_dictionary_from_text_and_from_file(self):
        line = "Council of Fictional Cooperation\tCFC|the Fictional Council\n"
        text = "Kazakhstan and Turkmenistan joined the Council of Fictional Cooperation."
        with bilat.Extractor(dictionaries=[(bilat.DictKind.ORGANIZATIONS, line)]) as ex:
            self.assertIn("Council of Fictional Cooperation", ex.facts(text)["organizations"])
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "orgs.tsv"
            path.write_text("# test\n" + line, encoding="utf-8")
            with bilat.Extractor(dictionaries=[("organizations", path)]) as ex:
                self.assertIn("Council of Fictional Cooperation",
                              ex.facts(text)["organizations"])

    def test_one_extractor_is_shared_by_threads(self):
        texts = [fixture(p.name) for p in sorted(DATA.iterdir()) if p.is_dir()]
        serial = [self.ex.to_json(t) for t in texts]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            parallel = list(pool.map(self.ex.to_json, texts * 2))
        self.assertEqual(parallel, serial * 2)

    def test_extractor_pickles_as_its_arguments(self):
        with bilat.Extractor(date="2023-11-28", max_size=4096) as ex:
            copy = pickle.loads(pickle.dumps(ex))
        with copy:
            self.assertEqual(copy.extract("Kazakhstan and Turkmenistan").date, "2023-11-28")
            with self.assertRaises(bilat.LimitError):
                copy.extract("x" * 5000)

    def test_documents_do_not_pickle(self):
        with self.assertRaises(TypeError):
            pickle.dumps(self.ex.extract(VISIT))

    def test_text_of_the_wrong_type_is_a_type_error(self):
        with self.assertRaises(TypeError):
            self.ex.extract(42)
        with self.assertRaises(TypeError):
            self.ex.extract(VISIT, date=20231128)

    def test_empty_text_gives_an_empty_record(self):
        rec = self.ex.facts("")
        self.assertEqual(rec["countries"], [])
        self.assertEqual(rec["events"], [])


if __name__ == "__main__":
    unittest.main()
