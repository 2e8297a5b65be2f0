#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Extract a corpus with dask.bag: one model per partition, merged as the reduction.

This is the way to run over a corpus that outgrows one machine: the same code runs on a
dask.distributed cluster (pass --scheduler tcp://HOST:8786; each worker needs libbilat.so.0
and the bilat package) as on local processes. Needs Debian's python3-dask, so run it with
/usr/bin/python3:

    /usr/bin/python3 python/examples/dask_corpus.py tests/data --partitions 4
"""

import argparse
import json
import pathlib
import sys

import dask.bag as db

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # python/, uninstalled
import bilat  # noqa: E402


def extract_partition(items, date=None):
    """Per partition: one Extractor, one Model of the partition's (path, id) items."""
    model = bilat.Model()
    with bilat.Extractor(date=date) as ex:
        for path, docid in items:
            model.add_file(ex, path, docid=docid)
    return model


def merge_models(models):
    """The reduction: merging is associative and ignores order, so any tree of merges
    gives the model of all documents."""
    merged = bilat.Model()
    for m in models:
        merged.merge(m)
        m.close()
    return merged


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory")
    ap.add_argument("--pattern", default="*.txt")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--scheduler", default="processes",
                    help="processes, threads, synchronous, or a dask.distributed address")
    ap.add_argument("--date", help="document date for undated articles (YYYY-MM-DD)")
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--graphml", metavar="FILE", help="also export the graph as GraphML")
    ap.add_argument("--json", action="store_true", help="print top partners as JSON")
    args = ap.parse_args(argv)

    root = pathlib.Path(args.directory)
    items = [(str(p), p.relative_to(root).as_posix())
             for p in sorted(root.rglob(args.pattern)) if p.is_file()]
    if not items:
        print("no %s files under %s" % (args.pattern, root), file=sys.stderr)
        return 1

    bag = db.from_sequence(items, npartitions=min(args.partitions, len(items)))
    total = bag.reduction(lambda part: extract_partition(part, args.date), merge_models)
    if "://" in args.scheduler:
        from dask.distributed import Client  # python3-distributed
        with Client(args.scheduler):
            model = total.compute()
    else:
        model = total.compute(scheduler=args.scheduler)

    with model:
        if args.graphml:
            model.export(args.graphml)
        partners = {}
        for state in model.states:
            with model.query_partners(state) as r:
                pairs = [(p, s) for p, s in zip(r.states, r.scores) if s > 0][:args.top]
            if pairs:
                partners[state] = pairs
        if args.json:
            print(json.dumps(partners, sort_keys=True))
        else:
            print("%d documents, %d events, %d officials, %d partitions"
                  % (len(model), model.n_events, model.n_officials, bag.npartitions))
            for state, pairs in sorted(partners.items()):
                print("%s: %s" % (state, ", ".join("%s (%d)" % p for p in pairs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
