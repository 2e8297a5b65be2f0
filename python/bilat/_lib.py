# SPDX-License-Identifier: MIT
"""Loads libbilat and declares the signature of every C function the wrapper calls."""

import ctypes
import ctypes.util
import glob
import json
import os
import pathlib

from . import _errors

# The oldest library this wrapper works with, as bilat_version() counts it; the major
# version must match (0.x only adds functions, so a newer 0.y is fine).
MIN_VERSION = 100

_P = ctypes.c_void_p          # every handle, and every pointer we do not read as a string
_PP = ctypes.POINTER(ctypes.c_void_p)
_S = ctypes.c_char_p          # borrowed input / output strings
_Z = ctypes.c_size_t
_I = ctypes.c_int
_U = ctypes.c_uint
_B = ctypes.c_bool
_I64 = ctypes.c_int64
_U64 = ctypes.c_uint64
_D = ctypes.c_double

# bilat_edge_func: int (*)(const bilat_edge *edge, void *payload)
EDGE_FUNC = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)

# How a function returns. Strings we allocate come only through `char **out` parameters
# (declared POINTER(c_void_p), read with take_string(), which frees them), never as return
# values, so no return value needs freeing.
BORROWED = "borrowed"  # restype c_char_p: decoded to str (or None), never freed
STATUS = "status"      # restype int: BILAT_OK or a negative code; last argument is the error
VALUE = "value"        # any other return value, passed through


def _candidates():
    """Where to look for the library, in order."""
    env = os.environ.get("BILAT_LIBRARY")
    if env:
        # An explicit choice is final: failing to load it is an error, not a fall-through.
        return [env], True
    names = []
    root = pathlib.Path(__file__).resolve().parents[2]
    if (root / "lib" / "libbilat.map").is_file() and (root / "meson.build").is_file():
        # Running from a source checkout: the newest build tree's library.
        built = []
        for path in glob.glob(str(root / "*" / "lib" / "libbilat.so.0")):
            if _sanitized(pathlib.Path(path).parents[1]):
                continue
            try:
                built.append((os.path.getmtime(path), path))
            except OSError:
                pass  # a dangling link, or a build tree being made right now
        names.extend(path for _, path in sorted(built, reverse=True))
    found = ctypes.util.find_library("bilat")
    if found:
        names.append(found)
    names.append("libbilat.so.0")
    return names, False


def _sanitized(build_dir):
    """Whether a meson build tree was configured with sanitizers: loading its library into
    an interpreter without the sanitizer runtime preloaded would abort the process."""
    try:
        with open(build_dir / "meson-info" / "intro-buildoptions.json") as f:
            options = json.load(f)
    except (OSError, ValueError):
        return False
    return any(o.get("name") == "b_sanitize" and o.get("value") not in (None, "none")
               for o in options)


def _load():
    names, explicit = _candidates()
    errors = []
    for name in names:
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            if explicit:
                raise ImportError("BILAT_LIBRARY=%s cannot be loaded: %s" % (name, e)) from e
            errors.append("%s: %s" % (name, e))
    raise ImportError("libbilat not found; set BILAT_LIBRARY to the path of libbilat.so.0 "
                      "(tried %s)" % "; ".join(errors))


class Library:
    """The loaded libbilat: one attribute per declared C function."""

    def __init__(self, cdll, path):
        self.cdll = cdll
        self.path = path
        self.declared = {}

    def declare(self, name, kind, restype, argtypes):
        """The one place a C function gets its argtypes, restype and errcheck."""
        try:
            fn = getattr(self.cdll, name)
        except AttributeError:
            raise ImportError("%s (%s) lacks %s; the wrapper needs libbilat >= %s"
                              % (self.path, _version_text(self), name,
                                 _format_version(MIN_VERSION))) from None
        if kind == STATUS:
            fn.argtypes = list(argtypes) + [_PP]
            fn.restype = _I
            fn.errcheck = _check_status
            call = _with_error(fn)
        elif kind == BORROWED:
            fn.argtypes = list(argtypes)
            fn.restype = _S
            fn.errcheck = _decode_borrowed
            call = fn
        elif kind == VALUE:
            fn.argtypes = list(argtypes)
            fn.restype = restype
            fn.errcheck = _passthrough
            call = fn
        else:
            raise ValueError(kind)
        self.declared[name] = fn
        setattr(self, name, call)
        return call

    def take_string(self, ptr):
        """Decode a string libbilat allocated for us, then give it back with bilat_free()."""
        if isinstance(ptr, ctypes.c_void_p):
            ptr = ptr.value
        if not ptr:
            return None
        try:
            return ctypes.string_at(ptr).decode("utf-8")
        finally:
            self.bilat_free(ptr)


