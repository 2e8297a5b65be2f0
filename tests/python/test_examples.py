# SPDX-License-Identifier: MIT
"""The Python examples (process pool, dask.bag) and the README's Python code, run for real."""

import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

import bilat
from support import DATA

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "python" / "examples"


def serial_top_partners(top=3):
    """What both examples must print: one process, one model, every file."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        import top_partners
    finally:
        sys.path.pop(0)
    with bilat.Extractor() as ex, bilat.Model() as model:
        model.add_files(ex, DATA, pattern="input.txt")
        return json.loads(json.dumps(top_partners.top_partners(model, top)))


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, timeout=600, **kw)


class ExamplesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.expected = serial_top_partners()

    def test_expected_output_is_not_empty(self):
        self.assertIn("KAZ", self.expected)

    def test_process_pool_merges_to_the_serial_result(self):
        with tempfile.TemporaryDirectory() as tmp:
            saved = pathlib.Path(tmp) / "model.json"
            r = run([sys.executable, str(EXAMPLES / "top_partners.py"), str(DATA),
                     "--pattern", "input.txt", "--workers", "3", "--json",
                     "--save", str(saved)])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout), self.expected)
            with bilat.Extractor() as ex, bilat.Model() as whole:
                whole.add_files(ex, DATA, pattern="input.txt")
                with bilat.Model.load(saved) as merged:
                    self.assertEqual(merged.to_json(), whole.to_json())

    def test_process_pool_text_output(self):
        r = run([sys.executable, str(EXAMPLES / "top_partners.py"), str(DATA),
                 "--pattern", "input.txt", "--workers", "2", "--top", "1"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"^\d+ documents, \d+ events, \d+ officials, 2 workers\n")
        self.assertRegex(r.stdout, r"\nKAZ: [A-Z]{3} \(\d+\)\n")

    def test_dask_bag_merges_to_the_serial_result(self):
        py = os.environ.get("BILAT_DASK_PYTHON")
        if not py:
            self.skipTest("no Python with dask (Debian: python3-dask, /usr/bin/python3)")
        with tempfile.TemporaryDirectory() as tmp:
            graphml = pathlib.Path(tmp) / "relations.graphml"
            r = run([py, str(EXAMPLES / "dask_corpus.py"), str(DATA), "--pattern",
                     "input.txt", "--partitions", "3", "--json", "--graphml", str(graphml)])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout), self.expected)
            ET.parse(graphml)

    def test_readme_python_code_runs(self):
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        section = readme.split("\n## Python", 1)[1].split("\n## ", 1)[0]
        blocks = re.findall(r"```python\n(.*?)```", section, re.S)
        self.assertTrue(blocks, "no python code in the README's Python section")
        with tempfile.TemporaryDirectory() as tmp:
            for d in ("examples", "tests"):
                os.symlink(ROOT / d, pathlib.Path(tmp) / d)
            for code in blocks:
                r = run([sys.executable, "-c", code], cwd=tmp)
                self.assertEqual(r.returncode, 0, "%s\n%s" % (code, r.stderr))
            ET.parse(pathlib.Path(tmp) / "relations.graphml")


if __name__ == "__main__":
    unittest.main()
