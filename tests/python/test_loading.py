# SPDX-License-Identifier: MIT
"""Finding the library: $BILAT_LIBRARY, the build tree, find_library, libbilat.so.0."""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "python" / "bilat"
SOURCE_ROOT = PACKAGE.parents[1]


def run_python(code, env_changes, pythonpath):
    env = dict(os.environ)
    env.pop("BILAT_LIBRARY", None)
    env.update(env_changes)
    env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60)


PRINT_PATH = "import bilat; print(bilat.library_path); print(bilat.version_string())"


class LoadingTest(unittest.TestCase):
    def test_bilat_library_is_used_first(self):
        lib = os.environ["BILAT_LIBRARY"]
        r = run_python(PRINT_PATH, {"BILAT_LIBRARY": lib}, PACKAGE.parent)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines()[0], lib)

    def test_bilat_library_that_cannot_load_is_an_import_error(self):
        r = run_python("import bilat", {"BILAT_LIBRARY": "/nonexistent/libbilat.so.0"},
                       PACKAGE.parent)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("ImportError", r.stderr)
        self.assertIn("BILAT_LIBRARY=/nonexistent/libbilat.so.0", r.stderr)

    def test_older_library_is_refused(self):
        r = run_python("import bilat", {"BILAT_LIBRARY": os.environ["BILAT_TEST_FAKE_OLD"]},
                       PACKAGE.parent)
        self.assertIn("ImportError", r.stderr)
        self.assertIn("libbilat 0.0.5", r.stderr)

    def test_other_major_version_is_refused(self):
        r = run_python("import bilat",
                       {"BILAT_LIBRARY": os.environ["BILAT_TEST_FAKE_MAJOR"]}, PACKAGE.parent)
        self.assertIn("ImportError", r.stderr)
        self.assertIn("libbilat 1.0.0", r.stderr)

    def test_source_checkout_finds_its_build_tree(self):
        r = run_python(PRINT_PATH, {}, PACKAGE.parent)
        self.assertEqual(r.returncode, 0, r.stderr)
        path = pathlib.Path(r.stdout.splitlines()[0])
        self.assertEqual(path.name, "libbilat.so.0")
        self.assertEqual(path.parents[2], SOURCE_ROOT)

    def test_outside_a_checkout_the_linker_path_is_searched(self):
        lib = pathlib.Path(os.environ["BILAT_LIBRARY"]).resolve()
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            shutil.copytree(PACKAGE, tmp / "site" / "bilat",
                            ignore=shutil.ignore_patterns("__pycache__"))
            (tmp / "lib").mkdir()
            shutil.copy(lib, tmp / "lib" / "libbilat.so.0")
            os.symlink("libbilat.so.0", tmp / "lib" / "libbilat.so")
            r = run_python(PRINT_PATH, {"LD_LIBRARY_PATH": str(tmp / "lib"),
                                        "LIBRARY_PATH": str(tmp / "lib")}, tmp / "site")
            self.assertEqual(r.returncode, 0, r.stderr)
            # find_library gives the soname; either way the dynamic loader resolves it.
            self.assertEqual(r.stdout.splitlines()[0], "libbilat.so.0")

    def test_no_library_anywhere_is_an_import_error(self):
        import ctypes.util
        if ctypes.util.find_library("bilat"):
            self.skipTest("a libbilat is installed on this system")
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            shutil.copytree(PACKAGE, tmp / "bilat", ignore=shutil.ignore_patterns("__pycache__"))
            r = run_python("import bilat", {"LD_LIBRARY_PATH": ""}, tmp)
        self.assertIn("libbilat not found; set BILAT_LIBRARY", r.stderr)


if __name__ == "__main__":
    unittest.main()
