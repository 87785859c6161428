"""Wiki markup in a plain-text export (Confluence, also MediaWiki headings), read as blocks.

A wiki page saved as text keeps its markup: ``h2. Title`` headings (MediaWiki ``== Title ==``),
``||Head||Head||`` tables with ``|cell|cell|`` rows, ``{quote}`` blocks, ``{info:title=X}`` and
``{panel}`` macros, ``# `` numbered and ``* `` bulleted items, ``*bold*`` and ``[text|link]``.
The markup is the layout a reader sees, so it becomes the block model a Word document gives
(headings with a level, table cells, list items, a quotation as one quoted paragraph) and no
later stage needs to know wikis. Only a text that shows wiki markup is read this way: in another
text ``# 1`` or ``*word*`` means what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Confluence's block macros: a line "{name}" or "{name:params}" is markup only with one of these
# names (a mail template's "{naam}" alone on a line is a placeholder, not a wiki).
_MACROS = (
    "quote|info|note|tip|warning|panel|expand|code|noformat|toc|page-properties|details|excerpt"
    "|section|column|status|anchor|children"
)
# A page is a wiki page when a line is a wiki heading, a known macro or a wiki header row.
_WIKI_LINE = re.compile(
    rf"^(?:h[1-6]\.\s|={{2,6}}[^=].*[^=]={{2,6}}$|\{{(?:{_MACROS})(?::[^}}]*)?\}}$|\|\|.+\|\|$)"
)
_HEADING = re.compile(
    r"^(?:h(?P<level>[1-6])\.\s+(?P<text>.+)|(?P<eq>={2,6})\s*(?P<eqtext>[^=].*?)\s*(?P=eq))$"
)
# A macro alone on its line: "{quote}", "{info:title=In voorbereiding}", "{panel}", "{toc:maxLevel=2}".
_MACRO = re.compile(rf"^\{{(?P<name>{_MACROS})(?::(?P<params>[^}}]*))?\}}$")
_TITLE_PARAM = re.compile(r"(?:^|\|)\s*title\s*=\s*(?P<title>[^|]+)")
# Numbered ("# ", "## ") and bulleted ("* ", "** ", "- ") items; the depth is the nesting level.
_RULE = re.compile(r"^-{4,}$")
_ITEM = re.compile(r"^(?P<marks>[#*]+|-)\s+(?P<text>\S.*)$")
# Inline markup: a link "[text|target]", a mention "[~user]", a bare link "[target]", an icon
# "(/)", "(x)", "(!)", strong "*x*", emphasis "_x_", monospace "{{x}}", colour "{color:red}x{color}".
_LINK = re.compile(r"\[(?:~(?P<user>[^\]|]+)|(?P<text>[^\]|]+)\|[^\]]+|(?P<bare>[^\]|~][^\]|]*))\]")
_ICON = re.compile(r"\((?:/|x|!|i|\?|y|n|\+|-|on|off|\*[rgby]?)\)")
_STRONG = re.compile(r"(?<![\w*])([*_])(?=\S)(?P<text>[^*_]*?\S)\1(?![\w*])")
_INLINE_MACRO = re.compile(r"\{\{|\}\}|\{color(?::[^}]*)?\}")
# A cell's line break, " \\ ": two values in one cell, kept apart as a semicolon parts a list.
_CELL_BREAK = re.compile(r"\s*\\\\\s*")
# Macros that hold no text of the report (a table of contents, an anchor, page-properties
# wrappers are dropped as lines; their content, if any, reads as any text).
_QUOTE_MACROS = frozenset({"quote"})
_QUOTE_MARKS = "“”\"'‘’„"


@dataclass
class WikiPage:
    """What the wiki reading found, keyed by line number; every other line stays as it is."""

    lines: list[str]
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)
    items: dict[int, tuple[str, int, str]] = field(default_factory=dict)
    tables: dict[int, tuple[int, list[list[str]]]] = field(default_factory=dict)


def is_wiki(lines: list[str]) -> bool:
    """True when some line is wiki markup (checked cheaply: first character first)."""
    return any(line[:1] in "h={|" and _WIKI_LINE.match(line) for line in lines)


def read_wiki(lines: list[str]) -> WikiPage:
    """The page's headings, list items and tables, with macro lines emptied and inline markup gone."""
    page = WikiPage(list(lines))
    for number, line in enumerate(lines):
        heading = _HEADING.match(line) if line[:1] in "h=" else None
        if heading:
            level = int(heading["level"]) if heading["level"] else len(heading["eq"]) - 1
            page.headings[number] = (level, inline(heading["text"] or heading["eqtext"]))
            page.lines[number] = ""
    _read_macros(page)
    _read_tables(page)
    numbers: dict[int, int] = {}
    for number, line in enumerate(page.lines):
        if _RULE.match(line):
            page.lines[number] = ""  # a horizontal rule parts the page, it says nothing
            continue
        item = _ITEM.match(line) if line[:1] in "#*-" and number not in page.tables else None
        if item is None:
            numbers.clear()  # a numbered list ends at any other line, as in the wiki
            page.lines[number] = inline(line) if line and number not in page.tables else line
            continue
        page.items[number] = _item(item, numbers)
        page.lines[number] = ""
    return page


