# SPDX-License-Identifier: MIT
"""Error codes become exceptions that carry the library's message and byte offset."""

import ctypes
import pickle
import unittest

import bilat
from bilat import _errors
from bilat._lib import LIB
from support import VISIT


class ErrorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ex = bilat.Extractor()

    @classmethod
    def tearDownClass(cls):
        cls.ex.close()

    def test_invalid_utf8_is_a_parse_error_at_the_bad_byte(self):
        with self.assertRaises(bilat.ParseError) as cm:
            self.ex.extract(b"Kazakhstan \xc3\x28 Turkmenistan")
        e = cm.exception
        self.assertIsInstance(e, bilat.BilatError)
        self.assertIsInstance(e, ValueError)
        self.assertEqual(e.code, bilat.Status.EPARSE)
        self.assertEqual(e.offset, 11)
        self.assertIn("UTF-8", e.message)
        self.assertEqual(str(e), e.message)
        self.assertEqual(e.function, "bilat_extract")

    def test_nul_byte_is_a_parse_error_with_its_offset(self):
        with self.assertRaises(bilat.ParseError) as cm:
            self.ex.extract("Kazakhstan\0Turkmenistan")
        self.assertEqual(cm.exception.offset, 10)

    def test_bad_option_date_is_a_parse_error(self):
        with self.assertRaises(bilat.ParseError) as cm:
            bilat.Extractor(date="2023-02-30")
        self.assertIn("2023-02-30", cm.exception.message)
        with self.assertRaises(bilat.ParseError):
            self.ex.extract(VISIT, date="yesterday")

    def test_malformed_dictionary_line_names_the_line(self):
        lines = "Good Organization\tGO\nno tab on this line\n"
        with self.assertRaises(bilat.ParseError) as cm:
            bilat.Extractor(dictionaries=[(bilat.DictKind.STATES, lines)])
        self.assertIn("line", cm.exception.message)

    def test_missing_dictionary_file_is_an_io_error(self):
        import pathlib
        with self.assertRaises(bilat.BilatIOError) as cm:
            bilat.Extractor(dictionaries=[("areas", pathlib.Path("/nonexistent/areas.tsv"))])
        self.assertIsInstance(cm.exception, OSError)
        self.assertEqual(cm.exception.code, bilat.Status.EIO)

    def test_text_over_the_size_limit_is_a_limit_error(self):
        with bilat.Extractor(max_size=100) as ex:
            with self.assertRaises(bilat.LimitError) as cm:
                ex.extract("a" * 101)
            self.assertEqual(cm.exception.code, bilat.Status.ELIMIT)
            ex.extract("a" * 100)

    def test_zero_size_limit_is_an_invalid_argument(self):
        with self.assertRaises(bilat.InvalidArgumentError) as cm:
            bilat.Extractor(max_size=0)
        self.assertEqual(cm.exception.function, "bilat_options_set_max_size")

    def test_unknown_dictionary_kind_is_a_value_error(self):
        with self.assertRaises(ValueError):
            bilat.Extractor(dictionaries=[("planets", "x\ty\n")])

    def test_misuse_of_the_c_api_is_an_exception_not_an_abort(self):
        out = ctypes.c_void_p()
        with self.assertRaises(bilat.InvalidArgumentError) as cm:
            LIB.bilat_extract(ctypes.byref(out), None, b"x", 1)
        self.assertTrue(cm.exception.message)
        self.assertIsNone(out.value)

    def test_closed_extractor_is_an_invalid_argument(self):
        ex = bilat.Extractor()
        ex.close()
        with self.assertRaises(bilat.InvalidArgumentError):
            ex.extract(VISIT)

    def test_exceptions_pickle_with_code_and_offset(self):
        with self.assertRaises(bilat.ParseError) as cm:
            self.ex.extract(b"ab\xff")
        copy = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(copy), bilat.ParseError)
        self.assertEqual((copy.code, copy.offset, copy.message, copy.function),
                         (bilat.Status.EPARSE, 2, cm.exception.message, "bilat_extract"))

    def test_every_code_has_its_class(self):
        expected = {-1: bilat.InvalidArgumentError, -2: bilat.OutOfMemoryError,
                    -3: bilat.BilatIOError, -4: bilat.ParseError, -5: bilat.NotFoundError,
                    -6: bilat.LimitError}
        for code, cls in expected.items():
            e = _errors.from_code(code, "m", 3)
            self.assertIs(type(e), cls)
            self.assertEqual(e.code, code)
            self.assertEqual(LIB.bilat_strerror(code), LIB.bilat_strerror(e.code))
        e = _errors.from_code(-99, "m")
        self.assertIs(type(e), bilat.BilatError)
        self.assertEqual(e.code, -99)

    def test_error_without_an_error_object_uses_strerror(self):
        # A status function that fails without setting the error still raises, with the
        # code's description as message.
        fn = LIB.declared["bilat_options_set_date"]
        with self.assertRaises(bilat.InvalidArgumentError) as cm:
            fn(None, b"2023-01-01", None)
        self.assertEqual(cm.exception.message, LIB.bilat_strerror(-1))


if __name__ == "__main__":
    unittest.main()
