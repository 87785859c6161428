"""Per-document cost of ``process_file`` next to bare-library baselines, in ONE process.

The machine is shared, so absolute figures drift between runs; the ratios to the bare
baselines measured in the same run are what to compare. Both wall time and CPU time
(``time.process_time``) are given: the CPU figure is the steadier one when other work runs.

    python bench/profile_docs.py [--corpus bench/out/corpus] [-n 40] [--repeat 3] [--profile txt]

``--profile FMT`` adds a cProfile of ``process_file`` over that format's files (top 30 by
own time and by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_bench import docx_text, pdfium_text, txt_text  # noqa: E402

from pipeline.process import process_file  # noqa: E402

BARE: dict[str, Callable[[bytes], int]] = {"txt": txt_text, "docx": docx_text, "pdf": pdfium_text}


def per_file_ms(files: list[Path], work: Callable[[Path], object], repeat: int) -> tuple[float, float]:
    """Medians over ``repeat`` passes of the mean wall and CPU milliseconds per file."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for path in files:
            work(path)
        wall.append((time.perf_counter() - start) * 1000 / len(files))
        cpu.append((time.process_time() - start_cpu) * 1000 / len(files))
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "out" / "corpus")
    parser.add_argument("-n", type=int, default=40, help="files per format")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default="txt,docx,pdf")
    parser.add_argument("--profile", choices=["txt", "docx", "pdf", "big"])
    args = parser.parse_args()
    formats = args.formats.split(",")
    files = {fmt: sorted((args.corpus / fmt).iterdir())[: args.n] for fmt in formats}
    for path in [p for fs in files.values() for p in fs[:2]]:
        process_file(path)  # warm-up: imports, rules, the spaCy pipeline
    for fmt in formats:
        bare, bare_cpu = per_file_ms(files[fmt], lambda p, fmt=fmt: BARE[fmt](p.read_bytes()), args.repeat)
        ours, ours_cpu = per_file_ms(files[fmt], process_file, args.repeat)
        pages = sum(BARE["pdf"](p.read_bytes()) for p in files[fmt]) if fmt == "pdf" else len(files[fmt])
        per_unit = len(files[fmt]) / pages
        print(
            f"{fmt:5} process_file {ours:7.2f} ms/doc (CPU {ours_cpu:6.2f})   "
            f"bare {bare:6.2f} ms/doc (CPU {bare_cpu:6.2f})   ratio bare/ours {bare / ours:5.2f}   "
            f"({pages / len(files[fmt]):.1f} pages/doc, {ours * per_unit:.2f} ms/page)",
            flush=True,
        )
    if args.profile:
        folder = args.corpus / args.profile
        targets = sorted(folder.iterdir())[: args.n]
        profiler = cProfile.Profile()
        profiler.enable()
        for path in targets:
            process_file(path)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