def _item(item: re.Match[str], numbers: dict[int, int]) -> tuple[str, int, str]:
    """(marker, level, text) of a list item; "#" items are numbered on from the last one at
    their level, a deeper level starting again from one."""
    marks = item["marks"]
    level = len(marks) - 1 if marks != "-" else 0
    if not marks.startswith("#"):
        return "•", level, inline(item["text"])
    numbers[level] = numbers.get(level, 0) + 1
    for deeper in [key for key in numbers if key > level]:
        del numbers[deeper]
    return f"{numbers[level]}.", level, inline(item["text"])


def inline(text: str) -> str:
    """``text`` without inline markup: links as their text, mentions as the user, no icons."""
    if "[" in text:
        text = _LINK.sub(lambda m: m["user"] or m["text"] or m["bare"], text)
    if "(" in text:
        text = _ICON.sub("", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(lambda m: m["text"], text)
    if "{" in text:
        text = _INLINE_MACRO.sub("", text)
    return " ".join(text.split())


def _read_macros(page: WikiPage) -> None:
    """Macro lines go; a titled macro ("{info:title=X}") leaves its title as a heading and a
    quote macro's lines become one quoted paragraph, as a Word quotation reads."""
    lines = page.lines
    opened: dict[str, int] = {}
    for number, line in enumerate(lines):
        macro = _MACRO.match(line) if line[:1] == "{" else None
        if macro is None:
            continue
        name = macro["name"]
        lines[number] = ""
        if name in opened and not macro["params"]:
            start = opened.pop(name)
            if name in _QUOTE_MACROS:
                _quote(lines, start, number)
            continue
        opened[name] = number
        title = _TITLE_PARAM.search(macro["params"] or "")
        if title:
            page.headings[number] = (_deeper_than(page, number), inline(title["title"].strip()))


def _deeper_than(page: WikiPage, number: int) -> int:
    """A macro's title is a heading one level below the heading it stands under."""
    above = [n for n in page.headings if n < number]
    return (page.headings[max(above)][0] if above else 1) + 1


def _quote(lines: list[str], start: int, end: int) -> None:
    """The lines between ``{quote}`` and ``{quote}`` as one paragraph in quotation marks."""
    body = " ".join(inline(line) for line in lines[start + 1 : end] if line)
    for number in range(start + 1, end):
        lines[number] = ""
    if body:
        lines[start] = "“" + body.strip(_QUOTE_MARKS) + "”"


def _read_tables(page: WikiPage) -> None:
    """Runs of "|" lines that open with a "||Head||" row (or a row of two or more cells)."""
    lines = page.lines
    number = 0
    while number < len(lines):
        end = number
        while end < len(lines) and lines[end].startswith("|") and lines[end].endswith("|"):
            end += 1
        if end - number >= 2 or (end > number and lines[number].startswith("||")):
            rows = [_row(line) for line in lines[number:end]]
            page.tables[number] = (end, rows)
        number = max(end, number + 1)


def _row(line: str) -> list[str]:
    """The cells of a header row "||a||b||" or a row "|a|b|", inline markup read, breaks as "; "."""
    line = inline_links(line)
    separator = "||" if line.startswith("||") else "|"
    cells = line[len(separator) : -len(separator)].split(separator)
    return [_CELL_BREAK.sub("; ", inline(cell)).strip("; ") for cell in cells]


def inline_links(text: str) -> str:
    """Links first, so the "|" inside "[text|target]" does not part a cell."""
    return _LINK.sub(lambda m: m["user"] or m["text"] or m["bare"], text) if "[" in text else text
