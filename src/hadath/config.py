"""Settings, declared once: defaults, overridden by a TOML file and then the environment.

Each setting is read from ``HADATH_<NAME>`` in the environment, else from the file
named by ``HADATH_CONFIG`` (a TOML table ``[hadath]``), else its default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hadath.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    kind: str  # "str", "int", "list"
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "hadath.db", "str", "store location: a SQLite file or a postgresql:// URL"),
    Setting("stages", None, "list", "analysis stages to run (comma-separated); default: all registered"),
    Setting("workers", None, "int", "worker processes for the per-article step; default: all cores"),
    Setting("batch_size", 256, "int", "articles written per transaction"),
    Setting("registry", None, "list", "extra actor registry files (YAML), comma-separated"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    """The value of setting ``name`` after file and environment overrides."""
    setting = _BY_NAME[name]
    raw = os.environ.get(f"HADATH_{name.upper()}")
    if raw is None:
        raw = _file_values().get(name)
    if raw is None or raw == "":
        return setting.default
    return _convert(setting, raw)


def _convert(setting: Setting, raw: Any) -> Any:
    if setting.kind == "int":
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {setting.name}: expected a whole number, got {raw!r}") from None
    if setting.kind == "list":
        items = raw if isinstance(raw, list) else str(raw).split(",")
        return [str(item).strip() for item in items if str(item).strip()]
    return str(raw)


@cache
def _file_values() -> dict[str, Any]:
    path = os.environ.get("HADATH_CONFIG")
    if not path:
        return {}
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    values = data.get("hadath", {})
    unknown = set(values) - set(_BY_NAME)
    if unknown:
        raise ConfigError(f"{path}: unknown settings {sorted(unknown)}; known: {sorted(_BY_NAME)}")
    return dict(values)
