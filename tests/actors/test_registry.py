from __future__ import annotations

from pathlib import Path

import pytest

from hadath.actors.registry import ENV_VAR, default_registry, load_registry, user_paths
from hadath.errors import ConfigError


def test_registry_ships_enough_actors() -> None:
    registry = default_registry()
    assert len(registry) >= 300
    people = [a for a in registry.actors.values() if a.type == "PER"]
    assert len(people) >= 300
    assert all(a.name_lat for a in people)


@pytest.mark.parametrize("query", ["شويغو", "شويجو", "سيرجي شويغو", "سيرغي شويقو", "سيرجى شويجو"])
def test_registry_arabic_spellings_find_one_actor(query: str) -> None:
    assert [a.id for a in default_registry().candidates(query, "PER")] == ["sergei-shoigu"]


@pytest.mark.parametrize("query", ["Shoigu", "Sergei Shoigu", "sergey shoygu", "SHOIGU"])
def test_registry_latin_names_find_one_actor(query: str) -> None:
    assert [a.id for a in default_registry().by_latin(query)] == ["sergei-shoigu"]


def test_registry_context_decides_homographs() -> None:
    registry = default_registry()
    assert registry.best("طرابلس", "LOC", {"LB": 2}).id == "tripoli-lebanon"
    assert registry.best("طرابلس", "LOC", {"LY": 2}).id == "tripoli-libya"
    assert registry.best("طرابلس", "LOC").id == "tripoli-libya"


def test_registry_person_names_do_not_match_places() -> None:
    assert default_registry().candidates("عمان", "PER") == []


def test_registry_user_file_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- id: ivan-molotkov\n  type: PER\n  name_ar: إيفان مولوتكوف\n  name_lat: Ivan Molotkov\n"
        "  aliases_ar: [مولوتكوف]\n  roles:\n    - {title_ar: السفير الروسي في ليبيا, start: 2017, end: null}\n",
        encoding="utf-8",
    )
    registry = load_registry([extra])
    assert [a.id for a in registry.candidates("ايفان مولوتكوف")] == ["ivan-molotkov"]
    assert registry.by_latin("Molotkov")[0].id == "ivan-molotkov"
    assert "sergei-shoigu" in registry.actors


def test_registry_paths_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, f"{tmp_path / 'a.yaml'}:{tmp_path / 'b.yaml'}")
    assert user_paths() == [tmp_path / "a.yaml", tmp_path / "b.yaml"]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("- id: x\n  type: PERSON\n  name_ar: س\n", "type 'PERSON'"),
        ("- id: x\n  type: PER\n", "'name_ar' is missing"),
        ("- id: x\n  type: PER\n  name_ar: س\n- id: x\n  type: PER\n  name_ar: ص\n", "used twice"),
        ("- id: x\n  type: PER\n  name_ar: س\n  roles: [{title_ar: t, start: 'May 2016'}]\n", "not YYYY"),
        ("id: x\n", "expected a list"),
        ("- [unclosed\n", "not valid YAML"),
    ],
)
def test_registry_bad_user_file_names_file_and_entry(tmp_path: Path, body: str, problem: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as info:
        load_registry([bad])
    assert str(bad) in str(info.value)


def test_registry_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_registry([tmp_path / "nope.yaml"])
