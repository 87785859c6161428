"""Generate a benchmark corpus of Dutch session reports as .txt, .docx and .pdf.

Every report is made from a seeded random generator, so the same arguments give the same
corpus: a title, place and date, an introduction, sessions with attending municipalities,
facilitators, contacts (emails, phones in several spellings), offerings and quotes, padded
with report-like prose to the size asked (~1,500 words for txt, 1-5 A4 pages for PDF).

    python bench/make_corpus.py OUT --txt 2000 --docx 200 --pdf 200 [--big-pdf-pages 300]

PDFs are written with fpdf2 and the DejaVu fonts matplotlib ships (full Unicode), .docx
with python-docx (headings, list paragraphs and a contact table, as Word users write them).
"""

from __future__ import annotations

import argparse
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MUNICIPALITIES = [
    "Utrecht", "Amersfoort", "Zeist", "Houten", "Alphen a/d Rijn", "Den Haag", "Bergen NH", "Meijerijstad",
    "Fryske Marren", "Dijk en Waard", "Leiden", "Haarlem", "Zwolle", "Deventer", "Arnhem", "Nijmegen",
    "Tilburg", "Breda", "Eindhoven", "Maastricht", "Venlo", "Groningen", "Leeuwarden", "Assen", "Emmen",
    "Almere", "Lelystad", "Middelburg", "Vlissingen", "Goes", "Hengelo", "Enschede", "Apeldoorn", "Ede",
    "Wageningen", "Rijswijk", "Delft", "Gouda", "Dordrecht", "Schiedam", "Heerlen", "Sittard-Geleen",
]  # fmt: skip
FIRST = ["Jitske", "Emma", "Sanne", "Pieter", "Jan", "Fatima", "Mohammed", "Anouk", "Bram", "Lotte", "Kees",
         "Marieke", "Thijs", "Noor", "Ruben", "Esther", "Daan", "Yara", "Hans", "Ingrid"]  # fmt: skip
LAST = ["de Vries", "van Dijk", "Jansen", "Bakker", "van Popering-Verkerk", "Klever", "el Amrani", "Visser",
        "van den Berg", "Smit", "Mulder", "de Jong", "Bos", "van Leeuwen", "Hendriks", "Dekker"]  # fmt: skip
ORGS = ["VNG", "ProDemos", "ministerie van BZK", "Erasmus Universiteit Rotterdam", "Universiteit Utrecht",
        "Movisie", "Netwerk Democratie", "Platform 31", "Hogeschool Utrecht",
        "Nederlandse Democratie Alliantie"]  # fmt: skip
THEMES = ["Samen beslissen", "Burgerberaad in de praktijk", "Digitale participatie", "Raadsakkoorden",
          "Jongeren en de gemeenteraad", "Vertrouwen in het lokaal bestuur", "Wijkbudgetten",
          "Ondermijning en weerbaarheid", "Het uitdaagrecht", "Rekenkamer en raad"]  # fmt: skip
EVENTS = [
    "opstartsessie",
    "regiobijeenkomst",
    "werkconferentie",
    "leerkring",
    "expertmeeting",
    "kennissessie",
]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]  # fmt: skip
ROLES = ["wethouder", "raadslid", "griffier", "burgemeester", "beleidsadviseur", "projectleider"]
SENTENCES = [
    "De deelnemers wisselden ervaringen uit over de rol van de raad bij participatie.",
    "Er werd stilgestaan bij de vraag hoe inwoners eerder bij besluiten betrokken kunnen worden.",
    "Verschillende gemeenten lieten zien welke instrumenten zij al gebruiken.",
    "In kleine groepen is gesproken over de knelpunten die raadsleden tegenkomen.",
    "De griffie speelt daarbij een verbindende rol tussen raad, college en samenleving.",
    "Het programma Democratie in Actie ondersteunt gemeenten met kennis en begeleiding.",
    "Na de pauze volgde een gesprek over de lessen uit eerdere trajecten.",
    "Een aantal deelnemers gaf aan behoefte te hebben aan praktische handreikingen.",
    "Ook de relatie met de provincie en de regio kwam uitgebreid aan bod.",
    "De bijeenkomst werd afgesloten met een korte terugblik en afspraken over vervolg.",
    "Men was het erover eens dat transparantie over het proces essentieel is.",
    "Inwoners moeten weten wat er met hun inbreng gebeurt, zo werd benadrukt.",
]
WORDS_PER_PAGE = 380


