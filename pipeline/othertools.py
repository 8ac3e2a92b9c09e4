"""What other tools write where this format has its own (the tenth robustness sweep): tables, so a
new tool's habit is a row. An editor's source often started as a pandoc conversion of a Word
file, an Obsidian or Typora note, a Hugo post; each table names what the tool wrote and what
this format writes instead, where a message that only said "unknown" or "must be '---'" left the
editor guessing. (Obsidian's and Typora's inline markup is in `textslips._PRINTED_MARKUP`,
pandoc's fenced divs in `fences`.)
"""

from __future__ import annotations

import re

# (the tenth sweep) The headers other tools write where this format has its YAML front matter: a
# file from Hugo, pandoc or MultiMarkdown was told only "the first line must be '---'".
OTHER_HEADERS = (
    (re.compile(r"^\+\+\+\s*$"), "the file opens with '+++', a TOML front matter (Hugo's): this format's is YAML "
                                  "between two '---' lines, 'title: 灯下夜读' where TOML writes 'title = \"灯下夜读\"'"),
    (re.compile(r"^%[ \t](?!YAML)"), "the file opens with a pandoc title block ('% title', '% author', '% date'): write "
                                   "them as YAML fields, 'title:', 'authors:', 'date:', between two '---' lines"),
    (re.compile(r"^[A-Za-z][A-Za-z _-]*:[ \t]*\S"), "the file opens with fields but no '---' above them "
                                                  "(MultiMarkdown's or a notes app's metadata, or the '---' deleted): put "
                                                  "a '---' line above the first field and one below the last"),
)


# (the tenth sweep) The classes pandoc writes when it brings a Word file over, and what each was in
# Word: "did you mean '.aside'?" sent the editor to make an underline an aside. Track changes
# ('--track-changes=all') are the worst: a deletion's words were printed as if still meant.
OTHER_TOOLS_CLASSES = {
    "underline": "Word's underline, as pandoc brings it over: the format has no underline; keep the words "
                 "without the '[' and ']{.underline}'",
    "ul": "an underline: the format has none; keep the words without the '[' and ']{.ul}'",
    "mark": "a highlight (Word's, as pandoc brings it over): the format has none; keep the words without the "
            "'[' and ']{.mark}', or write **…** for strong",
    "smallcaps": "small capitals (Word's, as pandoc brings them over): keep the words without the '[' and "
                 "']{.smallcaps}'",
    "insertion": "a tracked change Word had not accepted (words inserted): accept or reject the changes in Word "
                 "and convert the file again, or keep the words without the '[' and ']{…}'",
    "paragraph-insertion": "a tracked change Word had not accepted: accept or reject the changes in Word and "
                           "convert the file again",
    "deletion": "a tracked change Word had not accepted (words DELETED), and every edition would print them as "
                "meant: delete them with their '[' and ']{…}', or accept or reject the changes in Word and "
                "convert the file again",
    "comment-start": "a Word comment (pandoc's '--track-changes=all'), and every edition would print the comment "
                     "as text: delete it with its '[' and ']{…}'",
    "anchor": "a Word bookmark (a heading's or the table of contents' target), as pandoc brings it over: "
              "delete the '[]{…}'",
    "comment-end": "the end of a Word comment (pandoc's '--track-changes=all'): delete the '[]{…}'",
}
