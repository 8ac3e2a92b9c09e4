"""The shape of an HTML character reference (`&nbsp;`, `&#12288;`, `&#x3000;`), one table for
every place that must see one: `publish check` blanks them before looking for half-width marks
(W401) and finds the spaces typed as them (W415), the reader finds the misspelt ones (E231),
and the importer decodes them in pasted copy. Each used to spell the pattern out for itself."""

from __future__ import annotations

import re

# What stands between '&' and ';': a hexadecimal or decimal code point, or a name. The bounds are
# HTML's (a code point has at most 6 hex or 7 decimal digits; the longest name is 31 characters).
REFERENCE_NAME = r"#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31}"

# A whole reference, as written.
CHARACTER_REFERENCE = re.compile(f"&(?:{REFERENCE_NAME});")

# The same, unless escaped with a backslash ('\&amp;' is text in Markdown).
UNESCAPED_REFERENCE = re.compile(rf"(?<!\\)&(?:{REFERENCE_NAME});")
