"""The Dask executor gives the same documents as the local one, and contains a hang.

A ``LocalCluster`` with one worker process stands in for a real cluster: the client side
(submit, as_completed, time limit, worker restart) is the same code either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_batch import QUIET, entries, make_inputs, manifest, snapshot

from pipeline.batch import run_batch

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    import dask

    # One attempt per task: a worker that dies fails its document instead of being retried.
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit="2GB"
        ) as local,
    ):
        yield local.scheduler_address


def test_dask_gives_the_same_documents_as_local(cluster: str, tmp_path: Path) -> None:
    folder = make_inputs(tmp_path / "in", count=4)
    assert run_batch([folder], tmp_path / "local", workers=2, **QUIET) == 0
    assert run_batch([folder], tmp_path / "dask", executor="dask", scheduler=cluster, **QUIET) == 0
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
    assert manifest(tmp_path / "dask")["options"]["executor"] == "dask"


def test_dask_time_limit_and_crash_cost_one_document(
    cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_inputs(tmp_path / "in", count=2)
    (folder / "hangt.txt").write_text("Verslag\n")
    (folder / "segfault.txt").write_text("Verslag\n")
    monkeypatch.setenv("PIPELINE_BATCH_TEST_FAULTS", "hang:hangt;segv:segfault")
    code = run_batch([folder], tmp_path / "out", executor="dask", scheduler=cluster, timeout=3, **QUIET)
    assert code == 1
    got = entries(tmp_path / "out")
    assert got["hangt.txt"]["reason"] == "timed out after 3 s"
    assert got["segfault.txt"]["reason"].startswith("worker crashed")
    assert manifest(tmp_path / "out")["summary"]["ok"] == 2


def test_a_worker_with_other_code_or_rules_fails_its_documents() -> None:
    from pipeline.batch.dask_executor import DaskExecutor
    from pipeline.batch.worker import Result, WorkerConfig

    executor = DaskExecutor(WorkerConfig(), scheduler=None, workers=1, timeout=1, memory_mb=None)
    executor.expected_versions = ("code-a", "rules-a")
    same = Result(0, "ok", 0.1, doc_id="d", versions=("code-a", "rules-a"))
    other = Result(1, "ok", 0.1, doc_id="d", versions=("code-b", "rules-a"))
    assert executor._check(same) is same
    checked = executor._check(other)
    assert checked.status == "failed" and "install the same version" in (checked.reason or "")
