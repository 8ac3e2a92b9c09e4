"""Problems found in a source file, with stable codes and a fix for each.

The rules are a table: a code names one problem forever, so editors and scripts can rely on it
(as Standard Ebooks' lint codes do). Messages say what is wrong and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

RULES: dict[str, tuple[Severity, str]] = {
    # code: (severity, fix hint appended to every message)
    "E100": ("error", "save the file as UTF-8 text"),
    "E101": ("error", "start the file with a YAML block between two '---' lines"),
    "E102": ("error", "correct the front matter where the message says (a value that holds ': ' or starts with '@' "
                     "goes in quotes)"),
    "E103": ("error", "add the field to the front matter (see README, 'Source format')"),
    "E104": ("error", "correct the value (see README, 'Source format')"),
    "E105": ("error", "remove the field or check its spelling"),
    # E120–E127, W406–W407: placeholders and unconfirmed guesses left by `publish import`/`new`
    "E120": ("error", "write the title in place of the TODO placeholder"),
    "E121": ("error", "write the date of first publication (YYYY-MM-DD) in place of TODO"),
    "E122": ("error", "write a one-sentence description in place of the TODO placeholder"),
    "E123": ("error", "write the rights statement (e.g. © 2024 出版方) in place of the TODO placeholder"),
    "E124": ("error", "write the author(s) in place of the TODO placeholder"),
    "E125": ("error", "write the original outlet in place of the TODO placeholder"),
    "E126": ("error", "replace the TODO placeholder with the real value, or delete the field if optional"),
    "E127": ("error", "replace the TODO placeholder in the text with the real text"),
    "E201": ("error", "use an id declared under 'speakers:' or declare this speaker there"),
    "E202": ("error", "give every speaker its own id"),
    "E203": ("error", "write the answer's text between '::: answer ID' and ':::'"),
    "E204": ("error", "add at least one '::: answer ID' block under the question"),
    "E205": ("error", "put the text inside the block it belongs to ('::: answer ID' or '::: note'), or move it into the article"),
    "E206": ("error", "write '::: answer ID' (optionally 'role=…'), or '::: note'"),
    "E207": ("error", "give every chapter its own {#id}"),
    "E208": ("error", "a question's heading needs its text"),
    "E209": ("error", "write the article's paragraphs before the first '##' heading, or the questions and answers"),
    "E210": ("error", "the references chapter holds one ordered list: '1. …'"),
    "E211": ("error", "use '## ' for chapters; the title lives in the front matter"),
    "E212": ("error", "write prose paragraphs; code blocks, tables, images and HTML are not part of the format"),
    "E225": ("error", "delete the comment (the format has no hidden text), or write '\\<!--' to print it"),
    "E226": ("error", "close the quote ({lang=\"en\"}) or write the value without quotes ({lang=en}); "
                      "to print braces as text, write '\\{'"),
    "E224": ("error", "mark the chapter {.closing} or {.references}, in half-width braces, or write no braces"),
    "E213": ("error", "close the open block with a ':::' line before the heading or the next block"),
    "E214": ("error", "add a ':::' line after the block's last paragraph"),
    "E215": ("error", "delete the ':::' line, or add the '::: answer ID' line it was meant to close"),
    "E216": ("error", "write a fence with exactly three half-width colons: ':::'"),
    "E217": ("error", "start the ':::' line at the left margin, without indentation, '>' or list marker"),
    "E218": ("error", "put ':::' alone on its own line, the text on the lines above it"),
    "E219": ("error", "delete the invisible character (it came with a paste or a conversion)"),
    "E230": ("error", "write '{.aside}' for an aside and '{lang=xx}' (a BCP 47 tag) for another language; "
                      "those are the attributes of a span"),
    "E229": ("error", "put the marks inside the quotation marks or brackets (“**好**”), or delete them; to print "
                      "them, write \\*\\*"),
    "E228": ("error", "type the lost character again from the original copy (and convert the file again "
                      "from its original, if there are more)"),
    "E220": ("error", "write a heading as '## ' (two half-width '#' and a plain space) before its text"),
    "E223": ("error", "link only whole web addresses (https://example.org/…) or mail addresses (mailto:name@example.org), "
                      "in the chapter's text; a file name or a page of this book cannot be linked"),
    "E238": ("error", "resolve the conflict: keep one version of the text and delete the other and the "
                      "'<<<<<<<', '=======' and '>>>>>>>' lines (or run 'git mergetool')"),
    "E237": ("error", "a value holding '#' goes in quotes: YAML reads ' #' and all after it as a comment"),
    "E227": ("error", "write the text without the tag (an empty line starts a paragraph, **…** is strong), "
                      "or '\\<' before it to print it"),
    "E222": ("error", "write the id after '#' as letters, digits and hyphens, a letter first: {#night-shift}"),
    "E221": ("error", "move the references chapter to the end, after the last question and the closing chapter"),
    "E231": ("error", "type the character itself (a plain space for '&nbsp;'), or write '\\&' to print an '&'"),
    "E232": ("error", "delete the underline (or put an empty line above a '---': a section break, left out); "
                      "a chapter's heading is written '## …'"),
    # (one sentence that fits every row, since the thirteenth sweep: each row's message says what to do with
    # its construct; "delete the marks (and any words they struck out)" read oddly after a sticker or a heading)
    "E233": ("error", "the format's Markdown is CommonMark, so every edition prints another tool's markup as written"),
    "E234": ("error", "convert the file again from its original as UTF-8, or type the text again: the editions "
                      "would print the garbled letters"),
    "E235": ("error", "move the closing chapter after the last question (the closing is the book's last question), or drop "
                      "'{.closing}' from it if it is a question like the others"),
    "E236": ("error", "delete it: a chapter's heading takes '{.closing}' or '{.references}', '{#id}' and '{lang=xx}' "
                      "(a BCP 47 tag such as en or zh-Hant)"),
    "E301": ("error", "write one pinyin syllable per Han character, e.g. 周鸿祎: zhōu hóng yī"),
    "E302": ("error", "name a voice 'publish voices' lists for that engine and the title's language, or delete the hint"),
    "E303": ("error", "split the chapter into two questions (no engine can give so many speakers of one "
                      "chapter voices apart)"),
    "W422": ("warning", "split the paragraph where its paragraphs end (an empty line between them), as the copy has them"),
    "W423": ("warning", "delete the mark (a slip of the input method or a conversion); for a pinyin with its tone, "
                        "type the toned letter itself (ǎ, not an a followed by a combining caron)"),
    "W401": ("warning", "use full-width ，：；？！（） and curly “” ‘’ inside Chinese text"),
    "W402": ("warning", "remove the speaker from the registry or give them an answer"),
    "W403": ("warning", "remove the entry or check the word's spelling in the text"),
    "W404": ("warning", "use one quotation style throughout (“…” and ‘…’)"),
    "W405": ("warning", "pin the reading in 'pronunciations:' if the guess is wrong"),
    "W406": ("warning", "set the voice hint (male | female …) or delete the line to let casting choose"),
    "W407": ("warning", "confirm the imported value (fix it if wrong), then delete the '# check:' comment"),
    "W408": ("warning", "write a common form of the character if there is one, or look at the PDF's page"),
    "W410": ("warning", "one person: declare them once and use that id in every answer; two people: "
                        "give them roles (or names) that tell them apart"),
    "W411": ("warning", "eSpeak builds offline and --engine auto takes it offline; to read the title with "
                        "both engines, split the chapter into two questions"),
    "W412": ("warning", "delete the copy, or, if the text is meant twice, leave it (a paste may have put one "
                        "speaker's words under another's name: check who said it)"),
    "W414": ("warning", "write a common form of the character if there is one (the pinyin pass has no reading "
                        "for this one, and 'pronunciations:' cannot give it one), or leave it without pinyin"),
    "W416": ("warning", "delete the line, or, where the break starts a new subject, make it a '##' question"),
    "W415": ("warning", "delete the space; write a table's rows as sentences or as a list"),
    "W417": ("warning", "write a numbered list as '1. ', '2. ' … in order (a bullet list as '- '), one item a line"),
    "W418": ("warning", "write the note in a '::: note' block after the chapters and delete the '[^…]' marker"),
    "W419": ("warning", "write each author as an item of the list: authors: [林小满, 王五]"),
    "W420": ("warning", "front-matter values are plain text: write the words without the tag"),
    "W421": ("warning", "delete the backslash at the paragraph's end (keep it only at the end of a line that "
                        "another line of the paragraph follows)"),
    "W424": ("warning", "split the file into its titles (one source a title), or check the readings of the rest "
                        "in the learner editions"),
    "W426": ("warning", "close the answer with ':::' above the question, write the question as its '##' heading, "
                        "and the answer below it in a fence of its own"),
    "W428": ("warning", "mark the paragraph's language: write it as [the paragraph's text]{lang=en} "
                        "(fr, de, es … for another language)"),
    "W430": ("warning", "mark the sentence's language: write it as [the sentence]{lang=en} (fr, de, es … for "
                        "another language)"),
    "W431": ("warning", "check the language's tag (sv, fi, sw …), or add a voice for it to [foreign.espeak] and "
                        "[foreign.edge] of pipeline/data/voices-languages.toml"),
    "W429": ("warning", "delete the label and its colon: the editions mark the questions themselves"),
    "W432": ("warning", "write the Chinese dash '——' (or, where the hyphens are meant, '\\--')"),
    "W433": ("warning", "number the questions in order, or delete the numbers (a question pasted twice, or cut: "
                        "check the chapters around it)"),
    "W435": ("warning", "write the question's words in the heading (a chapter named by its number alone, '第一问', "
                        "may stay)"),
    "W434": ("warning", "a comment in the front matter is '#' (half-width) after a space; a value that means '＃' "
                        "keeps it"),
    "W425": ("warning", "front-matter values are plain text: YAML's quotes are the straight \" and '"),
    "W413": ("warning", "keep the title to its headline and move the rest to 'subtitle:' or 'description:'"),
    "W409": ("warning", "write a language the audio edition reads (zh-Hans, zh-CN, zh-TW, yue …: "
                        "pipeline/data/voices-languages.toml), or build only the EPUB and PDF editions"),
}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    path: str
    line: int
    col: int
    message: str

    @property
    def severity(self) -> Severity:
        return RULES[self.code][0]

    def __str__(self) -> str:
        hint = RULES[self.code][1]
        return f"{self.path}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message} ({hint})"


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]
