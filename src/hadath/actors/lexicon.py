"""Name lexicons shipped as data: given names (with Latin forms) and name-part rules.

Loaded lazily, once per process; the tables live in ``data/`` so that they can be
read and corrected without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from hadath.errors import ModelError


@dataclass(frozen=True, slots=True)
class GivenName:
    arabic: str
    latin: str
    origin: str  # "ar": matched strictly; "fo": matched with transliteration classes


def _data_text(name: str) -> str:
    path = resources.files("hadath.actors").joinpath("data", name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ModelError(f"actor lexicon {name} is missing from the package: {error}") from None


@cache
def given_names() -> tuple[GivenName, ...]:
    names: list[GivenName] = []
    for number, line in enumerate(_data_text("given_names.tsv").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[2] not in ("ar", "fo"):
            raise ModelError(f"given_names.tsv:{number}: expected 'arabic<TAB>latin<TAB>ar|fo'")
        names.append(GivenName(*fields))
    return tuple(names)


@cache
def name_rules() -> dict[str, list[str]]:
    """Honorifics, particles and the foreign words that start with ال (see name_rules.yaml)."""
    data = yaml.safe_load(_data_text("name_rules.yaml"))
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ModelError("name_rules.yaml: expected a mapping of lists of strings")
    return {str(k): [str(x) for x in v] for k, v in data.items()}
