from __future__ import annotations

import pytest

from pipeline.checkboxes import checkbox_items, ticked_spans


def ticked(text: str) -> list[str] | None:
    spans = ticked_spans(text)
    return None if spans is None else [text[lo:hi] for lo, hi in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("☒ Tiel ☐ Buren ☒ Culemborg", ["Tiel", "Culemborg"]),
        ("[x] een training  [ ] een spel  [X] een podcast", ["een training", "een podcast"]),
        ("☑ Zaanstad, ☐ Oostzaan, ✔ Wormerland", ["Zaanstad", "Wormerland"]),
        ("☐ vervolgsessie ☒ anders, nl.: een webinar", ["een webinar"]),
        ("☒ overig: Horst aan de Maas", ["Horst aan de Maas"]),
        ("☐ Tiel ☒ anders, nl. …", []),
        ("☐ Tiel ☐ Buren", []),
    ],
)
def test_ticked_items_of_a_check_box_list(text: str, expected: list[str]) -> None:
    assert ticked(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tiel, Buren en Culemborg",
        "Zie bijlage [x] voor de cijfers",
        "Het vakje ☒ betekent: van toepassing",
        "[1] Raadsbrief van 3 mei",
        "",
    ],
)
def test_text_that_is_no_check_box_list(text: str) -> None:
    assert checkbox_items(text) is None
