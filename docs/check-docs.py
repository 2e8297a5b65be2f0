#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that every public function's header comment says what the API reference needs.

Errors (exit 1): a BILAT_API function without a doc comment, without @since, a non-void
function without @return, a function taking `bilat_error **` whose @return names no
BILAT_ code (nor "as bilat_x()"), an `**out` parameter whose @param does not say who owns
the result. Warnings (printed, exit 0): other parameters without @param, and pointer results
whose @return does not say borrowed, static or caller-owned (a section comment may say so).

Usage: check-docs.py HEADER...
"""

import re
import sys

DECL = re.compile(r"BILAT_API\s+([^;(]*?)\b(bilat_\w+)\s*\(([^)]*)\)\s*;", re.S)
COMMENT_END = re.compile(r"/\*\*(?:(?!\*/).)*\*/\s*$", re.S)
OWNERSHIP = re.compile(r"caller owns|caller-owned|free with|owned by|borrowed|static|"
                       r"_free\(\)|bilat_free", re.I)


def params(arglist):
    out = []
    for p in arglist.split(","):
        p = p.strip()
        if p in ("", "void"):
            continue
        m = re.search(r"(\w+)\s*$", p)
        out.append((m.group(1), p))
    return out


def declarations(path):
    """(name, return type, parameter list, doc comment or None, where) of each declaration."""
    text = open(path, encoding="utf-8").read()
    for m in DECL.finditer(text):
        ret, name, arglist = m.group(1).strip(), m.group(2), m.group(3)
        line = text.count("\n", 0, m.start()) + 1
        c = COMMENT_END.search(text, 0, m.start())
        yield name, ret, arglist, c.group(0) if c else None, "%s:%d: %s" % (path, line, name)


# A tag's text runs to the next tag or the end of the comment; "@i" inside it is a reference.
TAG_TEXT = r"\s+(.*?)(?=@(?:param|return|since)\b|\*/)"


def param_docs(doc):
    out = {}
    for names, text in re.findall(r"@param\s+(\w+(?:\s*,\s*\w+)*)" + TAG_TEXT, doc or "",
                                  re.S):
        for name in re.split(r"\s*,\s*", names):  # "@param a, b  alpha-3 codes"
            out[name] = text
    return out


def check(decls, errors, warnings):
    docs = {d[0]: d[3] for d in decls}
    for name, ret, arglist, doc, where in decls:
        if doc is None:
            errors.append("%s: no doc comment" % where)
            continue
        if "@since" not in doc:
            errors.append("%s: no @since" % where)
        documented = param_docs(doc)
        # "As bilat_x()" takes over bilat_x's parameter descriptions, and its @return when
        # it has none of its own.
        like = re.search(r"\bAs (bilat_\w+)\(\)", doc)
        if like and like.group(1) in docs:
            documented = dict(param_docs(docs[like.group(1)]), **documented)
        ret_doc = " ".join(re.findall(r"@return" + TAG_TEXT, doc, re.S))
        if ret != "void" and not ret_doc:
            errors.append("%s: returns %s but has no @return" % (where, ret))
        ps = params(arglist)
        takes_error = any("bilat_error **" in decl or "bilat_error**" in decl
                          for _, decl in ps)
        if takes_error and not re.search(r"BILAT_[A-Z]+|as bilat_\w+\(\)", ret_doc):
            errors.append("%s: @return does not list the BILAT_ codes it returns" % where)
        for pname, decl in ps:
            if "**" in decl and "bilat_error" not in decl:
                d = documented.get(pname)
                if d is None:
                    errors.append("%s: out-parameter '%s' not documented" % (where, pname))
                elif not OWNERSHIP.search(d):
                    errors.append("%s: out-parameter '%s' does not say who owns it"
                                  % (where, pname))
            elif pname not in documented and pname != "error":
                warnings.append("%s: parameter '%s' has no @param" % (where, pname))
        if "*" in ret and ret_doc and not OWNERSHIP.search(ret_doc):
            warnings.append("%s: @return of a pointer does not say borrowed/static/owned"
                            % where)


def main(paths):
    errors, warnings = [], []
    decls = [d for p in paths for d in declarations(p)]
    check(decls, errors, warnings)
    count = len(decls)
    for w in warnings:
        print("warning: " + w)
    for e in errors:
        print("error: " + e)
    print("%d public functions, %d errors, %d warnings" % (count, len(errors), len(warnings)))
    return 1 if errors or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
