# SPDX-License-Identifier: MIT
"""libbilat from Python: bilateral diplomatic facts from press releases, through ctypes.

    import bilat
    with bilat.Extractor() as ex:
        record = ex.facts(text)             # the bilateral-facts/1 record as a dict
        for event in ex.extract(text).events:
            print(event.text, event.parties, event.date)

    with bilat.Extractor() as ex, bilat.Model() as model:
        model.add_files(ex, "articles/")    # one document per file, id = relative path
        print(model.query_partners("KAZ").states)
        model.export("relations.graphml")

The library is found through $BILAT_LIBRARY, the build tree of a source checkout,
ctypes.util.find_library("bilat"), then "libbilat.so.0". No extraction happens in Python.
"""

from ._errors import (BilatError, BilatIOError, InvalidArgumentError, LimitError,
                      NotFoundError, OutOfMemoryError, ParseError, Status)
from ._extract import DictKind, Document, EventType, Extractor, Fact, Kind
from ._model import (EDGES_ALL, Count, Edge, EdgeKind, Event, Evidence, Graph, Item, Model,
                     NodeKind, Official, QueryKind, Result)
from ._lib import LIB as _LIB

__all__ = [
    "BilatError", "BilatIOError", "InvalidArgumentError", "LimitError", "NotFoundError",
    "OutOfMemoryError", "ParseError", "Status",
    "DictKind", "Document", "EventType", "Extractor", "Fact", "Kind",
    "EDGES_ALL", "Count", "Edge", "EdgeKind", "Event", "Evidence", "Graph", "Item", "Model",
    "NodeKind", "Official", "QueryKind", "Result",
    "library_path", "version", "version_string",
]

__version__ = _LIB.bilat_version_string()
library_path = _LIB.path


def version():
    """The library's version as major*10000 + minor*100 + micro."""
    return _LIB.bilat_version()


def version_string():
    """The library's version as "major.minor.micro"."""
    return _LIB.bilat_version_string()
