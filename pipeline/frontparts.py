"""What the reader takes from a validated front matter into the document: the speakers (each id
once), the pronunciation table (each reading a Mandarin syllable per Han character, in a form the
passes can read back) and the metadata.

Apart from the body's walk because none of it depends on the body: the answers only look the
speakers up. Problems come back with the front matter's own lines and columns.
"""

from __future__ import annotations

from pipeline.frontmatter import FrontMatterInput, Positions
from pipeline.model import Location, Metadata, Pronunciation, Speaker, VoiceHint
from pipeline.pinyin_syllables import count_han, is_han, normalise_syllables
from pipeline.syllables import has_reading, is_syllable
from pipeline.texthygiene import Problem


def read_speakers(front: FrontMatterInput, positions: Positions, path: str) -> tuple[dict[str, Speaker], list[Problem]]:
    """The speakers by id, and E202 for an id declared a second time (the first one counts)."""
    speakers: dict[str, Speaker] = {}
    problems = []
    for index, item in enumerate(front.speakers):
        line, col = positions.of(("speakers", index, "id"))
        if item.id in speakers:
            first = speakers[item.id].loc.line
            problems.append(Problem("E202", line, col, f"speaker id '{item.id}' is declared twice (first on line {first})"))
            continue
        speakers[item.id] = Speaker(
            id=item.id, name=item.name, role=item.role, handle=item.handle, pseudonym=item.pseudonym,
            voice=VoiceHint(**item.voice.model_dump()), loc=Location(path=path, line=line, col=col),
        )
    return speakers, problems


def read_pronunciations(front: FrontMatterInput, positions: Positions,
                        path: str) -> tuple[tuple[Pronunciation, ...], list[Problem]]:
    """The pronunciation table in tone marks, and E301 for each entry the passes could not use."""
    result = []
    problems = []
    for word, reading in front.pronunciations.items():
        line, col = positions.key_of(("pronunciations", word))
        try:
            syllables = normalise_syllables(reading)
        except ValueError as exc:
            problems.append(Problem("E301", line, col, f"pronunciation of '{word}': {exc}"))
            continue
        written = reading.replace("'", " ").split()  # as the editor wrote them, digits and all
        wrong = [shown for shown, syllable in zip(written, syllables) if not is_syllable(syllable)]
        if wrong:
            problems.append(Problem("E301", line, col, f"pronunciation of '{word}': '{wrong[0]}' is not a Mandarin syllable"))
            continue
        try:  # the passes read the table in its tone-mark form: it must read back
            normalise_syllables(" ".join(syllables))
        except ValueError:
            problems.append(Problem("E301", line, col, f"pronunciation of '{word}': '{reading}' has no tone-mark spelling "
                                                       "the passes can read; write it with tone marks"))
            continue
        unknown = [c for c in word if is_han(c) and not has_reading(c)]  # ('〇' is not Han here and has a reading)
        if unknown:
            problems.append(Problem("E301", line, col, f"pronunciation of '{word}': the pinyin pass has no reading for "
                                                       f"'{unknown[0]}' and cannot take one for it"))
            continue
        if len(syllables) != count_han(word) + word.count("〇"):
            problems.append(Problem("E301", line, col,
                                    f"'{word}' has {count_han(word) + word.count('〇')} Han characters but "
                                    f"{len(syllables)} syllables"))
            continue
        result.append(Pronunciation(word=word, pinyin=" ".join(syllables), loc=Location(path=path, line=line, col=col)))
    return tuple(result), problems


def metadata(front: FrontMatterInput, default_slug: str) -> Metadata:
    """The document's metadata: the front matter's fields, the slug from the file's name when none is given."""
    return Metadata(
        id=front.id, slug=front.slug or default_slug, title=front.title, subtitle=front.subtitle,
        language=front.language, authors=tuple(front.authors), editor=front.editor, outlet=front.outlet,
        account=front.account, date=front.date, description=front.description, rights=front.rights,
        credit=front.credit,
    )
