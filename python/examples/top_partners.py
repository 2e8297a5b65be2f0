#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build one model from a directory of articles with a process pool; print top partners.

Each worker process makes its own Extractor and a Model of its share of the files; the
per-worker models come back (a Model pickles as its JSON) and are merged, which gives the
same model as one process reading every file. Then, for each state, its most active
partners by number of events.

    python3 python/examples/top_partners.py tests/data --workers 4 --top 3
"""

import argparse
import concurrent.futures
import json
import os
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # python/, uninstalled
import bilat  # noqa: E402

_extractor = None


def _start_worker(date):
    # One extractor per process: compiled once, then used for every file the worker gets.
    global _extractor
    _extractor = bilat.Extractor(date=date)


def build_model(root, names):
    """The model of some files of root; document ids are the paths relative to root."""
    model = bilat.Model()
    for name in names:
        model.add_file(_extractor, pathlib.Path(root) / name, docid=name)
    return model


def top_partners(model, top):
    """{state: [(partner, events), ...]} for every state of the model, most active first."""
    out = {}
    for state in model.states:
        with model.query_partners(state) as result:
            pairs = [(p, s) for p, s in zip(result.states, result.scores) if s > 0][:top]
        if pairs:
            out[state] = pairs
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory")
    ap.add_argument("--pattern", default="*.txt", help="files to read (default *.txt)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--top", type=int, default=3, help="partners to print per state")
    ap.add_argument("--date", help="document date for undated articles (YYYY-MM-DD)")
    ap.add_argument("--save", metavar="MODEL.json", help="also save the merged model")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)

    root = pathlib.Path(args.directory)
    names = sorted(p.relative_to(root).as_posix() for p in root.rglob(args.pattern)
                   if p.is_file())
    if not names:
        print("no %s files under %s" % (args.pattern, root), file=sys.stderr)
        return 1
    workers = max(1, min(args.workers, len(names)))
    shares = [names[i::workers] for i in range(workers)]

    merged = bilat.Model()
    with concurrent.futures.ProcessPoolExecutor(workers, initializer=_start_worker,
                                                initargs=(args.date,)) as pool:
        for part in pool.map(build_model, [root] * workers, shares):
            with part:
                merged.merge(part)

    if args.save:
        merged.save(args.save)
    partners = top_partners(merged, args.top)
    if args.json:
        print(json.dumps(partners, sort_keys=True))
    else:
        print("%d documents, %d events, %d officials, %d workers"
              % (len(merged), merged.n_events, merged.n_officials, workers))
        for state, pairs in sorted(partners.items()):
            print("%s: %s" % (state, ", ".join("%s (%d)" % p for p in pairs)))
    merged.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
