"""Where a value stands in its document's text, for a reviewer to judge a change.

A value is found through the document's ``mentions`` (offsets into ``text``, matched on
their normalised text or value) and, failing that, by a whitespace- and case-tolerant
search of ``text``. For a record inside a session the session's part of the text is
searched first, so ``Ommen`` in session 3 is shown in session 3, not where it first occurs.
A document without ``text`` (older runs) simply has no context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from pipeline.review import normal

WIDTH = 80  # characters of context either side


@dataclass(frozen=True)
class Snippet:
    """A value in its surroundings: ``before`` + ``match`` + ``after``, whitespace collapsed."""

    before: str
    match: str
    after: str
    start: int
    end: int


def find_context(doc: dict[str, Any] | None, anchors: tuple[str, ...], session: str | None) -> Snippet | None:
    """The first anchor found in ``doc``'s text (inside ``session`` when possible)."""
    text = doc.get("text") if doc else None
    if not isinstance(text, str) or not text:
        return None
    assert doc is not None
    spans = [_session_span(doc, session)] if session else []
    spans.append((0, len(text)))
    for lo, hi in spans:
        for anchor in anchors:
            found = _from_mentions(doc, text, anchor, lo, hi) or _search(text, anchor, lo, hi)
            if found:
                return _snippet(text, *found)
    return None


def _from_mentions(doc: dict[str, Any], text: str, anchor: str, lo: int, hi: int) -> tuple[int, int] | None:
    wanted = normal.key(anchor)
    for mention in doc.get("mentions", []):
        start, end = mention.get("start"), mention.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not lo <= start < end <= hi:
            continue
        said = {normal.key(mention.get("text")), normal.key(mention.get("value"))}
        # A mention whose offsets no longer point at its text is stale: search instead.
        if wanted in said and normal.key(text[start:end]) == normal.key(mention.get("text")):
            return start, end
    return None


def _search(text: str, anchor: str, lo: int, hi: int) -> tuple[int, int] | None:
    words = (normal.text(anchor) or "").split(" ")
    if not words[0]:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    found = re.compile(pattern, re.IGNORECASE).search(text, lo, hi)
    return (found.start(), found.end()) if found else None


def _session_span(doc: dict[str, Any], title: str) -> tuple[int, int]:
    """Where a session's text runs: from its heading mention to the next session's."""
    heads = sorted(
        (m["start"], normal.key(m.get("text")))
        for m in doc.get("mentions", [])
        if m.get("label") == "session" and isinstance(m.get("start"), int)
    )
    wanted = normal.key(title)
    for i, (start, said) in enumerate(heads):
        if said == wanted:
            return start, heads[i + 1][0] if i + 1 < len(heads) else len(doc["text"])
    return 0, len(doc["text"])


def _snippet(text: str, start: int, end: int) -> Snippet:
    before, after = text[max(0, start - WIDTH) : start], text[end : end + WIDTH]
    return Snippet(
        before=("…" if start > WIDTH else "") + _flat(before, keep_tail=True),
        match=_flat(text[start:end]),
        after=_flat(after) + ("…" if end + WIDTH < len(text) else ""),
        start=start,
        end=end,
    )


def _flat(value: str, keep_tail: bool = False) -> str:
    """Whitespace runs as one space, keeping a space that touches the match."""
    flat = " ".join(value.split())
    if keep_tail and value[-1:].isspace():
        flat += " "
    elif not keep_tail and value[:1].isspace():
        flat = " " + flat
    return flat


def changed_region(old: dict[str, Any] | None, new: dict[str, Any] | None) -> tuple[Snippet, Snippet] | None:
    """Where two versions of a text differ: from the first to the last differing character.

    A common prefix and suffix are cut off (linear time, unlike a full text diff); several
    edits far apart show as one region, shortened to what a reviewer can read.
    """
    old_text, new_text = (d.get("text") if d else None for d in (old, new))
    if not isinstance(old_text, str) or not isinstance(new_text, str) or old_text == new_text:
        return None
    limit = min(len(old_text), len(new_text))
    start = next((i for i in range(limit) if old_text[i] != new_text[i]), limit)
    tail = 0
    while tail < limit - start and old_text[-1 - tail] == new_text[-1 - tail]:
        tail += 1
    return _region(old_text, start, len(old_text) - tail), _region(new_text, start, len(new_text) - tail)


def _region(text: str, start: int, end: int) -> Snippet:
    snippet = _snippet(text, start, end)
    if len(snippet.match) <= 2 * WIDTH:
        return snippet
    return replace(snippet, match=snippet.match[:WIDTH] + " … " + snippet.match[-WIDTH:])
