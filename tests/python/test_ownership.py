# SPDX-License-Identifier: MIT
"""Who frees what: handles, strings, finalizers, and children keeping parents alive."""

import ctypes
import gc
import pathlib
import re
import unittest

import bilat
from bilat import _lib
from bilat._lib import LIB
from support import VISIT

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAP = ROOT / "lib" / "libbilat.map"
DECL = re.compile(r"BILAT_API\s+([^;(]*?)\b(bilat_\w+)\s*\(([^)]*)\)\s*;", re.S)

# C parameter and return types as the wrapper must declare them.
C_TYPES = {"size_t": ctypes.c_size_t, "int": ctypes.c_int, "unsigned": ctypes.c_uint,
           "bool": ctypes.c_bool, "double": ctypes.c_double, "int64_t": ctypes.c_int64,
           "uint64_t": ctypes.c_uint64, "bilat_edge_func": _lib.EDGE_FUNC}


def exported_names():
    return set(re.findall(r"^\s+(bilat_\w+);", MAP.read_text(), re.M))


def header_prototypes():
    """{name: (return type, [parameter types])} of every public declaration."""
    out = {}
    for h in (ROOT / "include" / "bilat").glob("*.h*"):
        for ret, name, args in DECL.findall(h.read_text(encoding="utf-8")):
            params = []
            for p in args.split(","):
                p = " ".join(p.split())
                if p and p != "void":
                    params.append(re.sub(r"\s*\b\w+$", "", p) if not p.endswith("*")
                                  else p)
            out[name] = (" ".join(ret.split()), params)
    return out


def expected_ctype(ctype):
    """The ctypes type a C parameter type is declared with."""
    if ctype.endswith("**"):
        return _lib._PP
    if ctype.replace(" ", "") == "constchar*":
        return ctypes.c_char_p
    if ctype.endswith("*"):
        return ctypes.c_void_p
    return C_TYPES[ctype.replace("const ", "")]


class DeclarationTest(unittest.TestCase):
    def test_every_exported_function_is_declared(self):
        missing = exported_names() - set(LIB.declared)
        self.assertFalse(missing, "functions in libbilat.map without a signature: %s"
                         % sorted(missing))

    def test_every_declaration_has_argtypes_and_errcheck(self):
        for name, fn in LIB.declared.items():
            with self.subTest(name=name):
                self.assertIsNotNone(fn.argtypes)
                self.assertIsNotNone(fn.errcheck)

    def test_declarations_match_the_header_prototypes(self):
        protos = header_prototypes()
        self.assertEqual(set(protos), set(LIB.declared), "header and wrapper differ")
        for name, (ret, params) in protos.items():
            fn = LIB.declared[name]
            with self.subTest(name=name):
                self.assertEqual(list(fn.argtypes), [expected_ctype(p) for p in params])
                compact = ret.replace(" ", "")
                if compact == "void":
                    self.assertIsNone(fn.restype)
                elif compact == "constchar*":
                    self.assertIs(fn.restype, ctypes.c_char_p)
                elif compact.endswith("*"):
                    self.assertIs(fn.restype, ctypes.c_void_p)
                else:
                    self.assertIs(fn.restype, C_TYPES[ret])
                if params and params[-1].replace(" ", "") == "bilat_error**":
                    self.assertIs(fn.errcheck, _lib._check_status)

    def test_status_functions_take_the_error_last_and_check_it(self):
        for name, kind, _restype, _args in _lib.SIGNATURES:
            if kind == _lib.STATUS:
                fn = LIB.declared[name]
                self.assertIs(fn.errcheck, _lib._check_status, name)
                self.assertIs(fn.argtypes[-1], _lib._PP, name)

    def test_allocated_strings_come_back_as_void_pointers(self):
        # A c_char_p out-parameter would be copied into bytes and its pointer lost, so the
        # string could not be freed: every `char **` is POINTER(c_void_p).
        for name, (_ret, params) in header_prototypes().items():
            for i, p in enumerate(params):
                if p.replace(" ", "") == "char**":
                    self.assertIs(LIB.declared[name].argtypes[i], _lib._PP, name)


def header_enums():
    """[{NAME: value}] for every enum of the public headers."""
    out = []
    for h in (ROOT / "include" / "bilat").glob("*.h"):
        text = re.sub(r"/\*.*?\*/", "", h.read_text(encoding="utf-8"), flags=re.S)
        for body in re.findall(r"typedef\s+enum\s*\{(.*?)\}", text, re.S):
            members = {}
            for name, value in re.findall(r"(BILAT_\w+)\s*=\s*([^,]+)", body):
                m = re.fullmatch(r"\s*(-?\d+)\s*(?:<<\s*(\d+))?\s*", value)
                members[name] = int(m.group(1)) << int(m.group(2) or 0)
            out.append(members)
    return out


