from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from hadath.entities.gazetteer import (
    LEXICONS,
    Gazetteer,
    _registry_entries,
    default_gazetteer,
    read_names,
    write_names,
)


def test_gazetteer_matches_through_clitics() -> None:
    gazetteer = Gazetteer([("موسكو", "LOC")])
    assert gazetteer.categories("وبموسكو") == {"LOC"}


def test_gazetteer_longest_and_nested_matches() -> None:
    gazetteer = Gazetteer([("مجلس الأمن", "ORGC"), ("مجلس", "ORGC")])
    flags = gazetteer.flags(["مجلس", "امن", "دولي"])
    assert flags[0] == ["B-ORGC", "B-ORGC"]
    assert flags[1] == ["I-ORGC"]
    assert flags[2] == []


def test_gazetteer_skips_short_and_common_single_words() -> None:
    gazetteer = Gazetteer([("في", "LOC"), ("قم", "LOC")])
    assert len(gazetteer) == 0


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("القاهرة", "LOC"),
        ("الولايات المتحدة", "LOC"),
        ("المشير", "TTL"),
        ("الروسية", "NAT"),
        ("وزارة", "ORGC"),
        ("فايزة", "GIV"),
        ("عبد السلام", "GIV"),
        ("سيرجي", "GIV"),
        ("حلف شمال الأطلسي", "ORGN"),
        ("للأمم المتحدة", "ORGN"),
    ],
)
def test_default_gazetteer_categories(name: str, category: str) -> None:
    assert category in default_gazetteer().categories(name)


def test_default_gazetteer_leaves_out_everyday_words() -> None:
    gazetteer = default_gazetteer()
    assert not gazetteer.categories("السلطات")  # a Persian town name, not a place in Arabic news
    assert "GIV" not in gazetteer.categories("سلام")  # "peace" first: left out of the given names


@pytest.mark.parametrize("filename", sorted(LEXICONS))
def test_lexicon_files_hold_arabic_names_once_each(filename: str) -> None:
    text = resources.files("hadath.entities").joinpath("data", filename).read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert entries
    assert all(re.fullmatch(r"[\u0621-\u064a]+\.?(?: [\u0621-\u064a]+\.?)*", line) for line in entries), filename
    assert len(entries) == len(set(entries)), filename


def test_gazetteer_registry_absent_is_empty(tmp_path: Path) -> None:
    assert list(_registry_entries(tmp_path / "missing.yaml")) == []


def test_gazetteer_registry_names_become_actor_flags(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text(
        "actors:\n"
        "  - {id: haftar, type: PER, name_ar: خليفة حفتر, aliases_ar: [حفتر, هفتار]}\n"
        "  - {id: un, type: ORG, name_ar: الأمم المتحدة}\n",
        encoding="utf-8",
    )
    entries = set(_registry_entries(path))
    assert ("هفتار", "ACT_PER") in entries
    assert ("الأمم المتحدة", "ACT_ORG") in entries


def test_gazetteer_broken_registry_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text("actors: [unclosed\n", encoding="utf-8")
    assert list(_registry_entries(path)) == []


def test_gazetteer_names_table_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv.gz"
    write_names(path, [("جوتشولك", "T-PER"), ("اتحاد صناعة السيارات", "T-ORG")])
    gazetteer = read_names(path)
    assert gazetteer.categories("وجوتشولك") == {"T-PER"}
    assert gazetteer.categories("اتحاد صناعة السيارات") == {"T-ORG"}
