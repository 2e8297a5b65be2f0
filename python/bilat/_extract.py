# SPDX-License-Identifier: MIT
"""Extractor, Document and Fact: the facts of one text, read through the C API."""

import ctypes
import enum
import json
import os

from . import _errors
from ._handle import Handle
from ._lib import LIB


class Kind(enum.IntEnum):
    """bilat_kind: what a fact is about."""
    STATE = 1
    PAIR = 2
    PERSON = 3
    ORGANIZATION = 4
    EVENT = 5
    AREA = 6
    STATUS = 7


class EventType(enum.IntEnum):
    """bilat_event_type."""
    VISIT = 1
    MEETING = 2
    AGREEMENT = 3


class DictKind(enum.IntEnum):
    """bilat_dict_kind: the dictionaries a caller may extend (line formats in the README)."""
    STATES = 1
    ORGANIZATIONS = 2
    OFFICES = 3
    AREAS = 4
    STATUS = 5
    PEOPLE = 6


JSON_PRETTY = 1 << 0
JSON_PLAIN = 1 << 1


def encode_text(text):
    """The UTF-8 bytes handed to C: str is encoded, bytes-like objects pass as they are."""
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError("text must be str or bytes, not %s" % type(text).__name__)


def encode_opt(s, what):
    if s is None:
        return None
    if isinstance(s, str):
        return s.encode("utf-8")
    raise TypeError("%s must be str or None, not %s" % (what, type(s).__name__))


def json_flags(pretty=False, plain=False):
    return (JSON_PRETTY if pretty else 0) | (JSON_PLAIN if plain else 0)


def _dict_kind(kind):
    if isinstance(kind, str):
        try:
            return DictKind[kind.upper()]
        except KeyError:
            raise ValueError("unknown dictionary kind %r" % kind) from None
    return DictKind(kind)


class Extractor(Handle):
    """Dictionaries and patterns compiled once; immutable and shareable between threads.

    date          the document date ("YYYY-MM-DD") relative dates resolve against
    max_size      the largest text accepted, in bytes (default 64 MiB)
    repair_utf8   read invalid UTF-8 as U+FFFD instead of failing
    dictionaries  (kind, lines) pairs: kind a DictKind or its name ("people"), lines a str
                  or bytes of dictionary lines, or an os.PathLike naming a file of them

    An Extractor pickles as its arguments, so a process pool can send it to its workers,
    each of which compiles its own.
    """

    _free_name = "bilat_extractor_free"

    def __init__(self, date=None, max_size=None, repair_utf8=False, dictionaries=()):
        dictionaries = [(_dict_kind(k), v) for k, v in dictionaries]
        self._args = (date, max_size, repair_utf8, tuple(dictionaries))
        opts = ctypes.c_void_p()
        LIB.bilat_options_new(ctypes.byref(opts))
        try:
            if date is not None:
                LIB.bilat_options_set_date(opts, encode_opt(date, "date"))
            if max_size is not None:
                LIB.bilat_options_set_max_size(opts, max_size)
            if repair_utf8:
                LIB.bilat_options_set_repair_utf8(opts, True)
            for kind, lines in dictionaries:
                if isinstance(lines, os.PathLike):
                    LIB.bilat_options_add_dictionary_file(opts, kind, os.fsencode(lines))
                else:
                    data = encode_text(lines)
                    LIB.bilat_options_add_dictionary(opts, kind, data, len(data))
            ex = ctypes.c_void_p()
            LIB.bilat_extractor_new(ctypes.byref(ex), opts)
        finally:
            LIB.bilat_options_free(opts)
        super().__init__(ex.value)

    def __reduce__(self):
        return (_rebuild_extractor, self._args)

    def extract(self, text, date=None):
        """The facts of one text as a Document (caller owns it; close it or let it go).

        text  str, or UTF-8 bytes; fact spans are byte offsets into its UTF-8 form
        date  this document's date ("YYYY-MM-DD"), else the extractor's
        """
        data = encode_text(text)
        out = ctypes.c_void_p()
        if date is None:
            LIB.bilat_extract(ctypes.byref(out), self._ptr(), data, len(data))
        else:
            LIB.bilat_extract_dated(ctypes.byref(out), self._ptr(), data, len(data),
                                    encode_opt(date, "date"))
        return Document(out.value, self._owner, data)

    def to_json(self, text, date=None, pretty=False, plain=False, docid=None):
        """The bilateral-facts/1 record of one text as a JSON string."""
        with self.extract(text, date) as doc:
            return doc.to_json(pretty=pretty, plain=plain, docid=docid)

    def facts(self, text, date=None, plain=False, docid=None):
        """The bilateral-facts/1 record of one text as a dict."""
        return json.loads(self.to_json(text, date, plain=plain, docid=docid))

    def state_code(self, name):
        """A state's name ("Kazakhstan", "Kazakh", "Astana", "kaz") as its alpha-3 code, as
        this extractor's dictionaries know it; None when unknown."""
        return LIB.bilat_extractor_state_code(self._ptr(), encode_opt(name, "name"))


def _rebuild_extractor(date, max_size, repair_utf8, dictionaries):
    return Extractor(date, max_size, repair_utf8, dictionaries)


