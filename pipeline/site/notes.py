"""Notes on a catalogue the site is written as asked but apps will show otherwise than the editor
expects: a text the directories cut short, titles they list under one name. Each is a line for
the editor (the site step prints them), never a refusal: the files are right, the apps are
what they are.
"""

from __future__ import annotations

from pipeline.site.catalogue import Title
from pipeline.site.show import Show


def catalogue_notes(show: Show, titles: list[Title]) -> list[str]:
    """Every note on `titles` as `show` publishes them."""
    notes = over_limits(show, titles)
    for same in same_titles(titles):
        notes.append(f"site: {' and '.join(t.slug for t in same)} have the same title '{same[0].full_title}': podcast "
                     f"apps and reading apps list entries by their titles, so readers see {len(same)} they cannot "
                     f"tell apart; give each its own 'title:' or 'subtitle:' (the site lists them as they are)")
    return notes


# What podcast directories keep of a text the feed carries: (where, its text, its limit in UTF-8
# bytes, who cuts it). Apple's podcast specification allows 4,000 bytes of a show's or an
# episode's description (Spotify the same): about 1,300 Chinese characters, 3 bytes each.
FEED_LIMITS = (
    ("the podcast's description", lambda show, title: None if title else show.description, 4000,
     "Apple Podcasts and Spotify"),
    ("its description", lambda show, title: title.doc.meta.description if title else None, 4000,
     "Apple Podcasts and Spotify"),
)


def over_limits(show: Show, titles: list[Title]) -> list[str]:
    """A note for each text of the feed longer than the directories keep."""
    notes = []
    episodes = [title for title in titles if title.file("mp3") and title.audio]
    for where, text_of, limit, who in FEED_LIMITS:
        for title in (None, *episodes):
            text = text_of(show, title)
            size = len(text.encode("utf-8")) if text else 0
            if size > limit:
                whose = f"{title.source}: " if title else ""
                notes.append(f"site: {whose}{where} is {size:,} bytes in UTF-8, and {who} show "
                             f"at most {limit:,} (about {limit // 3:,} Chinese characters): the rest is cut off in "
                             f"their apps; shorten it (the page shows it whole)")
    return notes


def same_titles(titles: list[Title]) -> list[list[Title]]:
    """Titles the feeds would show under one name (their title and subtitle, as apps show them,
    compared without case or surrounding space), in groups of two or more."""
    groups: dict[str, list[Title]] = {}
    for title in titles:
        groups.setdefault(" ".join(title.full_title.split()).casefold(), []).append(title)
    return [group for group in groups.values() if len(group) > 1]