def _with_error(fn):
    def call(*args):
        # The error slot is a fresh NULL each call; _check_status frees what it receives.
        return fn(*args, ctypes.c_void_p())
    call.__name__ = fn.__name__
    call.cfunc = fn
    return call


def _passthrough(result, func, args):
    return result


def _decode_borrowed(result, func, args):
    return None if result is None else result.decode("utf-8")


def _check_status(result, func, args):
    if result >= 0:
        return result
    err = args[-1]
    lib = LIB
    if isinstance(err, ctypes.c_void_p) and err.value:
        try:
            code = lib.bilat_error_code(err) or result
            message = lib.bilat_error_message(err)
            offset = lib.bilat_error_offset(err)
        finally:
            lib.bilat_error_free(err)
            err.value = None
    else:
        code, message, offset = result, lib.bilat_strerror(result), -1
    raise _errors.from_code(code, message, offset, func.__name__)


# name, kind, restype (VALUE only), argtypes (STATUS: without the trailing error)
SIGNATURES = [
    # common, version, errors
    ("bilat_free", VALUE, None, [_P]),
    ("bilat_version", VALUE, _I, []),
    ("bilat_version_string", BORROWED, None, []),
    ("bilat_error_code", VALUE, _I, [_P]),
    ("bilat_error_message", BORROWED, None, [_P]),
    ("bilat_error_offset", VALUE, _I64, [_P]),
    ("bilat_error_free", VALUE, None, [_P]),
    ("bilat_strerror", BORROWED, None, [_I]),
    # options
    ("bilat_options_new", STATUS, None, [_PP]),
    ("bilat_options_free", VALUE, None, [_P]),
    ("bilat_options_set_date", STATUS, None, [_P, _S]),
    ("bilat_options_set_max_size", STATUS, None, [_P, _Z]),
    ("bilat_options_set_repair_utf8", STATUS, None, [_P, _B]),
    ("bilat_options_add_dictionary", STATUS, None, [_P, _I, _S, _Z]),
    ("bilat_options_add_dictionary_file", STATUS, None, [_P, _I, _S]),
    # extractor
    ("bilat_extractor_new", STATUS, None, [_PP, _P]),
    ("bilat_extractor_free", VALUE, None, [_P]),
    ("bilat_extract", STATUS, None, [_PP, _P, _S, _Z]),
    ("bilat_extract_dated", STATUS, None, [_PP, _P, _S, _Z, _S]),
    # documents
    ("bilat_doc_free", VALUE, None, [_P]),
    ("bilat_doc_date", BORROWED, None, [_P]),
    ("bilat_doc_n_sentences", VALUE, _Z, [_P]),
    ("bilat_doc_n_facts", VALUE, _Z, [_P, _I]),
    ("bilat_doc_fact", VALUE, _P, [_P, _I, _Z]),
    ("bilat_doc_to_json", STATUS, None, [_PP, _P, _U, _S]),
    # facts
    ("bilat_fact_kind", VALUE, _I, [_P]),
    ("bilat_fact_start", VALUE, _Z, [_P]),
    ("bilat_fact_end", VALUE, _Z, [_P]),
    ("bilat_fact_sentence", VALUE, _I, [_P]),
    ("bilat_fact_rule", BORROWED, None, [_P]),
    ("bilat_fact_text", BORROWED, None, [_P]),
    ("bilat_fact_state", BORROWED, None, [_P]),
    ("bilat_fact_n_parties", VALUE, _Z, [_P]),
    ("bilat_fact_party", BORROWED, None, [_P, _Z]),
    ("bilat_fact_n_offices", VALUE, _Z, [_P]),
    ("bilat_fact_office", BORROWED, None, [_P, _Z]),
    ("bilat_fact_event_type", VALUE, _I, [_P]),
    ("bilat_fact_actor", BORROWED, None, [_P]),
    ("bilat_fact_target", BORROWED, None, [_P]),
    ("bilat_fact_level", BORROWED, None, [_P]),
    ("bilat_fact_mode", BORROWED, None, [_P]),
    ("bilat_fact_place", BORROWED, None, [_P]),
    ("bilat_fact_date", BORROWED, None, [_P]),
    ("bilat_fact_title", BORROWED, None, [_P]),
    ("bilat_fact_n_persons", VALUE, _Z, [_P]),
    ("bilat_fact_person", BORROWED, None, [_P, _Z]),
    ("bilat_fact_cameo", BORROWED, None, [_P]),
    ("bilat_fact_plover", BORROWED, None, [_P]),
    # the model
    ("bilat_model_new", STATUS, None, [_PP]),
    ("bilat_model_free", VALUE, None, [_P]),
    ("bilat_model_add_doc", STATUS, None, [_P, _S, _P]),
    ("bilat_model_add_text", STATUS, None, [_P, _P, _S, _S, _S, _Z]),
    ("bilat_model_merge", STATUS, None, [_P, _P]),
    ("bilat_model_range", STATUS, None, [_PP, _P, _S, _S]),
    ("bilat_model_n_documents", VALUE, _Z, [_P]),
    ("bilat_model_document_id", BORROWED, None, [_P, _Z]),
    ("bilat_model_document_date", BORROWED, None, [_P, _Z]),
    ("bilat_model_n_states", VALUE, _Z, [_P]),
    ("bilat_model_state", BORROWED, None, [_P, _Z]),
    ("bilat_model_n_organizations", VALUE, _Z, [_P]),
    ("bilat_model_organization", BORROWED, None, [_P, _Z]),
    ("bilat_model_n_officials", VALUE, _Z, [_P]),
    ("bilat_model_official", VALUE, _P, [_P, _Z]),
    ("bilat_model_n_events", VALUE, _Z, [_P]),
    ("bilat_model_event", VALUE, _P, [_P, _Z]),
    # events
    ("bilat_event_id", BORROWED, None, [_P]),
    ("bilat_event_kind", VALUE, _I, [_P]),
    ("bilat_event_kind_name", BORROWED, None, [_P]),
    ("bilat_event_actor", BORROWED, None, [_P]),
    ("bilat_event_target", BORROWED, None, [_P]),
    ("bilat_event_n_parties", VALUE, _Z, [_P]),
    ("bilat_event_party", BORROWED, None, [_P, _Z]),
    ("bilat_event_date", BORROWED, None, [_P]),
    ("bilat_event_when", BORROWED, None, [_P]),
    ("bilat_event_level", BORROWED, None, [_P]),
    ("bilat_event_mode", BORROWED, None, [_P]),
    ("bilat_event_place", BORROWED, None, [_P]),
    ("bilat_event_title", BORROWED, None, [_P]),
    ("bilat_event_cameo", BORROWED, None, [_P]),
    ("bilat_event_plover", BORROWED, None, [_P]),
    ("bilat_event_n_persons", VALUE, _Z, [_P]),
    ("bilat_event_person", BORROWED, None, [_P, _Z]),
    ("bilat_event_n_areas", VALUE, _Z, [_P]),
    ("bilat_event_area", BORROWED, None, [_P, _Z]),
    ("bilat_event_n_evidence", VALUE, _Z, [_P]),
    ("bilat_event_evidence_doc", BORROWED, None, [_P, _Z]),
    ("bilat_event_evidence_sentence", VALUE, _I, [_P, _Z]),
    ("bilat_event_evidence_start", VALUE, _Z, [_P, _Z]),
    ("bilat_event_evidence_end", VALUE, _Z, [_P, _Z]),
    # officials
    ("bilat_official_id", BORROWED, None, [_P]),
    ("bilat_official_name", BORROWED, None, [_P]),
    ("bilat_official_state", BORROWED, None, [_P]),
    ("bilat_official_n_aliases", VALUE, _Z, [_P]),
    ("bilat_official_alias", BORROWED, None, [_P, _Z]),
    ("bilat_official_n_offices", VALUE, _Z, [_P]),
    ("bilat_official_office", BORROWED, None, [_P, _Z]),
    ("bilat_official_first_seen", BORROWED, None, [_P]),
    ("bilat_official_last_seen", BORROWED, None, [_P]),
    ("bilat_official_n_documents", VALUE, _Z, [_P]),
    # the graph
    ("bilat_model_graph", VALUE, _P, [_P]),
    ("bilat_graph_n_nodes", VALUE, _Z, [_P, _I]),
    ("bilat_graph_node", BORROWED, None, [_P, _I, _Z]),
    ("bilat_graph_node_label", BORROWED, None, [_P, _S]),
    ("bilat_graph_edge", VALUE, _P, [_P, _S, _S]),
    ("bilat_graph_walk", VALUE, _I, [_P, _U, _S, EDGE_FUNC, _P]),
    ("bilat_edge_kind", VALUE, _I, [_P]),
    ("bilat_edge_source", BORROWED, None, [_P]),
    ("bilat_edge_target", BORROWED, None, [_P]),
    ("bilat_edge_count", VALUE, _U64, [_P, _I]),
    ("bilat_edge_weight", VALUE, _D, [_P]),
    ("bilat_edge_first", BORROWED, None, [_P]),
    ("bilat_edge_last", BORROWED, None, [_P]),
    ("bilat_edge_status", BORROWED, None, [_P]),
    ("bilat_edge_n_areas", VALUE, _Z, [_P]),
    ("bilat_edge_area", BORROWED, None, [_P, _Z]),
    ("bilat_edge_area_weight", VALUE, _U64, [_P, _Z]),
    ("bilat_edge_official", VALUE, _P, [_P]),
    # filters and queries
    ("bilat_filter_new", STATUS, None, [_PP]),
    ("bilat_filter_free", VALUE, None, [_P]),
    ("bilat_filter_set_type", STATUS, None, [_P, _I]),
    ("bilat_filter_set_state", STATUS, None, [_P, _S]),
    ("bilat_filter_set_pair", STATUS, None, [_P, _S, _S]),
    ("bilat_filter_set_person", STATUS, None, [_P, _S]),
    ("bilat_filter_set_area", STATUS, None, [_P, _S]),
    ("bilat_filter_set_since", STATUS, None, [_P, _S]),
    ("bilat_filter_set_until", STATUS, None, [_P, _S]),
    ("bilat_query_relation", STATUS, None, [_PP, _P, _S, _S]),
    ("bilat_query_partners", STATUS, None, [_PP, _P, _S, _S, _S]),
    ("bilat_query_events", STATUS, None, [_PP, _P, _P]),
    ("bilat_query_timeline", STATUS, None, [_PP, _P, _S, _S]),
    ("bilat_query_people", STATUS, None, [_PP, _P, _S]),
    ("bilat_query_path", STATUS, None, [_PP, _P, _S, _S]),
    ("bilat_result_free", VALUE, None, [_P]),
    ("bilat_result_kind", VALUE, _I, [_P]),
    ("bilat_result_n", VALUE, _Z, [_P, _I]),
    ("bilat_result_state", BORROWED, None, [_P, _Z]),
    ("bilat_result_event", VALUE, _P, [_P, _Z]),
    ("bilat_result_edge", VALUE, _P, [_P, _Z]),
    ("bilat_result_official", VALUE, _P, [_P, _Z]),
    ("bilat_result_score", VALUE, _U64, [_P, _Z]),
    ("bilat_result_to_json", STATUS, None, [_PP, _P, _U]),
    ("bilat_extractor_state_code", BORROWED, None, [_P, _S]),
    # formats
    ("bilat_model_to_json", STATUS, None, [_PP, _P, _U]),
    ("bilat_model_from_json", STATUS, None, [_PP, _P, _S, _Z]),
    ("bilat_model_save", STATUS, None, [_P, _S, _U]),
    ("bilat_model_load", STATUS, None, [_PP, _P, _S]),
    ("bilat_model_to_graphml", STATUS, None, [_PP, _P, _U]),
    ("bilat_model_to_dot", STATUS, None, [_PP, _P, _U]),
    ("bilat_model_to_csv", STATUS, None, [_PP, _P, _U]),
    ("bilat_model_to_jsonl", STATUS, None, [_PP, _P, _U]),
]


def _format_version(v):
    return "%d.%d.%d" % (v // 10000, v // 100 % 100, v % 100)


def _version_text(lib):
    try:
        return "version " + _format_version(lib.cdll.bilat_version())
    except AttributeError:
        return "not libbilat"


def _open():
    cdll, path = _load()
    lib = Library(cdll, path)
    # Check the version before anything else is declared, so an old library fails clearly.
    lib.declare("bilat_version", VALUE, _I, [])
    version = lib.bilat_version()
    if version // 10000 != MIN_VERSION // 10000 or version < MIN_VERSION:
        raise ImportError("%s is libbilat %s; this wrapper needs %s or a later 0.x"
                          % (path, _format_version(version), _format_version(MIN_VERSION)))
    for name, kind, restype, argtypes in SIGNATURES:
        lib.declare(name, kind, restype, argtypes)
    return lib


LIB = _open()