@dataclass
class Report:
    title: str
    place_date: str
    intro: list[str]
    sessions: list[dict] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as plain-text lines (list items keep their marker)."""
        out = [self.title, self.place_date, "", *self.intro, ""]
        for s in self.sessions:
            out += [f"Sessie {s['number']}: {s['theme']}", s["text"], "Gemeenten: " + ", ".join(s["munis"])]
            out += [f"Facilitator: {s['facilitator']}", f"Contact: {s['contact']}", "Aanbod:"]
            out += [f"- {item}" for item in s["offerings"]] + [""]
        return out + self.quotes + [""] + self.closing


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _phone(rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(8))
    return rng.choice(
        [f"06-{digits}", f"06 {digits[:4]} {digits[4:]}", f"+31 6 {digits}", f"030-{digits[:7]}"]
    )


def _email(rng: random.Random, name: str) -> str:
    local = name.lower().replace(" ", ".").replace("-", "")
    return rng.choice([f"{local}@vng.nl", f"{local}[at]prodemos[dot]nl", f"{local} (at) gemeente.nl"])


def make_report(rng: random.Random, words: int) -> Report:
    year = rng.randint(2016, 2025)
    place = rng.choice(MUNICIPALITIES)
    report = Report(
        title=f"Verslag {rng.choice(EVENTS)} {place} {year}",
        place_date=f"{place}, {rng.randint(1, 28)} {rng.choice(MONTHS)} {year}",
        intro=[" ".join(rng.sample(SENTENCES, 4)) for _ in range(2)],
    )
    for number in range(1, rng.randint(2, 5) + 1):
        facilitator = _person(rng)
        report.sessions.append(
            {
                "number": number,
                "theme": rng.choice(THEMES),
                "text": " ".join(rng.sample(SENTENCES, 3)),
                "munis": rng.sample(MUNICIPALITIES, rng.randint(2, 6)),
                "facilitator": f"{facilitator} ({rng.choice(ORGS)})",
                "contact": f"{_email(rng, facilitator)}, {_phone(rng)}",
                "offerings": [
                    f"{rng.choice(['Training', 'Handreiking', 'Begeleiding', 'Webinar'])} "
                    f"{rng.choice(THEMES).lower()}"
                    for _ in range(rng.randint(1, 3))
                ],
            }
        )
    for _ in range(rng.randint(1, 3)):
        report.quotes.append(
            f'"{rng.choice(SENTENCES)[:-1]}," zegt {rng.choice(ROLES)} {_person(rng)} '
            f"van {rng.choice(MUNICIPALITIES)}."
        )
    while sum(len(line.split()) for line in report.lines()) < words:
        report.closing.append(" ".join(rng.sample(SENTENCES, 5)))
    return report


# --- writers -------------------------------------------------------------------------------------


def write_txt(report: Report, path: Path) -> None:
    path.write_text("\n".join(report.lines()) + "\n", encoding="utf-8")


def write_docx(report: Report, path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(report.title, level=1)
    document.add_paragraph(report.place_date)
    for text in report.intro:
        document.add_paragraph(text)
    for s in report.sessions:
        document.add_heading(f"Sessie {s['number']}: {s['theme']}", level=2)
        document.add_paragraph(s["text"])
        document.add_paragraph("Gemeenten: " + ", ".join(s["munis"]))
        table = document.add_table(rows=2, cols=2)
        for row, (label, value) in enumerate([("Facilitator", s["facilitator"]), ("Contact", s["contact"])]):
            table.cell(row, 0).text, table.cell(row, 1).text = label, value
        document.add_paragraph("Aanbod:")
        for item in s["offerings"]:
            document.add_paragraph(item, style="List Bullet")
    for text in report.quotes + report.closing:
        document.add_paragraph(text)
    document.save(str(path))


def _fonts() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def write_pdf(report: Report, path: Path, pages: int | None = None) -> None:
    """Lay the report out on A4; with ``pages``, add closing prose until that page is full."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(_fonts() / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(_fonts() / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for line in report.lines():
        _pdf_line(pdf, line)
    filler = report.closing or report.intro
    n = 0
    while pages and (pdf.page_no() < pages or pdf.get_y() < 235):
        _pdf_line(pdf, filler[n % len(filler)])
        n += 1
    pdf.output(str(path))


def _pdf_line(pdf: Any, line: str) -> None:
    bold = line.startswith(("Verslag", "Sessie"))
    pdf.set_font("DejaVu", "B" if bold else "", 13 if bold else 10.5)
    if line:
        pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.ln(3)


# --- the corpus --------------------------------------------------------------------------------


def make_corpus(
    out: Path, txt: int, docx: int, pdf: int, big_pdf_pages: int = 0, seed: int = 7, processes: int = 2
) -> dict[str, Path]:
    """Write the corpus into ``out/txt``, ``out/docx``, ``out/pdf`` (and ``out/big``).

    Files already there are kept (the corpus is deterministic), so a second benchmark run
    does not pay for generating it again; fpdf2 takes ~0.5 s per page-breaking PDF.
    """
    folders = {fmt: out / fmt for fmt in ("txt", "docx", "pdf")}
    jobs = []
    for fmt, count in (("txt", txt), ("docx", docx), ("pdf", pdf)):
        folders[fmt].mkdir(parents=True, exist_ok=True)
        jobs += [(fmt, i, folders[fmt] / f"verslag-{fmt}-{i:05d}.{fmt}", seed) for i in range(count)]
    if big_pdf_pages:
        folders["big"] = out / "big"
        folders["big"].mkdir(parents=True, exist_ok=True)
        jobs.append(("big", big_pdf_pages, folders["big"] / f"jaarverslag-{big_pdf_pages}-paginas.pdf", seed))
    todo = [job for job in jobs if not job[2].exists()]
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(_make_one, todo, chunksize=8))
    return folders


def _make_one(job: tuple[str, int, Path, int]) -> None:
    fmt, i, path, seed = job
    rng = random.Random(f"{seed}-{fmt}-{i}")
    tmp = path.with_name(f".{path.name}.tmp")
    if fmt == "txt":
        write_txt(make_report(rng, rng.randint(1300, 1700)), tmp)
    elif fmt == "docx":
        write_docx(make_report(rng, rng.randint(900, 1500)), tmp)
    elif fmt == "pdf":
        pages = rng.randint(1, 5)
        write_pdf(make_report(rng, min(pages * WORDS_PER_PAGE, 1500)), tmp, pages)
    else:  # "big": i is the number of pages
        write_pdf(make_report(rng, 3000), tmp, i)
    tmp.replace(path)  # an interrupted generation leaves no half file that would be kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--txt", type=int, default=100)
    parser.add_argument("--docx", type=int, default=20)
    parser.add_argument("--pdf", type=int, default=20)
    parser.add_argument("--big-pdf-pages", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    make_corpus(args.out, args.txt, args.docx, args.pdf, args.big_pdf_pages)
    print(f"corpus in {args.out} ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
