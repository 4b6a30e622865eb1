"""What readers yield: articles, or problems that name the file (and line)."""

from __future__ import annotations

from dataclasses import dataclass

from hadath.model import Article


@dataclass(frozen=True, slots=True)
class Problem:
    source: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.problem}"


Record = Article | Problem
