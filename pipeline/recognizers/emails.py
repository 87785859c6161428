"""Email addresses, plain and obfuscated, in the Presidio style: patterns with a score,
context words, and a validation step that every candidate passes before it counts.

Patterns, most certain first (a later pattern never overlaps an earlier match):

- plain ``naam@vng.nl`` (a ``mailto:`` prefix is not part of the span);
- bracketed ``naam[at]vng[dot]nl``, ``naam (at) vng.nl``, ``naam [at] vng [dot] nl``,
  ``naam(a)vng.nl``, ``naam{at}vng.nl``;
- bare words ``naam at vng dot nl`` (also ``punt``), only with a mail word ("e-mail",
  "mailadres", "mail naar") shortly before, since "at" and "dot" alone are too weak;
- a stray space around ``@`` or before the final dot (``naam@vng .nl``, PDF extraction
  artefacts), only with a well-known top-level domain, at a lower score.

The value is the address in lower case with the obfuscation undone.
"""

from __future__ import annotations

import re

from pipeline.recognizers import Found

SOURCE = "rule:email"

# Local part: starts and ends with a word character so quotes and dots around it stay out.
_LOCAL = r"(?<![\w.+-])[\w](?:[\w.+'-]*[\w])?"
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_TLD = r"[a-zA-Z]{2,24}(?![\w-])"

_PLAIN = re.compile(rf"{_LOCAL}@(?:{_LABEL}\.)+{_TLD}")

_AT_BRACKET = r"\s?[\[({<]\s?(?:at|a|@|apenstaartje)\s?[\])}>]\s?"
_DOT_BRACKET = r"\s?[\[({<]\s?(?:dot|punt|\.)\s?[\])}>]\s?"
_BRACKETED = re.compile(
    rf"{_LOCAL}(?:{_AT_BRACKET}|@)(?:{_LABEL}(?:{_DOT_BRACKET}|\.))+{_TLD}",
    re.IGNORECASE,
)

_BARE = re.compile(
    rf"{_LOCAL} (?:at|AT) (?:{_LABEL} (?:dot|punt|DOT|PUNT) )+[a-zA-Z]{{2,6}}\b",
)
_MAIL_CONTEXT = re.compile(r"(?:e-?mail|mailadres|mailen|mail naar|mail:)", re.IGNORECASE)

# Spaces inside an address are PDF artefacts at best: accept them only before a common TLD.
_COMMON_TLDS = "nl|com|org|net|eu|be|de|info|nu|frl|gov|edu"
_SPACED = re.compile(
    rf"{_LOCAL} ?@ ?(?:{_LABEL}\.)*{_LABEL} ?\. ?(?:{_COMMON_TLDS})(?![\w-])",
    re.IGNORECASE,
)

_UNDO = [
    (re.compile(r"\s*[\[({<]\s*(?:at|a|@|apenstaartje)\s*[\])}>]\s*", re.IGNORECASE), "@"),
    (re.compile(r"\s*[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*", re.IGNORECASE), "."),
    (re.compile(r"\s+(?:at)\s+", re.IGNORECASE), "@"),
    (re.compile(r"\s+(?:dot|punt)\s+", re.IGNORECASE), "."),
    (re.compile(r"\s*@\s*"), "@"),
    (re.compile(r"\s*\.\s*"), "."),
]
_VALID = re.compile(rf"[\w](?:[\w.+'-]*[\w])?@(?:{_LABEL}\.)+[a-z]{{2,24}}")


def normalise_email(text: str) -> str | None:
    """The address in ``text`` in lower case with any obfuscation undone, or None."""
    candidate = text.strip().strip("<>\"'“”‘’,;:. ")
    if candidate.lower().startswith("mailto:"):
        candidate = candidate[len("mailto:") :].split("?", 1)[0]
    for pattern, replacement in _UNDO:
        candidate = pattern.sub(replacement, candidate)
    candidate = candidate.lower()
    if len(candidate) > 254 or ".." in candidate or not _VALID.fullmatch(candidate):
        return None
    return candidate


def find_emails(text: str) -> list[Found]:
    """Every email address in ``text``, plain or obfuscated, in order of position."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern, confidence, needs_context in (
        (_PLAIN, 0.99, False),
        (_BRACKETED, 0.9, False),
        (_BARE, 0.75, True),
        (_SPACED, 0.6, False),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if needs_context and not _MAIL_CONTEXT.search(text, max(0, start - 40), start):
                continue
            value = normalise_email(match.group())
            if value is None:
                continue
            taken.append((start, end))
            found.append(Found("EMAIL", start, end, match.group(), value, SOURCE, confidence))
    return sorted(found, key=lambda f: f.start)