class EnumTest(unittest.TestCase):
    def test_python_enums_equal_the_header_enums(self):
        by_prefix = {"BILAT_FACT_": bilat.Kind, "BILAT_EVENT_": bilat.EventType,
                     "BILAT_DICT_": bilat.DictKind, "BILAT_NODE_": bilat.NodeKind,
                     "BILAT_EDGE_": bilat.EdgeKind, "BILAT_COUNT_": bilat.Count,
                     "BILAT_ITEM_": bilat.Item, "BILAT_QUERY_": bilat.QueryKind}
        flags = {"BILAT_JSON_PRETTY": bilat._extract.JSON_PRETTY,
                 "BILAT_JSON_PLAIN": bilat._extract.JSON_PLAIN,
                 "BILAT_EXPORT_STATES_ONLY": bilat._model.EXPORT_STATES_ONLY}
        seen = set()
        for members in header_enums():
            names = sorted(members)
            if "BILAT_OK" in members:
                py, prefix = bilat.Status, "BILAT_"
            elif names[0] in flags:
                for name, value in members.items():
                    self.assertEqual(flags[name], value, name)
                continue
            else:
                prefix = next(p for p in by_prefix if all(n.startswith(p) for n in names))
                py = by_prefix[prefix]
            seen.add(py)
            self.assertEqual({prefix + m.name: m.value for m in py}, members, py.__name__)
        self.assertEqual(seen, set(by_prefix.values()) | {bilat.Status})
        self.assertEqual(bilat.EDGES_ALL, sum(1 << k for k in bilat.EdgeKind))


class HandleTest(unittest.TestCase):
    def test_close_is_idempotent_and_marks_closed(self):
        ex = bilat.Extractor()
        self.assertFalse(ex.closed)
        ex.close()
        ex.close()
        self.assertTrue(ex.closed)

    def test_with_closes(self):
        with bilat.Extractor() as ex:
            with ex.extract(VISIT) as doc:
                self.assertTrue(doc.events)
            self.assertTrue(doc.closed)
        self.assertTrue(ex.closed)
        with self.assertRaises(bilat.InvalidArgumentError):
            doc.events

    def test_close_frees_at_once_when_nothing_depends_on_it(self):
        ex = bilat.Extractor()
        fin = ex._owner.finalizer
        ex.close()
        self.assertFalse(fin.alive)

    def test_finalizer_frees_an_unclosed_handle(self):
        ex = bilat.Extractor()
        fin = ex._owner.finalizer
        del ex
        gc.collect()
        self.assertFalse(fin.alive)

    def test_document_keeps_its_extractor_alive(self):
        ex = bilat.Extractor()
        ex_fin = ex._owner.finalizer
        doc = ex.extract(VISIT)
        ex.close()
        # The document's strings may point into the extractor's dictionaries.
        self.assertTrue(ex_fin.alive)
        self.assertEqual(doc.persons[0].state, "KAZ")
        doc_fin = doc._owner.finalizer
        del doc
        gc.collect()
        self.assertFalse(doc_fin.alive)
        self.assertFalse(ex_fin.alive)

    def test_fact_keeps_its_document_alive(self):
        with bilat.Extractor() as ex:
            event = ex.extract(VISIT).events[0]
        gc.collect()
        self.assertEqual(event.parties, ("KAZ", "TKM"))
        self.assertTrue(event.rule)

    def test_fact_outlives_an_explicitly_closed_document(self):
        ex = bilat.Extractor()
        doc = ex.extract(VISIT)
        person = doc.persons[0]
        doc.close()
        ex.close()
        gc.collect()
        self.assertEqual(person.text, "Murat Nurtleu")


class StringTest(unittest.TestCase):
    def test_json_string_is_freed_with_bilat_free(self):
        freed = []
        real = LIB.bilat_free

        def counting_free(p):
            freed.append(p)
            real(p)

        with bilat.Extractor() as ex, ex.extract(VISIT) as doc:
            LIB.bilat_free = counting_free
            try:
                text = doc.to_json()
            finally:
                LIB.bilat_free = real
        self.assertEqual(len(freed), 1)
        self.assertTrue(freed[0])
        self.assertTrue(text.startswith("{"))

    def test_error_object_is_freed(self):
        freed = []
        real = LIB.bilat_error_free

        def counting_free(p):
            freed.append(p.value if isinstance(p, ctypes.c_void_p) else p)
            real(p)

        with bilat.Extractor() as ex:
            LIB.bilat_error_free = counting_free
            try:
                with self.assertRaises(bilat.ParseError):
                    ex.extract(b"\xff")
            finally:
                LIB.bilat_error_free = real
        self.assertEqual(len(freed), 1)
        self.assertTrue(freed[0])


if __name__ == "__main__":
    unittest.main()
