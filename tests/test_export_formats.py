"""Parquet keeps the declared types; the Excel variant neutralises formulas; CSV stays exact."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from test_diff import pipeline_cli, run_pipeline

from pipeline.export import (
    csv_fragments,
    csv_header,
    dumps_json,
    excel_safe,
    parse_table_formats,
    table_csv_bytes,
    write_tables,
    write_tables_excel,
    write_tables_parquet,
)
from pipeline.process import process_file
from pipeline.tables import TABLE_COLUMNS, TABLE_TYPES, collect_rows

SAMPLE = Path(__file__).resolve().parent.parent / "raw" / "verslag-opstartsessie-utrecht-2019.txt"
PANDAS = {"string": "string", "integer": "Int64", "float": "Float64", "date": "object"}
ARROW = {"string": "string", "integer": "int64", "float": "double", "date": "date32[day]"}


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict]]:
    return collect_rows([process_file(SAMPLE, display_path="raw/" + SAMPLE.name)])


def test_parquet_has_the_declared_types(tables: dict[str, list[dict]], tmp_path: Path) -> None:
    write_tables_parquet(tmp_path, tables)
    for name in TABLE_COLUMNS:
        path = tmp_path / "tables" / f"{name}.parquet"
        schema = pq.read_schema(path)
        assert schema.names == TABLE_COLUMNS[name]
        assert {f.name: str(f.type) for f in schema} == {c: ARROW[t] for c, t in TABLE_TYPES[name].items()}
        frame = pd.read_parquet(path)
        assert {c: str(d) for c, d in frame.dtypes.items()} == {
            c: PANDAS[t] for c, t in TABLE_TYPES[name].items()
        }
        assert len(frame) == len(tables[name])


def test_parquet_round_trips_the_values_of_the_csv(tables: dict[str, list[dict]], tmp_path: Path) -> None:
    write_tables(tmp_path, tables)
    write_tables_parquet(tmp_path, tables)
    for name in TABLE_COLUMNS:
        typed = pd.read_parquet(tmp_path / "tables" / f"{name}.parquet")
        with (tmp_path / "tables" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            text_rows = list(csv.DictReader(handle))
        as_text = [
            {c: "" if pd.isna(v) else str(v) for c, v in row.items()} for row in typed.to_dict("records")
        ]
        assert as_text == text_rows, name


def test_nulls_and_dates_in_parquet(tmp_path: Path) -> None:
    rows = [
        {"doc_id": "a-1", "bytes": 10, "pages": None, "published": "2019-02-21", "event_date": None},
        {"doc_id": "b-2", "bytes": None, "pages": 3, "published": None, "event_date": "2023-01-31"},
    ]
    write_tables_parquet(tmp_path, {"documents": rows})
    frame = pd.read_parquet(tmp_path / "tables" / "documents.parquet")
    assert frame.bytes.tolist() == [10, pd.NA] and frame.pages.tolist() == [pd.NA, 3]
    assert frame.published.tolist() == [dt.date(2019, 2, 21), None]
    assert frame.event_date.tolist() == [None, dt.date(2023, 1, 31)]
    assert frame.title.isna().all() and str(frame.title.dtype) == "string"
    empty = pd.read_parquet(tmp_path / "tables" / "mentions.parquet")
    assert len(empty) == 0 and str(empty.confidence.dtype) == "Float64" and str(empty.start.dtype) == "Int64"


DANGEROUS = ['=HYPERLINK("http://x")', "+31657593276", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_excel_safe_neutralises_formulas(value: str) -> None:
    assert excel_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["Utrecht", "06-57593276", "a=b", "", None, 5, -3, 0.97])
def test_excel_safe_keeps_everything_else(value: object) -> None:
    assert excel_safe(value) == value


def test_excel_variant_and_default_csv_side_by_side(tables: dict[str, list[dict]], tmp_path: Path) -> None:
    write_tables(tmp_path, tables)
    write_tables_excel(tmp_path, tables)
    default = (tmp_path / "tables" / "contacts.csv").read_bytes()
    excel = (tmp_path / "tables" / "excel" / "contacts.csv").read_bytes()
    # The default keeps exact values for pandas; the Excel variant shows the phone as text.
    assert b",+31657593276," in default and not default.startswith(b"\xef\xbb\xbf")
    assert b",'+31657593276," in excel and excel.startswith(b"\xef\xbb\xbf") and b"\r\n" in excel
    assert pd.read_csv(io.BytesIO(default), dtype=str).phone_e164.tolist()[0] == "+31657593276"
    for name in TABLE_COLUMNS:
        assert (tmp_path / "tables" / "excel" / f"{name}.csv").is_file()


def test_excel_variant_of_hostile_cells(tmp_path: Path) -> None:
    rows = [{"doc_id": "d-1", "warning": value} for value in [*DANGEROUS, "Zoetermeer: geen code"]]
    write_tables(tmp_path, {"warnings": rows})
    write_tables_excel(tmp_path, {"warnings": rows})
    with (tmp_path / "tables" / "excel" / "warnings.csv").open(encoding="utf-8-sig", newline="") as handle:
        excel_cells = [row["warning"] for row in csv.DictReader(handle)]
    assert excel_cells == ["'" + v for v in DANGEROUS] + ["Zoetermeer: geen code"]
    assert (tmp_path / "tables" / "warnings.csv").read_bytes() == table_csv_bytes("warnings", rows)


def test_default_csv_keeps_formula_like_values_exact(tmp_path: Path) -> None:
    # A lone CR is left out: the default writer (lineterminator "\n") does not quote it, so
    # no CSV reader gets it back; extracted text never holds one (whitespace is collapsed).
    values = [v for v in DANGEROUS if "\r" not in v]
    write_tables(tmp_path, {"warnings": [{"doc_id": "d-1", "warning": v} for v in values]})
    exact = pd.read_csv(tmp_path / "tables" / "warnings.csv", dtype=str, keep_default_na=False)
    assert exact.warning.tolist() == values


def assert_variants_hold_the_facts_of_the_csv(run_dir: Path) -> None:
    for name in TABLE_COLUMNS:
        exact = pd.read_csv(run_dir / "tables" / f"{name}.csv", dtype=str, keep_default_na=False)
        typed = pd.read_parquet(run_dir / "tables" / f"{name}.parquet")
        excel = pd.read_csv(run_dir / "tables" / "excel" / f"{name}.csv", dtype=str, keep_default_na=False)
        assert len(exact) == len(typed) == len(excel), name
        assert list(excel.columns) == list(exact.columns) == list(typed.columns) == TABLE_COLUMNS[name]
        for column in exact.columns:
            assert [excel_safe(v) for v in exact[column]] == excel[column].tolist(), (name, column)


def test_variants_of_a_run_hold_the_facts_of_its_csv(tmp_path: Path) -> None:
    run_dir = run_pipeline(tmp_path / "out", Path("raw"))
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((run_dir / "documents").glob("*.json"))]
    tables = collect_rows(sorted(docs, key=lambda d: d["doc_id"]))
    write_tables_parquet(run_dir, tables)
    write_tables_excel(run_dir, tables)
    assert_variants_hold_the_facts_of_the_csv(run_dir)


def test_unknown_table_format_is_refused() -> None:
    assert parse_table_formats(" csv , parquet") == ["csv", "parquet"]
    with pytest.raises(ValueError, match="xlsx"):
        parse_table_formats("csv,xlsx")


def test_run_with_parquet_and_excel_safe(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = pipeline_cli("run", "raw", "--out", out, "--format", "csv,parquet", "--excel-safe")
    assert result.returncode == 0, result.stderr
    assert (out / "tables" / "excel" / "contacts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert_variants_hold_the_facts_of_the_csv(out)
    assert pipeline_cli("run", "raw", "--out", out, "--format", "xlsx").returncode == 2


# --- canonical JSON and CSV: the fast writers give the standard library's bytes ---------------


def _stdlib_json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@pytest.mark.parametrize(
    "value",
    [
        {"a": [], "b": {}, "c": None, "d": True, "e": 0.95, "f": 0.30000000000000004, "g": 1e20},
        {"text": "Súdwest-Fryslân „citaat“ \u2028 \x1f \x7f tab\t", "nested": [{"x": [1, [2, []]]}]},
        {"big": 2**70},  # beyond orjson's 64 bits: the fallback
        {1: "a non-string key"},  # orjson refuses it: the fallback
    ],
)
def test_document_json_is_the_standard_librarys_bytes(value: object) -> None:
    assert dumps_json(value) == _stdlib_json(value)


def test_a_real_document_is_written_as_the_standard_library_writes_it() -> None:
    doc = process_file(SAMPLE, display_path="raw/" + SAMPLE.name)
    assert dumps_json(doc) == _stdlib_json(doc)


def test_table_csv_is_what_a_dict_writer_writes(tables: dict[str, list[dict]]) -> None:
    for name in TABLE_COLUMNS:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=TABLE_COLUMNS[name], lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in tables[name])
        assert table_csv_bytes(name, tables[name]) == buffer.getvalue().encode("utf-8")


def test_csv_fragments_of_a_document_make_its_tables(tables: dict[str, list[dict]]) -> None:
    doc = process_file(SAMPLE, display_path="raw/" + SAMPLE.name)
    for name, (count, body) in csv_fragments(doc).items():
        assert count == len(tables[name])
        assert (csv_header(name) + body).encode("utf-8") == table_csv_bytes(name, tables[name])


def test_csv_body_gives_a_missing_column_an_empty_cell() -> None:
    from pipeline.export import csv_body

    # Rows with every column are read by itemgetter; one without a column takes the slow way.
    assert csv_body("emails", [{"doc_id": "d", "email": "a@b.nl"}, {"doc_id": "e"}]) == "d,a@b.nl\ne,\n"
    assert csv_body("emails", [{"doc_id": "d", "email": None}]) == "d,\n"
    assert csv_body("emails", []) == ""
