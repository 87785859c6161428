"""``docs/data-dictionary.md`` cannot drift: it is parsed and checked against the code
(``TABLE_COLUMNS``, ``TABLE_TYPES``) and against every value of a fresh run of ``raw/``."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_diff import ROOT, run_pipeline

from pipeline.tables import TABLE_COLUMNS, TABLE_TYPES

DICTIONARY = ROOT / "docs" / "data-dictionary.md"
HEADER = ["column", "type", "meaning", "example", "normal form"]
Table = list[dict[str, str]]


def _cells(line: str) -> list[str]:
    """A markdown table row's cells; ``\\|`` is a literal pipe (GitHub's escape)."""
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def parse(text: str) -> dict[str, Table]:
    """Each ``## section``'s first markdown table, as rows keyed by the header."""
    sections: dict[str, Table] = {}
    for block in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        title, _, body = block.partition("\n")
        lines = [line for line in body.splitlines() if line.startswith("|")]
        if lines:
            header = _cells(lines[0])
            sections[title.strip()] = [dict(zip(header, _cells(line), strict=True)) for line in lines[2:]]
    return sections


def _code(cell: str) -> str:
    return cell[1:-1] if cell.startswith("`") and cell.endswith("`") else cell


@pytest.fixture(scope="module")
def dictionary() -> dict[str, Table]:
    return parse(DICTIONARY.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def forms(dictionary: dict[str, Table]) -> dict[str, re.Pattern[str]]:
    return {
        _code(row["normal form"]): re.compile(_code(row["pattern"])) for row in dictionary["Normal forms"]
    }


TYPE_CHECKS: dict[str, Callable[[str], object]] = {
    "string": str,
    "integer": lambda v: int(v) if re.fullmatch(r"-?[0-9]+", v) else int("not an integer"),
    "float": float,
    "date": dt.date.fromisoformat,
}


def test_every_table_and_column_is_documented_in_order(dictionary: dict[str, Table]) -> None:
    documented = {name: rows for name, rows in dictionary.items() if name in TABLE_COLUMNS}
    assert set(documented) == set(TABLE_COLUMNS), "a table is missing from docs/data-dictionary.md"
    for name, rows in documented.items():
        assert list(rows[0]) == HEADER, f"{name}: the columns of the dictionary table"
        assert [row["column"] for row in rows] == TABLE_COLUMNS[name], f"{name}: columns or their order"
        assert {row["column"]: row["type"] for row in rows} == TABLE_TYPES[name], f"{name}: types"
        assert all(row["meaning"] for row in rows), f"{name}: every column needs a meaning"


def test_types_and_normal_forms_are_defined(
    dictionary: dict[str, Table], forms: dict[str, re.Pattern]
) -> None:
    assert {_code(row["type"]) for row in dictionary["Types"]} == set(TYPE_CHECKS)
    for name in TABLE_COLUMNS:
        for row in dictionary[name]:
            unknown = set(re.findall(r"`([^`]+)`", row["normal form"])) - set(forms)
            assert not unknown, f"{name}.{row['column']}: normal form not in the legend: {unknown}"


def test_every_example_fits_its_type_and_normal_form(
    dictionary: dict[str, Table], forms: dict[str, re.Pattern]
) -> None:
    for name in TABLE_COLUMNS:
        for row in dictionary[name]:
            example = _code(row["example"])
            if example:
                _check(f"{name}.{row['column']} example", example, row, forms)


def _check(where: str, value: str, row: dict[str, str], forms: dict[str, re.Pattern]) -> None:
    try:
        TYPE_CHECKS[row["type"]](value)
    except ValueError:
        pytest.fail(f"{where}: {value!r} is not a {row['type']}")
    for form in re.findall(r"`([^`]+)`", row["normal form"]):
        assert forms[form].fullmatch(value), f"{where}: {value!r} is not in normal form {form}"


@pytest.fixture(scope="module")
def run_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_pipeline(tmp_path_factory.mktemp("dictionary") / "out", Path("raw")) / "tables"


def test_the_tables_of_a_run_match_the_dictionary(
    run_tables: Path, dictionary: dict[str, Table], forms: dict[str, re.Pattern]
) -> None:
    for name in TABLE_COLUMNS:
        with (run_tables / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == TABLE_COLUMNS[name]
            rows = {row["column"]: row for row in dictionary[name]}
            for i, record in enumerate(reader, start=2):
                for column, value in record.items():
                    if value:
                        _check(f"{name}.csv line {i}, {column}", value, rows[column], forms)


def test_cbs_names_belong_to_their_codes(run_tables: Path) -> None:
    with (ROOT / "rules" / "municipalities.csv").open(encoding="utf-8", newline="") as handle:
        register = {(row["code"], row["name"]) for row in csv.DictReader(handle)}
    checked = 0
    for name, columns in TABLE_COLUMNS.items():
        if {"municipality_code", "municipality_name"} <= set(columns):
            with (run_tables / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    if row["municipality_code"]:
                        assert (row["municipality_code"], row["municipality_name"]) in register, row
                        checked += 1
    assert checked > 0
