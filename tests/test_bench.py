"""The benchmark's own arithmetic: the target table from given runs, and the minimal chain it
measures the txt target against (the benchmark itself is not a test: ``make bench``)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run_bench import TXT_TARGET_RATIO, MinimalChain, Run, report  # noqa: E402


def _runs(txt_wall: float, startup: float = 1.0) -> dict[str, Run]:
    def run(name: str, docs: int, pages: int, workers: int, wall: float) -> Run:
        return Run(name, docs, pages, workers, wall, ok=docs, peak_rss_mb=100.0, workers_seen=workers)

    return {
        "startup": run("start-up", 1, 1, 2, startup),
        "txt_small_1": run("txt x100, 1 worker", 100, 100, 1, 3.0),
        "txt_small_2": run("txt x100, 2 workers", 100, 100, 2, 2.0),
        "txt_2": run("txt x2000, 2 workers", 2000, 2000, 2, txt_wall),
        "rerun": run("rerun", 2000, 2000, 2, 0.5),
        "docx_2": run("docx", 600, 600, 2, 10.0),
        "pdf_2": run("pdf", 600, 1800, 2, 10.0),
        "big_1": run("big", 1, 300, 1, 5.0),
    }


def _target_line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"| {start} >="))


BARE = {"pypdfium2": (5.0, 1800), "python-docx": (10.0, 600), "minimal txt chain": (10.0, 500)}


def test_txt_target_is_judged_as_a_ratio_to_the_minimal_chain_of_the_same_run() -> None:
    # The chain ran 50 docs/s: the target is 1.82 x 50 = 91 docs/s with 2 workers.
    met = _target_line(report(_runs(txt_wall=20.0), BARE, {"txt_small": 100, "txt": 2000}), "txt")
    missed = _target_line(report(_runs(txt_wall=25.0), BARE, {"txt_small": 100, "txt": 2000}), "txt")
    assert met.endswith("| yes |") and "2.00x wall" in met and "200 docs/s absolute: not reached" in met
    assert missed.endswith("| no |") and "1.60x wall" in missed
    assert math.isclose(TXT_TARGET_RATIO, 200 / 110)


def test_a_run_not_longer_than_its_start_up_has_no_steady_figure() -> None:
    assert all(math.isnan(x) for x in Run("x", 10, 10, 2, 1.0).rate(startup=0.9))
    assert Run("x", 10, 10, 2, 2.0).rate(startup=1.0) == (10.0, 10.0)


def test_minimal_chain_reads_a_report() -> None:
    chain = MinimalChain()
    text = "Raadsleden uit Haarlem en Zaanstad. Contact: a.jansen@vng.nl, 06-12345678.\n" * 20
    assert chain(text.encode("cp1252")) == 1
    assert {ent.text for ent in chain.nlp(text).ents} >= {"Haarlem", "Zaanstad"}
