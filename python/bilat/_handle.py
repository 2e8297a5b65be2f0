# SPDX-License-Identifier: MIT
"""Ownership of C handles: one owner per handle, freed once, never before its children."""

import weakref

from . import _errors
from ._lib import LIB


class Owner:
    """Holds one C pointer and frees it when the last reference to the owner goes.

    A Python object and every child made from it (a fact of a document, a document of an
    extractor) hold the same Owner, so an explicit close() of the parent frees the C object
    at once when no child is alive, and otherwise when the last child goes.
    """

    __slots__ = ("ptr", "parent", "finalizer", "generation", "__weakref__")

    def __init__(self, ptr, free, parent=None):
        self.ptr = ptr
        self.parent = parent
        # Counts changes of a model: what was borrowed from it before a change is stale.
        self.generation = 0
        self.finalizer = weakref.finalize(self, free, ptr)


class Handle:
    """Base of every class that owns a C handle: close(), `with`, and a finalizer."""

    _free_name = None

    def __init__(self, ptr, parent=None):
        if not ptr:
            raise _errors.BilatError("libbilat returned NULL", function=self._free_name)
        self._owner = Owner(ptr, getattr(LIB, self._free_name), parent)

    def _ptr(self):
        owner = self._owner
        if owner is None:
            raise _errors.InvalidArgumentError("%s is closed" % type(self).__name__,
                                               code=_errors.Status.EINVAL)
        return owner.ptr

    @property
    def closed(self):
        return self._owner is None

    def close(self):
        """Release the C object now (or, while children made from it live, with the last)."""
        self._owner = None

    def __enter__(self):
        self._ptr()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __getstate__(self):
        raise TypeError("a %s holds a C handle and cannot be pickled" % type(self).__name__)