class Document(Handle):
    """The facts of one text (bilat_doc). Facts read from it keep it alive."""

    _free_name = "bilat_doc_free"

    def __init__(self, ptr, parent=None, text=None):
        # The document's strings may point into the extractor's dictionaries: keep it alive.
        super().__init__(ptr, parent)
        self._text = text

    @property
    def date(self):
        """The document date used ("YYYY-MM-DD"), or None."""
        return LIB.bilat_doc_date(self._ptr())

    @property
    def n_sentences(self):
        return LIB.bilat_doc_n_sentences(self._ptr())

    @property
    def text(self):
        """The UTF-8 bytes the facts' spans index."""
        return self._text

    def count(self, kind):
        return LIB.bilat_doc_n_facts(self._ptr(), Kind(kind))

    def facts(self, kind):
        """Every fact of one Kind, in document order."""
        return list(self.iter(kind))

    def iter(self, kind):
        ptr = self._ptr()
        kind = Kind(kind)
        for i in range(LIB.bilat_doc_n_facts(ptr, kind)):
            yield Fact(LIB.bilat_doc_fact(ptr, kind, i), self._owner, self._text)

    states = property(lambda self: self.facts(Kind.STATE))
    pairs = property(lambda self: self.facts(Kind.PAIR))
    persons = property(lambda self: self.facts(Kind.PERSON))
    organizations = property(lambda self: self.facts(Kind.ORGANIZATION))
    events = property(lambda self: self.facts(Kind.EVENT))
    areas = property(lambda self: self.facts(Kind.AREA))
    statuses = property(lambda self: self.facts(Kind.STATUS))

    def to_json(self, pretty=False, plain=False, docid=None):
        """The bilateral-facts/1 record as a JSON string (plain: only the schema's keys)."""
        out = ctypes.c_void_p()
        LIB.bilat_doc_to_json(ctypes.byref(out), self._ptr(), json_flags(pretty, plain),
                              encode_opt(docid, "docid"))
        return LIB.take_string(out)

    def to_dict(self, plain=False, docid=None):
        return json.loads(self.to_json(plain=plain, docid=docid))

    def __repr__(self):
        if self.closed:
            return "<bilat.Document closed>"
        return "<bilat.Document date=%r %s>" % (
            self.date, " ".join("%s=%d" % (k.name.lower(), self.count(k)) for k in Kind))


def _list(ptr, count, item):
    return tuple(item(ptr, i) for i in range(count(ptr)))


class Fact:
    """One fact of a Document: a borrowed bilat_fact; it keeps its document alive."""

    __slots__ = ("_f", "_owner", "_text")

    def __init__(self, ptr, owner, text=None):
        if not ptr:
            raise _errors.BilatError("libbilat returned NULL", function="bilat_doc_fact")
        self._f = ptr
        self._owner = owner
        self._text = text

    kind = property(lambda self: Kind(LIB.bilat_fact_kind(self._f)))
    start = property(lambda self: LIB.bilat_fact_start(self._f))
    end = property(lambda self: LIB.bilat_fact_end(self._f))
    sentence = property(lambda self: LIB.bilat_fact_sentence(self._f))
    rule = property(lambda self: LIB.bilat_fact_rule(self._f))
    text = property(lambda self: LIB.bilat_fact_text(self._f))
    state = property(lambda self: LIB.bilat_fact_state(self._f))
    parties = property(lambda self: _list(self._f, LIB.bilat_fact_n_parties,
                                          LIB.bilat_fact_party))
    offices = property(lambda self: _list(self._f, LIB.bilat_fact_n_offices,
                                          LIB.bilat_fact_office))
    persons = property(lambda self: _list(self._f, LIB.bilat_fact_n_persons,
                                          LIB.bilat_fact_person))
    actor = property(lambda self: LIB.bilat_fact_actor(self._f))
    target = property(lambda self: LIB.bilat_fact_target(self._f))
    level = property(lambda self: LIB.bilat_fact_level(self._f))
    mode = property(lambda self: LIB.bilat_fact_mode(self._f))
    place = property(lambda self: LIB.bilat_fact_place(self._f))
    date = property(lambda self: LIB.bilat_fact_date(self._f))
    title = property(lambda self: LIB.bilat_fact_title(self._f))
    cameo = property(lambda self: LIB.bilat_fact_cameo(self._f))
    plover = property(lambda self: LIB.bilat_fact_plover(self._f))

    @property
    def span(self):
        """(start, end): byte offsets into the document's UTF-8 text."""
        return (self.start, self.end)

    @property
    def event_type(self):
        t = LIB.bilat_fact_event_type(self._f)
        return EventType(t) if t else None

    @property
    def excerpt(self):
        """The text the fact was read from, or None for derived facts."""
        s, e = self.span
        if self._text is None or e <= s:
            return None
        return self._text[s:e].decode("utf-8", "replace")

    def to_dict(self):
        """Every field that has a value."""
        d = {"kind": self.kind.name.lower(), "text": self.text, "span": list(self.span),
             "sentence": self.sentence, "rule": self.rule}
        for name in ("state", "actor", "target", "level", "mode", "place", "date", "title",
                     "cameo", "plover"):
            v = getattr(self, name)
            if v is not None:
                d[name] = v
        for name in ("parties", "offices", "persons"):
            v = getattr(self, name)
            if v:
                d[name] = list(v)
        if self.event_type is not None:
            d["type"] = self.event_type.name.lower()
        return d

    def __repr__(self):
        return "<bilat.Fact %s %r %d-%d>" % (self.kind.name.lower(), self.text, *self.span)
