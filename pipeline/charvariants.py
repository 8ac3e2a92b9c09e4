"""Written variants of a common character that no dictionary here reads, read as that character.

A character of CJK Extension B such as 𠮷 (the 吉 of the Japanese surname 𠮷田, with 土 for 士)
has no reading in pypinyin or CC-CEDICT: the name index filed its bearer under the character
itself (a letter heading the fonts cannot draw), and eSpeak spelt its code point. The name index
and the text for the ear read such a variant as its usual form, one character for one; the page
always shows the character as written. (The learner editions leave it without pinyin and
`publish check` says so, W414: a learner is not taught a reading the dictionaries do not give.)
"""

from __future__ import annotations

VARIANTS = {"𠮷": "吉"}
AS_USUAL = str.maketrans(VARIANTS)
