"""Which '<name …>' in a source is a tag every edition would print (E227 in the text, W420 in a
front-matter value), and whose it is: HTML's, Word's and WPS's XML, Confluence's storage format,
Yuque's (语雀) cards, a custom element. Out of `pipeline.texthygiene` since the twelfth sweep (it had
reached 500 lines): the tables grow with each tool an editor pastes from, the checks do not."""

from __future__ import annotations

import re

# Names of the elements copy carries in (a '<T>' or '<name>' in prose is left alone). The ninth sweep
# added what a web page's or a CMS's source holds besides text markup: scripts, styles, embeds, a
# page's landmarks and figures, a table's parts, forms and the document's own tags ('<script>…' was
# printed, code and all, without a word).
HTML_TAGS = frozenset("""a abbr b big blockquote br center cite code del div em font h1 h2 h3 h4 h5 h6 hr i img
    ins kbd li mark ol p pre q s section small span strike strong sub sup table td th tr u ul
    tt wbr ruby rt rp bdi bdo dfn samp time address dl dt dd details summary
    article aside header footer nav main figure figcaption hgroup
    caption thead tbody tfoot col colgroup
    script noscript style iframe embed object video audio source track picture svg canvas
    form input button textarea select fieldset legend
    html head body meta link title base
    mpvoice mpvideo mpprofile card""".split())  # (the eleventh sweep: a WeChat article's embeds)
# (the eleventh sweep) The XML namespaces office tools write into a page they save as HTML, and whose each
# is: Word's and WPS's ('<o:p></o:p>' on every paragraph, '<st1:chsdate>' around a date, which was printed,
# or read as a link to 'st1:chsdate'), Confluence's storage format ('<ac:structured-macro …>', '<ri:page …/>').
# One table (the thirteenth sweep: it was written out three times, and the pattern that keeps such a tag
# from being read as a link lacked 'ac:' and 'ri:', so '<ac:image>' was an E223 "link to 'ac:image'" too).
NAMESPACES = {**dict.fromkeys(("o", "w", "v", "m", "st1", "st2", "wx"), "Word's XML tag"),
              **dict.fromkeys(("ac", "ri"), "Confluence's storage-format tag")}
_PREFIXES = "|".join(sorted(NAMESPACES, key=len, reverse=True))
OFFICE_TAG = re.compile(rf"^(?:{_PREFIXES}):[\w-]+$", re.I)
# (the eleventh sweep) and a custom element, whose name holds a hyphen: a WeChat article's
# '<mp-style-type data-value="3">', '<mp-common-profile …>', printed, quotes and all
_CUSTOM_ELEMENT = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$", re.I)
# (the twelfth sweep) a tag another tool's export writes, named for what it was there: Yuque's lake
# format keeps its labels, pictures and code blocks as '<card type="inline" name="label" …>', printed
# quotes and all without a word; Notion's export writes its callouts as '<aside>'
_TAGS_OF_TOOLS = {
    "card": ("Yuque's (语雀) card tag", ", a label, picture or code block of its editor as its export keeps it,"),
    "aside": ("the HTML tag", ", a Notion callout as its Markdown export writes it,"),
}


# (the thirteenth sweep) whose a tag is, by what it carries: Word's 'mso-' styles and 'Mso' classes, a WeChat
# editor's (135编辑器's, 秀米's) data attributes; a custom element by its prefix, a WeChat article's '<mp-…>',
# Evernote's '<en-media …>' (all were "the HTML tag", which sent the editor to look for HTML)
_WRITTEN_BY = (("mso-", "Word's HTML tag"), ("class=\"mso", "Word's HTML tag"), ("class=mso", "Word's HTML tag"),
               ("data-tools", "a WeChat editor's (135编辑器's, 秀米's) tag"), ("xiumi", "秀米's (Xiumi's) tag"),
               ("data-mpa", "a WeChat editor's tag"))
_PREFIXES_OF_TOOLS = (("mp-", "a WeChat article's tag"), ("en-", "Evernote's tag"))


def is_tag(name: str) -> bool:
    """Whether '<name …>' is a tag every edition would print: HTML's, Word's or a custom element's."""
    return name.lower() in HTML_TAGS or OFFICE_TAG.match(name) is not None or _CUSTOM_ELEMENT.match(name) is not None


def what_tag(name: str, written: str) -> str:
    """E227's words for the tag `written` ('<name …>') and whose it is: "the HTML tag '<b>'", "Word's
    XML tag '<o:p>'", "Yuque's (语雀) card tag '<card …>', a label … of its editor …,"."""
    if ":" in name:
        return f"{NAMESPACES.get(name.split(':', 1)[0].lower(), 'the HTML tag')} '{written}'"
    label, note = _TAGS_OF_TOOLS.get(name.lower(), ("the HTML tag", ""))
    label = next((whose for prefix, whose in _PREFIXES_OF_TOOLS if name.lower().startswith(prefix)), label)
    label = next((whose for mark, whose in _WRITTEN_BY if mark in written.lower()), label)
    return f"{label} '{written}'{note}"
