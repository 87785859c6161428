"""Check-box lists as text shows them, whatever the format: "☒ A ☐ B ☒ anders, nl. C" in a
Word form's cell, "[x] A [ ] B" in a plain-text form, a PDF's ☒ glyphs. Only a ticked item is
a mention; an empty box prints an option nobody chose. The marks are data (``labels.yml``:
``checkbox_ticked``, ``checkbox_empty``, ``checkbox_other``)."""

from __future__ import annotations

import re
from functools import cache

from pipeline.rules import load_yaml

# The characters a box opens with: a text holding none of them is no check-box list (the
# cheap test before any pattern runs).
_FIRST = frozenset("☒☑✔☐□[")
_ITEM_END = " \t,;/|·"


@cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_yaml("labels.yml")
    ticked = "|".join(rules["checkbox_ticked"])
    empty = "|".join(rules["checkbox_empty"])
    return (
        re.compile(rf"(?P<ticked>{ticked})|(?:{empty})"),
        re.compile(rules["checkbox_other"], re.IGNORECASE),
    )


def opens_with_box(text: str) -> bool:
    """Whether ``text`` starts with a check box (ticked or not)."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in _FIRST and _marks()[0].match(stripped) is not None


def checkbox_items(text: str) -> list[tuple[int, int, bool]] | None:
    """The items of a check-box list as (start, end, ticked), or None when ``text`` is none:
    it must open with a box, so a bracket or tick inside a sentence is no list. An "other"
    option keeps only what is written after it ("anders, nl. Lingewaard" -> "Lingewaard");
    one left blank ("anders, nl. …") is no item."""
    if not any(c in _FIRST for c in text[:4]) or not opens_with_box(text):
        return None
    box, other = _marks()
    marks = list(box.finditer(text))
    items: list[tuple[int, int, bool]] = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        start, end = mark.end(), following.start() if following else len(text)
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end -= len(text[start:end]) - len(text[start:end].rstrip(_ITEM_END))
        cue = other.match(text[start:end])
        if cue is not None:
            start += cue.end()
        if re.search(r"\w", text[start:end]):
            items.append((start, end, mark.group("ticked") is not None))
    return items


def ticked_spans(text: str) -> list[tuple[int, int]] | None:
    """The spans of the ticked items, or None when ``text`` is no check-box list."""
    items = checkbox_items(text)
    return None if items is None else [(start, end) for start, end, ticked in items if ticked]
