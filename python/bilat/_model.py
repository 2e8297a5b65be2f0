# SPDX-License-Identifier: MIT
"""Model, Graph, Event, Official, Edge and Result: many documents merged, queried, exported."""

import collections
import contextlib
import ctypes
import enum
import json
import os
import pathlib

from . import _errors
from ._extract import EventType, encode_opt, encode_text, json_flags
from ._handle import Handle
from ._lib import EDGE_FUNC, LIB


class NodeKind(enum.IntEnum):
    """bilat_node_kind."""
    STATE = 1
    PERSON = 2
    ORGANIZATION = 3


class EdgeKind(enum.IntEnum):
    """bilat_edge_kind."""
    STATE_STATE = 1
    PERSON_STATE = 2
    PERSON_PERSON = 3
    STATE_ORGANIZATION = 4


class Count(enum.IntEnum):
    """bilat_count: the counters of an edge."""
    EVENTS = 1
    DOCUMENTS = 2
    VISITS_OUT = 3
    VISITS_IN = 4
    MEETINGS = 5
    AGREEMENTS = 6
    MENTIONS = 7


class Item(enum.IntEnum):
    """bilat_item: what a query result holds."""
    STATE = 1
    EVENT = 2
    EDGE = 3
    OFFICIAL = 4


class QueryKind(enum.IntEnum):
    """bilat_query_kind: which query made a result."""
    RELATION = 1
    PARTNERS = 2
    EVENTS = 3
    TIMELINE = 4
    PEOPLE = 5
    PATH = 6


EDGES_ALL = sum(1 << k for k in EdgeKind)
EXPORT_STATES_ONLY = 1 << 8

Evidence = collections.namedtuple("Evidence", "doc sentence start end")
Evidence.__doc__ = "One report of an event: document id, sentence index and byte span."


def _edge_mask(kinds):
    if kinds is None:
        return EDGES_ALL
    if isinstance(kinds, (int, EdgeKind)):
        kinds = [kinds]
    return sum(1 << EdgeKind(k) for k in set(kinds))


def _list(ptr, count, item):
    return tuple(item(ptr, i) for i in range(count(ptr)))


class _Borrowed:
    """A pointer borrowed from a model: valid while the model is unchanged.

    It keeps alive what it was read from (the model, or a query result), and raises
    InvalidArgumentError when used after the model was changed (a document added, a merge),
    as the C API makes such pointers dangle.
    """

    __slots__ = ("_p", "_keep", "_model", "_generation")

    def __init__(self, ptr, keep, model):
        if not ptr:
            raise _errors.BilatError("libbilat returned NULL")
        self._p = ptr
        self._keep = keep
        self._model = model
        self._generation = model.generation

    def _ptr(self):
        if self._model.generation != self._generation:
            raise _errors.InvalidArgumentError(
                "the model changed after this %s was read; read it again from the model"
                % type(self).__name__.lower(), code=_errors.Status.EINVAL)
        return self._p

    def __eq__(self, other):
        return type(self) is type(other) and self._p == other._p and \
            self._model is other._model and self._generation == other._generation

    def __hash__(self):
        return hash((type(self), self._p))


