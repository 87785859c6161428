"""tests/render.py: the markup for bold-only and italic paragraphs (used by tests/corpus/)."""

from __future__ import annotations

from pathlib import Path

from render import parse_markup, render_docx, render_pdf, visible_lines

MARKUP = """# Titel

**Parallelsessie A – Wonen**

*“Een citaat,” zegt Jan.*

Gewone tekst met *sterretjes* erin.
"""


def test_emphasis_lines_are_paragraphs_of_their_own() -> None:
    nodes = parse_markup(MARKUP + "**Vervolg**\nDirect eronder.\n")
    assert [(n.kind, n.emphasis, n.text) for n in nodes] == [
        ("heading", "", "Titel"),
        ("paragraph", "bold", "Parallelsessie A – Wonen"),
        ("paragraph", "italic", "“Een citaat,” zegt Jan."),
        ("paragraph", "", "Gewone tekst met *sterretjes* erin."),
        ("paragraph", "bold", "Vervolg"),
        ("paragraph", "", "Direct eronder."),
    ]
    assert visible_lines(MARKUP)[1:3] == ["Parallelsessie A – Wonen", "“Een citaat,” zegt Jan."]


def test_docx_runs_are_bold_or_italic_in_normal_paragraphs(tmp_path: Path) -> None:
    import docx

    document = docx.Document(str(render_docx(MARKUP, tmp_path / "e.docx")))
    paragraphs = {p.text: p for p in document.paragraphs}
    bold = paragraphs["Parallelsessie A – Wonen"]
    italic = paragraphs["“Een citaat,” zegt Jan."]
    assert bold.style.name == italic.style.name == "Normal"
    assert all(r.bold for r in bold.runs) and not any(r.italic for r in bold.runs)
    assert all(r.italic for r in italic.runs) and not any(r.bold for r in italic.runs)


def test_pdf_uses_bold_and_oblique_fonts(tmp_path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(render_pdf(MARKUP, tmp_path / "e.pdf", page_numbers=False)) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname", "size"])
    fonts = {w["text"]: w["fontname"] for w in words}
    assert "Bold" in fonts["Parallelsessie"]
    assert "Oblique" in fonts["zegt"]
    assert "Bold" not in fonts["Gewone"] and "Oblique" not in fonts["Gewone"]
    sizes = {w["text"]: w["size"] for w in words}
    assert sizes["Parallelsessie"] == sizes["Gewone"], "bold body text, not a heading size"
