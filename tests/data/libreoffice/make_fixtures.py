"""Make the LibreOffice PDF fixtures in this folder: real office software's PDFs of our reports.

Every Word report of ``tests/corpus/corpus.yml`` and the sample report is built as the corpus
test builds it (``tests/render.py``, with the entry's header and footer), again into
``hyphenated/`` with Word's automatic hyphenation on and the language Dutch, and into ``tables/``
two Word tables as users format them (a shaded header row; a header row repeated on every page,
the table running over two pages); then each is converted by LibreOffice Writer, as a user's
"Export as PDF" does::

    soffice --headless --convert-to pdf --outdir DIR REPORT.docx

Run on purpose only, on a machine with LibreOffice (``apt-get install libreoffice-writer hyphen-nl``, and
``fonts-crosextra-carlito fonts-crosextra-caladea`` for the metric-compatible stand-ins of
Calibri and Cambria, the fonts of the Word template). Neither the tests nor CI need LibreOffice:
they read the committed PDFs.

    python tests/data/libreoffice/make_fixtures.py            # every fixture, anew
    python tests/data/libreoffice/make_fixtures.py --missing  # only reports without a PDF yet

``--missing`` adds the Word reports added to the corpus since the last run and leaves the
committed PDFs byte for byte as they are (each export carries its own time stamp).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent.parent
sys.path.insert(0, str(TESTS))

from conftest import DATA, SAMPLE_STEM  # noqa: E402
from render import render  # noqa: E402
from test_corpus import CORPUS, load_corpus  # noqa: E402

# The sample's header and footer, as tests/test_sample_end_to_end.py renders it.
SAMPLE_OPTIONS = {"header": "Democratie in Actie – verslag", "footer": "VNG en BZK"}


def main(missing_only: bool = False) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice is not installed (apt-get install libreoffice-writer)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for entry in load_corpus():
            if entry.format == "docx":
                markup = (CORPUS / entry.source).read_text(encoding="utf-8")
                render(markup, "docx", folder / f"{entry.stem}.docx", **entry.options)
        sample = (DATA / "sample" / f"{SAMPLE_STEM}.md").read_text(encoding="utf-8")
        render(sample, "docx", folder / f"{SAMPLE_STEM}.docx", **SAMPLE_OPTIONS)
        if missing_only:
            for path in folder.glob("*.docx"):
                if (HERE / f"{path.stem}.pdf").exists() and (
                    HERE / "hyphenated" / f"{path.stem}.pdf"
                ).exists():
                    path.unlink()
        docx = sorted(str(p) for p in folder.glob("*.docx"))
        if not docx:
            print("every Word report has its PDFs already")
            return
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(HERE), *docx], check=True
        )
        (folder / "hyphenated").mkdir()
        for path in folder.glob("*.docx"):
            hyphenated(path, folder / "hyphenated" / path.name)
        hyphenated_docx = sorted(str(p) for p in (folder / "hyphenated").glob("*.docx"))
        subprocess.run(
            [
                soffice,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(HERE / "hyphenated"),
                *hyphenated_docx,
            ],
            check=True,
        )
        if missing_only:
            print(f"{len(docx)} missing PDFs written to {HERE} and {HERE / 'hyphenated'}")
            return
        (folder / "tables").mkdir()
        table_reports(folder / "tables")
        tables = sorted(str(p) for p in (folder / "tables").glob("*.docx"))
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(HERE / "tables"), *tables],
            check=True,
        )
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True, check=True).stdout
    print(f"{len(docx)} PDFs written to {HERE} with {version.strip()}")


def hyphenated(source: Path, target: Path) -> None:
    """The report with Word's automatic hyphenation on and its language Dutch (nl-NL), so that
    LibreOffice hyphenates it with its Dutch patterns (Debian's ``hyphen-nl``)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/settings.xml":
                data = data.replace(b"</w:settings>", b"<w:autoHyphenation/></w:settings>")
            elif item.filename == "word/styles.xml":
                data = re.sub(rb'w:lang w:val="[^"]*"', b'w:lang w:val="nl-NL"', data)
            zout.writestr(item, data)


def table_reports(folder: Path) -> None:
    """shaded-header.docx (3 sessions) and repeated-header.docx (80 sessions, two pages)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for name, rows, shaded, repeated in (
        ("shaded-header", 3, True, False),
        ("repeated-header", 80, False, True),
    ):
        document = docx.Document()
        document.add_paragraph("Hieronder staan de sessies met de deelnemende gemeenten en de begeleiders.")
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        header = table.rows[0]
        for cell, text in zip(header.cells, ["Sessie", "Gemeenten", "Begeleiding"], strict=True):
            cell.text = text
            if shaded:
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:fill"), "D9E2F3")
                cell._tc.get_or_add_tcPr().append(shading)
        if repeated:
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            header._tr.get_or_add_trPr().append(flag)
        for number in range(1, rows + 1):
            cells = table.add_row().cells
            cells[0].text = f"{number}. Thema {number}"
            cells[1].text = "Utrecht, Zeist, Houten"
            cells[2].text = "Jan de Vries (VNG)"
        document.add_paragraph("Einde van het overzicht.")
        document.save(str(folder / f"{name}.docx"))


if __name__ == "__main__":
    main(missing_only="--missing" in sys.argv[1:])