class Event(_Borrowed):
    """One event of a model, merged from every report of it."""

    __slots__ = ()

    id = property(lambda self: LIB.bilat_event_id(self._ptr()))
    kind_name = property(lambda self: LIB.bilat_event_kind_name(self._ptr()))
    actor = property(lambda self: LIB.bilat_event_actor(self._ptr()))
    target = property(lambda self: LIB.bilat_event_target(self._ptr()))
    date = property(lambda self: LIB.bilat_event_date(self._ptr()))
    when = property(lambda self: LIB.bilat_event_when(self._ptr()))
    level = property(lambda self: LIB.bilat_event_level(self._ptr()))
    mode = property(lambda self: LIB.bilat_event_mode(self._ptr()))
    place = property(lambda self: LIB.bilat_event_place(self._ptr()))
    title = property(lambda self: LIB.bilat_event_title(self._ptr()))
    cameo = property(lambda self: LIB.bilat_event_cameo(self._ptr()))
    plover = property(lambda self: LIB.bilat_event_plover(self._ptr()))
    parties = property(lambda self: _list(self._ptr(), LIB.bilat_event_n_parties,
                                          LIB.bilat_event_party))
    persons = property(lambda self: _list(self._ptr(), LIB.bilat_event_n_persons,
                                          LIB.bilat_event_person))
    areas = property(lambda self: _list(self._ptr(), LIB.bilat_event_n_areas,
                                        LIB.bilat_event_area))

    @property
    def kind(self):
        """The EventType."""
        return EventType(LIB.bilat_event_kind(self._ptr()))

    @property
    def evidence(self):
        """Every report merged into the event, as Evidence(doc, sentence, start, end)."""
        p = self._ptr()
        return tuple(Evidence(LIB.bilat_event_evidence_doc(p, i),
                              LIB.bilat_event_evidence_sentence(p, i),
                              LIB.bilat_event_evidence_start(p, i),
                              LIB.bilat_event_evidence_end(p, i))
                     for i in range(LIB.bilat_event_n_evidence(p)))

    def to_dict(self):
        d = {"id": self.id, "kind": self.kind_name}
        for name in ("date", "when", "actor", "target", "level", "mode", "place", "title",
                     "cameo", "plover"):
            v = getattr(self, name)
            if v is not None:
                d[name] = v
        for name in ("parties", "persons", "areas"):
            d[name] = list(getattr(self, name))
        d["evidence"] = [e._asdict() for e in self.evidence]
        return d

    def __repr__(self):
        return "<bilat.Event %s %s %s %s>" % (self.id, self.kind_name, "-".join(self.parties),
                                              self.date or self.when or "")


class Official(_Borrowed):
    """One official (a person serving a state) of a model, resolved across documents."""

    __slots__ = ()

    id = property(lambda self: LIB.bilat_official_id(self._ptr()))
    name = property(lambda self: LIB.bilat_official_name(self._ptr()))
    state = property(lambda self: LIB.bilat_official_state(self._ptr()))
    first_seen = property(lambda self: LIB.bilat_official_first_seen(self._ptr()))
    last_seen = property(lambda self: LIB.bilat_official_last_seen(self._ptr()))
    n_documents = property(lambda self: LIB.bilat_official_n_documents(self._ptr()))
    aliases = property(lambda self: _list(self._ptr(), LIB.bilat_official_n_aliases,
                                          LIB.bilat_official_alias))
    offices = property(lambda self: _list(self._ptr(), LIB.bilat_official_n_offices,
                                          LIB.bilat_official_office))

    def to_dict(self):
        return {"id": self.id, "name": self.name, "state": self.state,
                "aliases": list(self.aliases), "offices": list(self.offices),
                "first_seen": self.first_seen, "last_seen": self.last_seen,
                "documents": self.n_documents}

    def __repr__(self):
        return "<bilat.Official %r %s>" % (self.name, self.state or "?")


class Edge(_Borrowed):
    """One edge of a model's graph."""

    __slots__ = ()

    source = property(lambda self: LIB.bilat_edge_source(self._ptr()))
    target = property(lambda self: LIB.bilat_edge_target(self._ptr()))
    weight = property(lambda self: LIB.bilat_edge_weight(self._ptr()))
    first = property(lambda self: LIB.bilat_edge_first(self._ptr()))
    last = property(lambda self: LIB.bilat_edge_last(self._ptr()))
    status = property(lambda self: LIB.bilat_edge_status(self._ptr()))

    @property
    def kind(self):
        return EdgeKind(LIB.bilat_edge_kind(self._ptr()))

    def count(self, counter):
        """A Count of the edge (0 where it does not apply)."""
        return LIB.bilat_edge_count(self._ptr(), Count(counter))

    @property
    def counts(self):
        """Every counter, by lower-case name ("events", "visits_out", ...)."""
        p = self._ptr()
        return {c.name.lower(): LIB.bilat_edge_count(p, c) for c in Count}

    @property
    def areas(self):
        """(area, weight) pairs, heaviest first."""
        p = self._ptr()
        return tuple((LIB.bilat_edge_area(p, i), LIB.bilat_edge_area_weight(p, i))
                     for i in range(LIB.bilat_edge_n_areas(p)))

    @property
    def official(self):
        """A person-state edge's Official, else None."""
        p = LIB.bilat_edge_official(self._ptr())
        return Official(p, self._keep, self._model) if p else None

    def to_dict(self):
        d = {"kind": self.kind.name.lower(), "source": self.source, "target": self.target,
             "weight": self.weight, "first": self.first, "last": self.last}
        d.update(self.counts)
        if self.kind == EdgeKind.STATE_STATE:
            d["status"] = self.status
            d["areas"] = [list(a) for a in self.areas]
        return d

    def __repr__(self):
        return "<bilat.Edge %s %s-%s weight=%g>" % (self.kind.name.lower(), self.source,
                                                    self.target, self.weight)


