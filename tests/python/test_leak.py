# SPDX-License-Identifier: MIT
"""Leak checks: a call repeated 100,000 times leaves the resident set size flat.

RSS is read after a warm-up (so caches, pymalloc arenas and malloc's heap have grown to
their working size) and again after the 100,000 calls. TOLERANCE is 2 MiB: a leak of 21
bytes or more per call, such as an unfreed JSON string, error object or handle, exceeds it.
"""

import gc
import unittest

import bilat
from support import VISIT, rss_bytes

REPEAT = 100_000
WARM_UP = 2_000
TOLERANCE = 2 * 1024 * 1024


class LeakTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ex = bilat.Extractor()

    @classmethod
    def tearDownClass(cls):
        cls.ex.close()

    def assert_flat(self, call):
        for _ in range(WARM_UP):
            call()
        gc.collect()
        before = rss_bytes()
        for _ in range(REPEAT):
            call()
        gc.collect()
        grown = rss_bytes() - before
        self.assertLess(grown, TOLERANCE, "RSS grew by %d bytes over %d calls (%.1f per call)"
                        % (grown, REPEAT, grown / REPEAT))

    def test_extract_facts_and_json_stay_flat(self):
        ex = self.ex

        def call():
            with ex.extract(VISIT) as doc:
                doc.to_json()
                doc.events[0].parties
                doc.persons[0].offices

        self.assert_flat(call)

    def test_failing_calls_stay_flat(self):
        ex = self.ex

        def call():
            try:
                ex.extract(b"Kazakhstan \xff Turkmenistan")
            except bilat.ParseError:
                pass

        self.assert_flat(call)

    def test_unclosed_documents_are_freed_by_their_finalizers(self):
        ex = self.ex

        def call():
            ex.extract(VISIT).events

        self.assert_flat(call)

    def test_model_queries_and_walks_stay_flat(self):
        ex = self.ex
        with bilat.Model() as m:
            m.add_text(ex, VISIT, "a", date="2023-11-06")
            m.add_text(ex, "Kazakhstan and Uzbekistan signed an agreement on 3 May 2024.", "b")

            def call():
                with m.query_relation("KAZ", "TKM") as r:
                    r.to_json()
                    r.events[0].parties
                m.graph.walk(lambda edge: edge.weight)
                m.graph.edge("KAZ", "UZB").counts

            self.assert_flat(call)

    def test_model_life_cycle_stays_flat(self):
        ex = self.ex

        def call():
            with bilat.Model() as m:
                m.add_text(ex, VISIT, "a")
                m.to_json()
                m.to_graphml()

        self.assert_flat(call)

    def test_rejected_model_json_stays_flat(self):
        def call():
            try:
                bilat.Model.from_json('{"format": "libbilat-model", "version": 1, "documents": [')
            except bilat.ParseError:
                pass

        self.assert_flat(call)


if __name__ == "__main__":
    unittest.main()
