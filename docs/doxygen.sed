# SPDX-License-Identifier: MIT
# Doxygen input filter for the public headers' gtk-doc-like comments.
# The " * bilat_name:" line repeats the declaration's name: drop it, so the summary under it
# becomes the brief description.
s/^( \*) bilat_[a-z0-9_]+:[[:space:]]*$/\1/
# @param, @return and @since are Doxygen commands already; write them with a backslash so the
# next rule leaves them alone.
s/@(param|return|since|brief)\b/\\\1/g
# Any other @name refers to a parameter.
s/@([A-Za-z_][A-Za-z0-9_]*)/\\p \1/g