class Graph:
    """The graph of a model (borrowed for the model's lifetime; it keeps the model alive)."""

    __slots__ = ("_g", "_model")

    def __init__(self, ptr, model_owner):
        if not ptr:
            raise _errors.BilatError("libbilat returned NULL", function="bilat_model_graph")
        self._g = ptr
        self._model = model_owner

    def nodes(self, kind=NodeKind.STATE):
        """The ids of the nodes of one NodeKind, in id order."""
        kind = NodeKind(kind)
        return [LIB.bilat_graph_node(self._g, kind, i)
                for i in range(LIB.bilat_graph_n_nodes(self._g, kind))]

    def label(self, node_id):
        """A node's label (a state's code, a person's or organization's name), or None."""
        return LIB.bilat_graph_node_label(self._g, encode_opt(node_id, "node id"))

    def edge(self, a, b):
        """The state-state Edge between two alpha-3 codes, or None."""
        p = LIB.bilat_graph_edge(self._g, encode_opt(a, "state"), encode_opt(b, "state"))
        return Edge(p, self._model, self._model) if p else None

    def walk(self, fn, kinds=None, node=None):
        """Call fn(edge) for every edge of the given EdgeKinds (all by default), touching
        node when given. A true return value stops the walk and is returned; an exception
        stops it and propagates."""
        stopped = {}
        model = self._model

        def trampoline(edge_ptr, _payload):
            try:
                r = fn(Edge(edge_ptr, model, model))
            except BaseException as e:  # noqa: B902 - re-raised after the C walk returns
                stopped["error"] = e
                return 1
            if r:
                stopped["value"] = r
                return 1
            return 0

        callback = EDGE_FUNC(trampoline)
        rc = LIB.bilat_graph_walk(self._g, _edge_mask(kinds), encode_opt(node, "node id"),
                                  callback, None)
        if "error" in stopped:
            raise stopped["error"]
        if "value" in stopped:
            return stopped["value"]
        if rc < 0:
            raise _errors.from_code(rc, LIB.bilat_strerror(rc), -1, "bilat_graph_walk")
        return None

    def edges(self, kinds=None, node=None):
        """Every edge of the given EdgeKinds (all by default), touching node when given."""
        out = []
        self.walk(out.append, kinds, node)
        return out


