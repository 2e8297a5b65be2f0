# SPDX-License-Identifier: MIT
"""The graph formats in the tools researchers use: GraphML read by networkx and igraph with
attributes intact, DOT rendered by graphviz. The model is built by `bilat graph` from the
fixture releases in tests/data-model/corpus.

Each check skips with a message when its module or program is missing (Debian packages
python3-networkx, python3-igraph, graphviz); when every check skips the script exits 77,
which meson reports as a skipped test.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("BILAT_CLI", "bilat")
CORPUS = pathlib.Path(os.environ.get("BILAT_TEST_DATA_MODEL", "tests/data-model")) / "corpus"


def bilat_graph(fmt, *extra):
    out = subprocess.run([CLI, "graph", "--format", fmt, *extra, str(CORPUS)],
                         check=True, capture_output=True)
    # Not a terminal: no progress line on stderr.
    assert out.stderr == b"", out.stderr
    return out.stdout


class GraphMLTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = pathlib.Path(cls.dir.name) / "model.graphml"
        cls.path.write_bytes(bilat_graph("graphml"))

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_networkx_reads_nodes_edges_and_typed_attributes(self):
        try:
            import networkx
        except ImportError:
            self.skipTest("networkx is not installed (Debian: python3-networkx)")
        g = networkx.read_graphml(self.path)
        self.assertFalse(g.is_directed())
        kinds = {d["kind"] for _, d in g.nodes(data=True)}
        self.assertEqual(kinds, {"state", "person", "organization"})
        self.assertIn("KAZ", g)
        self.assertEqual(g.nodes["KAZ"]["label"], "KAZ")
        self.assertEqual(g.nodes["person:TKM:Rashid Meredov"]["label"], "Rashid Meredov")
        self.assertEqual(g.nodes["person:TKM:Rashid Meredov"]["state"], "TKM")
        self.assertIn("Minister of Foreign Affairs",
                      g.nodes["person:TKM:Rashid Meredov"]["offices"])
        e = g.edges["KAZ", "TKM"]
        self.assertEqual(e["kind"], "state-state")
        self.assertIsInstance(e["meetings"], int)
        self.assertEqual(e["agreements"], 1)
        self.assertEqual({e["visits_out"], e["visits_in"]}, {1})
        self.assertEqual(e["first"], "2023-03-14")
        self.assertEqual(e["last"], "2024-05-06")
        self.assertIsInstance(e["weight"], float)
        self.assertTrue(e["areas"].startswith("trade:"))
        # The chain of relations the query finds, found again by networkx.
        states = g.subgraph(n for n, d in g.nodes(data=True) if d["kind"] == "state")
        self.assertEqual(networkx.shortest_path(states, "KAZ", "USA"), ["KAZ", "UZB", "USA"])

    def test_igraph_reads_the_same_graph(self):
        try:
            import igraph
        except ImportError:
            self.skipTest("igraph is not installed (Debian: python3-igraph)")
        g = igraph.Graph.Read_GraphML(str(self.path))
        self.assertFalse(g.is_directed())
        ids = g.vs["id"]
        kaz, tkm = ids.index("KAZ"), ids.index("TKM")
        self.assertEqual(g.vs[kaz]["kind"], "state")
        e = g.es[g.get_eid(kaz, tkm)]
        self.assertEqual(e["kind"], "state-state")
        self.assertEqual(int(e["agreements"]), 1)
        self.assertEqual(e["first"], "2023-03-14")
        try:
            import networkx
        except ImportError:
            return
        nx = networkx.read_graphml(self.path)
        self.assertEqual(g.vcount(), nx.number_of_nodes())
        self.assertEqual(g.ecount(), nx.number_of_edges())

    def test_states_only(self):
        try:
            import networkx
        except ImportError:
            self.skipTest("networkx is not installed (Debian: python3-networkx)")
        path = pathlib.Path(self.dir.name) / "states.graphml"
        path.write_bytes(bilat_graph("graphml", "--states-only"))
        g = networkx.read_graphml(path)
        self.assertEqual({d["kind"] for _, d in g.nodes(data=True)}, {"state"})
        self.assertEqual(sorted(g.nodes), ["CHN", "KAZ", "TKM", "USA", "UZB"])


class DotTest(unittest.TestCase):
    def test_graphviz_renders_the_dot(self):
        dot = shutil.which("dot")
        if dot is None:
            self.skipTest("graphviz's dot is not installed (Debian: graphviz)")
        for extra in ([], ["--states-only"]):
            out = subprocess.run([dot, "-Tsvg"], input=bilat_graph("dot", *extra),
                                 capture_output=True, check=True)
            self.assertIn(b"<svg", out.stdout)
            self.assertIn(b"KAZ", out.stdout)
            self.assertNotIn(b"Warning", out.stderr)
            self.assertNotIn(b"Error", out.stderr)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    if not result.wasSuccessful():
        sys.exit(1)
    if result.testsRun and len(result.skipped) == result.testsRun:
        sys.exit(77)
