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


# (the eleventh sweep) The anchors other tools give a heading, as their exports keep them: "is not an id"
# left the editor to guess where '{#h.abc123}' came from and whether to keep it. Every edition makes a
# chapter's anchor itself, so the tool's own is deleted, not rewritten.
OTHER_TOOLS_ANCHORS = (
    (re.compile(r"^h\.[0-9a-z]+$"), "Google Docs' heading anchor, as its Markdown export keeps it"),
    (re.compile(r"^_(?:Toc|Ref|Hlk|GoBack)\d*$", re.I), "a Word bookmark (its table of contents' or a cross-reference's)"),
    (re.compile(r"^\d+(?:\.\d+)*$"), "a section number kept as an anchor (a wiki's or a Word outline's)"),
)


def other_tools_anchor(written: str) -> str | None:
    """E222's words for a chapter id another tool wrote ('h.abc123', '_Toc12345'), or None."""
    what = next((what for pattern, what in OTHER_TOOLS_ANCHORS if pattern.match(written)), None)
    return None if what is None else (f"{what}: every edition makes the chapter's anchor itself; delete the "
                                      f"'{{#{written}}}', or write an id of your own, a letter first: {{#night-shift}}")


# (the eleventh sweep) The boxes other Markdown tools open with ':::' (Yuque's and VuePress's callouts,
# Docusaurus's admonitions, markdown-it-container's, a Feishu export's), by name: "write a space between
# ':::' and 'tips'" led to "unknown block '::: tips'", and neither said the box is another tool's.
OTHER_TOOLS_BLOCKS = {
    **dict.fromkeys(("tips", "tip", "info", "warning", "danger", "success", "caution", "important", "hint",
                     "attention", "error", "callout", "color1", "color2", "color3", "color4", "color5"),
                    "a callout box of Yuque (语雀), VuePress or Docusaurus"),
    "details": "a folding box of Yuque (语雀) or VuePress",
    "collapse": "a folding box of a Markdown editor",
    "col": "a column of Yuque's layout",
}


def other_tools_block(name: str) -> str | None:
    """E206's words for a ':::' box another tool opened ('::: tips'), or None."""
    what = OTHER_TOOLS_BLOCKS.get(name.lower())
    return None if what is None else (f"'::: {name}' opens {what}, which this format does not have: write its "
                                      "text as a '::: note' (printed after the chapter) or as a quote, '> …', where "
                                      "it stands, or delete it and the ':::' that closes it")
