# SPDX-License-Identifier: MIT
"""Shared helpers of the Python tests: fixtures through BILAT_TEST_DATA, RSS readings."""

import os
import pathlib

DATA = pathlib.Path(os.environ.get("BILAT_TEST_DATA",
                                   pathlib.Path(__file__).resolve().parents[1] / "data"))

# The README's example: one official visit and one signed programme.
VISIT = ("Foreign Minister of Kazakhstan Murat Nurtleu paid an official visit to Ashgabat on "
         "5 November 2023 and held talks with his Turkmen counterpart Rashid Meredov. The "
         "sides signed a Programme of Cooperation for 2024-2026.")


def fixture(case):
    """The input text of tests/data/<case>/."""
    return (DATA / case / "input.txt").read_text(encoding="utf-8")


def rss_bytes():
    """The resident set size of this process, from /proc/self/statm."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")