class Result(Handle):
    """What a query found (bilat_result); its items are valid while the model is unchanged."""

    _free_name = "bilat_result_free"

    def __init__(self, ptr, model_owner):
        super().__init__(ptr, model_owner)
        self._model = model_owner
        self._generation = model_owner.generation

    def _rptr(self):
        p = self._ptr()
        if self._model.generation != self._generation:
            raise _errors.InvalidArgumentError(
                "the model changed after this query; run it again",
                code=_errors.Status.EINVAL)
        return p

    @property
    def kind(self):
        return QueryKind(LIB.bilat_result_kind(self._rptr()))

    def count(self, item):
        return LIB.bilat_result_n(self._rptr(), Item(item))

    def _items(self, item, get, wrap):
        p = self._rptr()
        return [wrap(get(p, i)) for i in range(LIB.bilat_result_n(p, item))]

    @property
    def states(self):
        return self._items(Item.STATE, LIB.bilat_result_state, lambda s: s)

    @property
    def scores(self):
        """The score of each state (bilat_query_partners(): events in the range)."""
        p = self._rptr()
        return [LIB.bilat_result_score(p, i) for i in range(LIB.bilat_result_n(p, Item.STATE))]

    @property
    def events(self):
        return self._items(Item.EVENT, LIB.bilat_result_event,
                           lambda e: Event(e, self._owner, self._model))

    @property
    def edges(self):
        return self._items(Item.EDGE, LIB.bilat_result_edge,
                           lambda e: Edge(e, self._owner, self._model))

    @property
    def officials(self):
        return self._items(Item.OFFICIAL, LIB.bilat_result_official,
                           lambda p: Official(p, self._owner, self._model))

    def to_json(self, pretty=False):
        out = ctypes.c_void_p()
        LIB.bilat_result_to_json(ctypes.byref(out), self._rptr(), json_flags(pretty))
        return LIB.take_string(out)

    def to_dict(self):
        return json.loads(self.to_json())

    def __repr__(self):
        if self.closed:
            return "<bilat.Result closed>"
        return "<bilat.Result %s %s>" % (self.kind.name.lower(), " ".join(
            "%s=%d" % (i.name.lower(), self.count(i)) for i in Item))


@contextlib.contextmanager
def _size_options(max_size):
    """NULL options (the defaults), or options with a size limit, freed afterwards."""
    if max_size is None:
        yield None
        return
    opts = ctypes.c_void_p()
    LIB.bilat_options_new(ctypes.byref(opts))
    try:
        LIB.bilat_options_set_max_size(opts, max_size)
        yield opts
    finally:
        LIB.bilat_options_free(opts)


_FORMATS = {".json": "json", ".graphml": "graphml", ".dot": "dot", ".gv": "dot",
            ".csv": "csv", ".jsonl": "jsonl"}


