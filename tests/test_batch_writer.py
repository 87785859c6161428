"""The document writer thread of ``run_batch``: written, then noted, in order; errors surface."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.cache import CacheIndex
from pipeline.batch.manifest import Entry
from pipeline.batch.runner import DocumentWriter
from pipeline.batch.worker import Result


def result(index: int, payload: bytes) -> Result:
    return Result(
        index, "ok", 0.0, doc_id=f"doc-{index}", sha256=f"{index:064x}", format="txt", bytes=1,
        payload=payload, payload_sha256="ab" * 32,
    )  # fmt: skip


def test_documents_are_written_and_noted_in_the_order_they_finished(tmp_path: Path) -> None:
    cache = CacheIndex(tmp_path)
    writer = DocumentWriter(tmp_path, cache, backlog=2)
    for i in range(20):
        writer.submit(Entry(f"in/{i}.txt"), result(i, f"{{{i}}}\n".encode()), "key")
    writer.close()
    cache.close()

    assert [(tmp_path / "documents" / f"doc-{i}.json").read_bytes() for i in range(20)] == [
        f"{{{i}}}\n".encode() for i in range(20)
    ]
    assert list(CacheIndex.load(tmp_path).entries) == [f"in/{i}.txt" for i in range(20)]


def test_a_failed_write_is_raised_and_nothing_after_it_is_noted(tmp_path: Path) -> None:
    (tmp_path / "documents").write_text("a file where the folder should be")
    cache = CacheIndex(tmp_path)
    writer = DocumentWriter(tmp_path, cache)
    writer.submit(Entry("in/0.txt"), result(0, b"{}\n"), "key")
    with pytest.raises(OSError):
        writer.close()
    cache.close()
    assert CacheIndex.load(tmp_path).entries == {}
