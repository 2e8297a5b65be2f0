# SPDX-License-Identifier: MIT
"""The exception hierarchy: one BilatError subclass per bilat_status code."""

import enum


class Status(enum.IntEnum):
    """bilat_status: the codes C functions return (values never change)."""
    OK = 0
    EINVAL = -1
    ENOMEM = -2
    EIO = -3
    EPARSE = -4
    ENOTFOUND = -5
    ELIMIT = -6


class BilatError(Exception):
    """A libbilat call failed.

    code     the bilat_status (an int; a Status member when known)
    message  the library's message
    offset   the byte offset in the input where the problem is, or -1
    function the C function that failed
    """

    code = None

    def __init__(self, message, code=None, offset=-1, function=None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.offset = offset
        self.function = function

    def __reduce__(self):
        # Keep code, offset and function across pickling (process pools send exceptions back).
        return (type(self), (self.message, self.code, self.offset, self.function))


class InvalidArgumentError(BilatError, ValueError):
    """BILAT_EINVAL: misuse, such as a bad argument."""
    code = Status.EINVAL


class OutOfMemoryError(BilatError, MemoryError):
    """BILAT_ENOMEM."""
    code = Status.ENOMEM


class BilatIOError(BilatError, OSError):
    """BILAT_EIO: a file could not be read or written."""
    code = Status.EIO


class ParseError(BilatError, ValueError):
    """BILAT_EPARSE: malformed input (UTF-8, JSON, a dictionary line, a date)."""
    code = Status.EPARSE


class NotFoundError(BilatError, LookupError):
    """BILAT_ENOTFOUND: a named thing does not exist."""
    code = Status.ENOTFOUND


class LimitError(BilatError):
    """BILAT_ELIMIT: input exceeds a configured limit."""
    code = Status.ELIMIT


_BY_CODE = {cls.code: cls for cls in (InvalidArgumentError, OutOfMemoryError, BilatIOError,
                                       ParseError, NotFoundError, LimitError)}


def from_code(code, message, offset=-1, function=None):
    """The exception for a bilat_status code; unknown codes give a plain BilatError."""
    try:
        code = Status(code)
    except ValueError:
        pass
    cls = _BY_CODE.get(code, BilatError)
    return cls(message, code=code, offset=offset, function=function)