class Model(Handle):
    """Many documents in one model: people resolved, events merged, a graph of relations.

    Used by one thread at a time. Events, people, edges and results read from a model are
    valid until it changes (add, merge); using one after that raises InvalidArgumentError.
    A Model pickles as its JSON, so a process pool can send per-worker models back to be
    merged.
    """

    _free_name = "bilat_model_free"

    def __init__(self, _ptr=None):
        if _ptr is None:
            out = ctypes.c_void_p()
            LIB.bilat_model_new(ctypes.byref(out))
            _ptr = out.value
        super().__init__(_ptr)

    # ---- making and changing ----------------------------------------------------------

    @classmethod
    def from_json(cls, text, max_size=None):
        """Rebuild a model from to_json() output (str or bytes; untrusted input is fine).
        Input over max_size bytes (default 64 MiB) raises LimitError."""
        data = encode_text(text)
        out = ctypes.c_void_p()
        with _size_options(max_size) as opts:
            LIB.bilat_model_from_json(ctypes.byref(out), opts, data, len(data))
        return cls(out.value)

    @classmethod
    def load(cls, path, max_size=None):
        """Read a file written by save() (see from_json())."""
        out = ctypes.c_void_p()
        with _size_options(max_size) as opts:
            LIB.bilat_model_load(ctypes.byref(out), opts, os.fsencode(path))
        return cls(out.value)

    def __reduce__(self):
        # A module-level function: cloudpickle (dask) pickles it by reference.
        return (_model_from_json, (self.to_json(),))

    def _changing(self):
        p = self._ptr()
        self._owner.generation += 1
        return p

    def add(self, doc, docid):
        """Add the facts of an extracted Document under a unique id."""
        LIB.bilat_model_add_doc(self._changing(), encode_opt(docid, "docid"), doc._ptr())
        return self

    def add_text(self, extractor, text, docid, date=None):
        """Extract text with an Extractor and add its facts under a unique id."""
        data = encode_text(text)
        LIB.bilat_model_add_text(self._changing(), extractor._ptr(),
                                 encode_opt(docid, "docid"), encode_opt(date, "date"),
                                 data, len(data))
        return self

    def add_file(self, extractor, path, docid=None, date=None):
        """Add one file's text; its id is docid, else the path as given."""
        path = pathlib.Path(path)
        return self.add_text(extractor, path.read_bytes(),
                             str(path) if docid is None else docid, date)

    def add_files(self, extractor, source, pattern="*.txt", date=None):
        """Add a directory's files matching pattern (recursively), or an iterable of paths.

        A directory's files get their path relative to it as id, so that models built
        from parts of one directory merge without clashes. Returns the ids added.
        """
        if isinstance(source, (str, os.PathLike)) and pathlib.Path(source).is_dir():
            root = pathlib.Path(source)
            items = [(p, p.relative_to(root).as_posix())
                     for p in sorted(root.rglob(pattern)) if p.is_file()]
        else:
            items = [(pathlib.Path(p), str(p)) for p in source]
        added = []
        for path, docid in items:
            self.add_file(extractor, path, docid, date)
            added.append(docid)
        return added

    def merge(self, other):
        """Add every document of another model that this one does not hold (by id)."""
        if other is self:
            raise _errors.InvalidArgumentError("a model cannot merge itself",
                                               code=_errors.Status.EINVAL)
        src = other._ptr()
        LIB.bilat_model_merge(self._changing(), src)
        return self

    def range(self, since=None, until=None):
        """A new Model of what the documents say within a date range (inclusive)."""
        out = ctypes.c_void_p()
        LIB.bilat_model_range(ctypes.byref(out), self._ptr(), encode_opt(since, "since"),
                              encode_opt(until, "until"))
        return Model(out.value)

    # ---- reading ----------------------------------------------------------------------

    def __len__(self):
        return LIB.bilat_model_n_documents(self._ptr())

    @property
    def documents(self):
        """(id, date) of every document, in id order."""
        p = self._ptr()
        return [(LIB.bilat_model_document_id(p, i), LIB.bilat_model_document_date(p, i))
                for i in range(LIB.bilat_model_n_documents(p))]

    @property
    def states(self):
        """The alpha-3 codes of every state named, in code order."""
        p = self._ptr()
        return [LIB.bilat_model_state(p, i) for i in range(LIB.bilat_model_n_states(p))]

    @property
    def organizations(self):
        p = self._ptr()
        return [LIB.bilat_model_organization(p, i)
                for i in range(LIB.bilat_model_n_organizations(p))]

    @property
    def n_events(self):
        return LIB.bilat_model_n_events(self._ptr())

    @property
    def n_officials(self):
        return LIB.bilat_model_n_officials(self._ptr())

    def iter_events(self):
        """The events in date order (undated last); stops with an error if the model changes."""
        p = self._ptr()
        owner = self._owner
        generation = owner.generation
        for i in range(LIB.bilat_model_n_events(p)):
            if owner.generation != generation:
                raise RuntimeError("the model changed during iteration")
            yield Event(LIB.bilat_model_event(p, i), owner, owner)

    def iter_officials(self):
        """The officials (people serving a state), ordered by state then name."""
        p = self._ptr()
        owner = self._owner
        generation = owner.generation
        for i in range(LIB.bilat_model_n_officials(p)):
            if owner.generation != generation:
                raise RuntimeError("the model changed during iteration")
            yield Official(LIB.bilat_model_official(p, i), owner, owner)

    events = property(lambda self: list(self.iter_events()))
    officials = property(lambda self: list(self.iter_officials()))

    @property
    def graph(self):
        return Graph(LIB.bilat_model_graph(self._ptr()), self._owner)

    # ---- queries, as in the C API -------------------------------------------------------

    def _query(self, fn, *args):
        out = ctypes.c_void_p()
        fn(ctypes.byref(out), self._ptr(), *args)
        return Result(out.value, self._owner)

    def query_relation(self, a, b):
        """The relation between two states (alpha-3 codes): the edge and the pair's events."""
        return self._query(LIB.bilat_query_relation, encode_opt(a, "state"),
                           encode_opt(b, "state"))

    def query_partners(self, state, since=None, until=None):
        """The states `state` has relations with, most active first; scores are events."""
        return self._query(LIB.bilat_query_partners, encode_opt(state, "state"),
                           encode_opt(since, "since"), encode_opt(until, "until"))

    def query_events(self, type=None, state=None, pair=None, person=None, area=None,
                     since=None, until=None):
        """The events matching every criterion given, in date order.

        type  an EventType or its name ("visit"); pair  two alpha-3 codes
        """
        if isinstance(type, str):
            type = EventType[type.upper()]
        out = ctypes.c_void_p()
        LIB.bilat_filter_new(ctypes.byref(out))
        f = out.value
        try:
            if type is not None:
                LIB.bilat_filter_set_type(f, EventType(type))
            if state is not None:
                LIB.bilat_filter_set_state(f, encode_opt(state, "state"))
            if pair is not None:
                a, b = pair
                LIB.bilat_filter_set_pair(f, encode_opt(a, "state"), encode_opt(b, "state"))
            if person is not None:
                LIB.bilat_filter_set_person(f, encode_opt(person, "person"))
            if area is not None:
                LIB.bilat_filter_set_area(f, encode_opt(area, "area"))
            if since is not None:
                LIB.bilat_filter_set_since(f, encode_opt(since, "since"))
            if until is not None:
                LIB.bilat_filter_set_until(f, encode_opt(until, "until"))
            return self._query(LIB.bilat_query_events, f)
        finally:
            LIB.bilat_filter_free(f)

    def query_timeline(self, a, b):
        """The events between two states in date order."""
        return self._query(LIB.bilat_query_timeline, encode_opt(a, "state"),
                           encode_opt(b, "state"))

    def query_people(self, state):
        """The officials serving a state (Result.officials), most often named first."""
        return self._query(LIB.bilat_query_people, encode_opt(state, "state"))

    def query_path(self, source, target):
        """The shortest chain of state-state relations between two states."""
        return self._query(LIB.bilat_query_path, encode_opt(source, "state"),
                           encode_opt(target, "state"))

    # ---- formats ------------------------------------------------------------------------

    def _export(self, fn, flags):
        out = ctypes.c_void_p()
        fn(ctypes.byref(out), self._ptr(), flags)
        return LIB.take_string(out)

    def to_json(self, pretty=False):
        """The model as versioned JSON, from which from_json() rebuilds an equal model."""
        return self._export(LIB.bilat_model_to_json, json_flags(pretty))

    def save(self, path, pretty=False):
        """Write to_json() to a file, atomically."""
        LIB.bilat_model_save(self._ptr(), os.fsencode(path), json_flags(pretty))

    def to_graphml(self, states_only=False):
        return self._export(LIB.bilat_model_to_graphml,
                            EXPORT_STATES_ONLY if states_only else 0)

    def to_dot(self, states_only=False):
        return self._export(LIB.bilat_model_to_dot, EXPORT_STATES_ONLY if states_only else 0)

    def to_csv(self):
        """The events as RFC 4180 CSV (CRLF line ends); write it with newline=""."""
        return self._export(LIB.bilat_model_to_csv, 0)

    def to_jsonl(self):
        """The events as PLOVER-style JSON lines."""
        return self._export(LIB.bilat_model_to_jsonl, 0)

    def export(self, path, format=None, states_only=False):
        """Write the model to a file in a format named, or told by the file's suffix
        (.json, .graphml, .dot/.gv, .csv, .jsonl)."""
        path = pathlib.Path(path)
        fmt = format or _FORMATS.get(path.suffix.lower())
        if fmt == "json":
            self.save(path)
            return
        writers = {"graphml": lambda: self.to_graphml(states_only),
                   "dot": lambda: self.to_dot(states_only), "csv": self.to_csv,
                   "jsonl": self.to_jsonl}
        if fmt not in writers:
            raise ValueError("unknown export format %r for %s" % (fmt, path))
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(writers[fmt]())

    def __repr__(self):
        if self.closed:
            return "<bilat.Model closed>"
        return "<bilat.Model documents=%d events=%d officials=%d>" % (
            len(self), self.n_events, self.n_officials)


def _model_from_json(text):
    return Model.from_json(text)
