"""The short report `publish import` prints: what was found, merged, guessed and fixed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.importers import Imported


def summary_lines(result: Imported) -> list[str]:
    draft = result.draft
    stats = draft.stats
    answers = draft.answers
    closing = [c.title for c in draft.chapters if c.closing]
    paragraphs = len(draft.article) + sum(len(a.paragraphs) for a in answers)
    overrides = [f"{draft.people[a.person].id} “{a.role_override}”" for a in answers if a.role_override]
    doubts = [(p.id, d) for p in draft.people for d in p.doubts]
    pseudonyms = [p.name for p in draft.people if p.pseudonym]
    lines = [
        f"wrote {result.target} from {draft.kind}",
        f"  paragraphs          {paragraphs} ({len(draft.article)} in the article)",
        f"  questions           {len(draft.questions)}" + (f" + closing chapter “{closing[0]}”" if closing else ""),
        f"  answers             {len(answers)}",
        f"  speakers            {len(draft.people)}" + (f", pseudonyms: {'、'.join(pseudonyms)}" if pseudonyms else ""),
        f"  merges              {len(stats.merges)}" + "".join(f"\n                        {m}" for m in stats.merges),
        f"  roles per answer    {len(overrides)}" + (f" (role=: {', '.join(overrides)})" if overrides else ""),
        f"  uncertain splits    {len(doubts)}" + (" (marked '# check:' in the file)" if doubts else "")
        + "".join(f"\n                        {ident}: {doubt}" for ident, doubt in doubts),
        f"  punctuation fixed   {stats.punctuation_fixed} half-width mark(s) made full-width"
        + (f", {stats.spaces_removed} space(s) beside full-width marks removed" if stats.spaces_removed else ""),
        f"  notes               {len(draft.notes) + len(draft.notes_after)}, references {len(draft.references)}"
        + (", credit line found" if draft.credit else ", no credit line"),
    ]
    lines += [f"  note                {note}" for note in stats.notes]
    lines += [f"  check               the copy says “{s}”: set the pseudonyms by hand" for s in draft.pseudonym_doubts]
    if draft.people:
        lines.append(f"  voice hints         {len(draft.people)} placeholder(s): warnings (W406) until set or deleted")
    if result.placeholders:
        lines.append(f"  placeholders        {len(result.placeholders)} left to fill (errors until then):")
        lines += [f"    {p}" for p in result.placeholders]
    lines.append(f"next: edit {result.target}, then run 'publish check {result.target}'")
    return lines
