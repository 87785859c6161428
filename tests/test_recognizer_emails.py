"""Email recognizer: one table of real-looking positive and negative cases (Presidio style)."""

from __future__ import annotations

import pytest

from pipeline.recognizers.emails import find_emails, normalise_email

# (text, [(span as written, value), ...])
CASES = [
    (
        "Neem contact op via Mathilde.vandeVen@VNG.nl of 06-57593276.",
        [("Mathilde.vandeVen@VNG.nl", "mathilde.vandeven@vng.nl")],
    ),
    ("Mail naar diaservicepunt@vng.nl.", [("diaservicepunt@vng.nl", "diaservicepunt@vng.nl")]),
    (
        "<a href='mailto:Jan.Jansen@Gemeente-Ommen.nl'>",
        [("Jan.Jansen@Gemeente-Ommen.nl", "jan.jansen@gemeente-ommen.nl")],
    ),
    ("(info@prodemos.nl)", [("info@prodemos.nl", "info@prodemos.nl")]),
    ("'p.de.groot+dia@zwolle.nl'", [("p.de.groot+dia@zwolle.nl", "p.de.groot+dia@zwolle.nl")]),
    ("naam[at]vng[dot]nl", [("naam[at]vng[dot]nl", "naam@vng.nl")]),
    ("Bereikbaar via naam (at) vng.nl, ook op maandag.", [("naam (at) vng.nl", "naam@vng.nl")]),
    ("naam [at] vng [dot] nl", [("naam [at] vng [dot] nl", "naam@vng.nl")]),
    ("naam(a)minbzk.nl", [("naam(a)minbzk.nl", "naam@minbzk.nl")]),
    ("E-mail: naam at vng dot nl", [("naam at vng dot nl", "naam@vng.nl")]),
    ("mailadres: k.jansen at ommen punt nl", [("k.jansen at ommen punt nl", "k.jansen@ommen.nl")]),
    ("naam@vng .nl", [("naam@vng .nl", "naam@vng.nl")]),
    ("Twee: a@x.nl; b@y.com", [("a@x.nl", "a@x.nl"), ("b@y.com", "b@y.com")]),
    # The Dutch word for @ spelled out needs no mail word before it.
    (
        "Neem contact op met Karin: k.smit apenstaartje raadswerk punt nl of bel.",
        [("k.smit apenstaartje raadswerk punt nl", "k.smit@raadswerk.nl")],
    ),
    ("griffie apenstaartje ede.nl", [("griffie apenstaartje ede.nl", "griffie@ede.nl")]),
    (
        "via r.vos APENSTAARTJE provincie-utrecht PUNT nl",
        [("r.vos APENSTAARTJE provincie-utrecht PUNT nl", "r.vos@provincie-utrecht.nl")],
    ),
    # A bare "at" before a real domain with a well-known top-level domain.
    (
        "Contact: Jildou Vries, j.vries at gemeente-epe.nl, 06 1234 5678",
        [("j.vries at gemeente-epe.nl", "j.vries@gemeente-epe.nl")],
    ),
    (
        "Mail secretariaat at netwerk.frl of bel.",
        [("secretariaat at netwerk.frl", "secretariaat@netwerk.frl")],
    ),
    # In capitals the obfuscation needs no mail word; "Contact:" is one.
    (
        "Vragen? Bas Hoek, b.hoek AT rekenkamer-west DOT nl, 0118 123456",
        [("b.hoek AT rekenkamer-west DOT nl", "b.hoek@rekenkamer-west.nl")],
    ),
    ("Contact: e.smit at raadswerk punt nl.", [("e.smit at raadswerk punt nl", "e.smit@raadswerk.nl")]),
    (
        "Nazorg » Ria Bos, r.bos AT raadwerk DOT nl, 06 1234 5678",
        [("r.bos AT raadwerk DOT nl", "r.bos@raadwerk.nl")],
    ),
    ("Contact: p.dam at griffie punt nl.", [("p.dam at griffie punt nl", "p.dam@griffie.nl")]),
    # "apestaart" (a shorter Dutch word for @) in brackets, the dot as "(punt)".
    (
        "Meer weten: l.verbeek (apestaart) kennispunt (punt) be, ook 's avonds",
        [("l.verbeek (apestaart) kennispunt (punt) be", "l.verbeek@kennispunt.be")],
    ),
    (
        "Info: secretariaat (apestaart) griffie.gooise-meren (punt) nl",
        [("secretariaat (apestaart) griffie.gooise-meren (punt) nl", "secretariaat@griffie.gooise-meren.nl")],
    ),
    # Lower-case "at ... dot": "dot" is no Dutch word, so no mail word is needed.
    (
        "- ‘Groen in de wijk’: Sanne Kooij, s.kooij at stadslab dot nl, 06 1122 3344",
        [("s.kooij at stadslab dot nl", "s.kooij@stadslab.nl")],
    ),
    (
        "Overige vragen: netwerkdag at regio-west dot nl",
        [("netwerkdag at regio-west dot nl", "netwerkdag@regio-west.nl")],
    ),
    # Negatives
    ("De apestaart zit in de boom.", []),
    ("Hij at soep punt nl", []),
    ("Zij at brood dot xyz bij de lunch", []),
    ("Jan at vis dot en was blij", []),
    ("De AT-trein stopt in DOT-station", []),
    ("Het team AT work DOT kreeg een prijs", []),
    ("Contact: we at samen en gingen naar huis.", []),
    ("Kijk op www.vng.nl voor meer informatie.", []),
    ("Volg ons op Twitter: @VNG", []),
    ("naam@localhost", []),
    ("jan..jansen@vng.nl", []),
    ("Versie 2.0@14:00 uur", []),
    ("Het apenstaartje staat op elk toetsenbord.", []),
    ("We meet at noon in Ede.", []),
    ("Het team at samen in café.nl-stijl", []),
    ("Zij kwam at home.xyz binnen", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_emails(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_emails(text)
    assert [(f.text, f.value) for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.label == "EMAIL" and f.source == "rule:email"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mathilde.vandeVen@VNG.nl", "mathilde.vandeven@vng.nl"),
        ("mailto:Emma.Klever@VNG.nl", "emma.klever@vng.nl"),
        (" <emma.klever@vng.nl>. ", "emma.klever@vng.nl"),
        ("emma [at] vng [dot] nl", "emma@vng.nl"),
        ("emma.klever", None),
        ("", None),
    ],
)
def test_normalise_email(text: str, expected: str | None) -> None:
    assert normalise_email(text) == expected


def test_anchored_search_finds_what_finditer_finds() -> None:
    import random

    from pipeline.recognizers import emails

    rng = random.Random(7)
    pieces = [*"ab .@[](){}<>-+'_x1\n\t", " at ", " AT ", " dot ", "[at]", "(a)", " @ ", ".nl", " .nl", "vng"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    texts.append("Mail naar info [at] vng [dot] nl of naam at vng punt nl, jan @ vng .nl en a.b@c.d.nl.")
    patterns = [
        (emails._PLAIN, emails._AT),
        (emails._BRACKETED, emails._AT_OR_BRACKET),
        (emails._BARE, emails._BARE_AT),
        (emails._SPACED, emails._AT),
    ]
    for pattern, anchor in patterns:
        matched = 0
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in emails._finditer_near(pattern, text, anchor)] == expected, text
            matched += len(expected)
        assert matched > 0  # matches compared, not only misses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A spoken address, its local part read out with "punt" as well.
        (
            "kan mij mailen, k punt minnaard apenstaartje kleinekernenzeeland punt nl.",
            ["k.minnaard@kleinekernenzeeland.nl"],
        ),
        ("mail naar j punt de punt vries apenstaartje ede punt nl, graag", ["j.de.vries@ede.nl"]),
        ("Dat is pieter punt bos apenstaartje vng punt nl", ["pieter.bos@vng.nl"]),
        # "het punt" is a sentence's word, no part of the address after it.
        ("dat is het punt info apenstaartje vng punt nl", ["info@vng.nl"]),
        # An editor's correction after the address as heard: the corrected one only.
        ("mail k punt minard apenstaartje kkz punt nl [red.: k.minnaard@kkz.nl].", ["k.minnaard@kkz.nl"]),
        ("mail a.b@x.nl (lees: a.c@x.nl)", ["a.c@x.nl"]),
        # A note that corrects nothing keeps the address.
        ("mail a.b@x.nl [red.: zie bijlage]", ["a.b@x.nl"]),
        ("mail a.b@x.nl [red.: of bel]. Of c.d@x.nl", ["a.b@x.nl", "c.d@x.nl"]),
    ],
)
def test_a_spoken_address_and_an_editors_correction(text: str, expected: list[str]) -> None:
    assert [f.value for f in find_emails(text)] == expected
