"""Make the LibreOffice PDF fixtures in this folder: real office software's PDFs of our reports.

Every Word report of ``tests/corpus/corpus.yml`` and the sample report is built as the corpus
test builds it (``tests/render.py``, with the entry's header and footer), then converted by
LibreOffice Writer, as a user's "Export as PDF" does::

    soffice --headless --convert-to pdf --outdir DIR REPORT.docx

Run on purpose only, on a machine with LibreOffice (``apt-get install libreoffice-writer``, and
``fonts-crosextra-carlito fonts-crosextra-caladea`` for the metric-compatible stand-ins of
Calibri and Cambria, the fonts of the Word template). Neither the tests nor CI need LibreOffice:
they read the committed PDFs.

    python tests/data/libreoffice/make_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent.parent
sys.path.insert(0, str(TESTS))

from conftest import DATA, SAMPLE_STEM  # noqa: E402
from render import render  # noqa: E402
from test_corpus import CORPUS, load_corpus  # noqa: E402

# The sample's header and footer, as tests/test_sample_end_to_end.py renders it.
SAMPLE_OPTIONS = {"header": "Democratie in Actie – verslag", "footer": "VNG en BZK"}


def main() -> None:
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
        docx = sorted(str(p) for p in folder.glob("*.docx"))
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(HERE), *docx], check=True
        )
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True, check=True).stdout
    print(f"{len(docx)} PDFs written to {HERE} with {version.strip()}")


if __name__ == "__main__":
    main()
