from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from hadath.entities.vectors import Vectors, build_vectors, read_table, write_table
from hadath.errors import ModelError

# Articles written for the tests.
ARTICLES = [
    {"title": "زيارة", "text": "زار الرئيس كريم ناصر مدينة بغداد والتقى وزير الخارجية في بغداد."},
    {"title": "اجتماع", "text": "عقد حزب النهضة اجتماعا في تونس وقال الرئيس إن الحزب سيشارك."},
    {"title": "مؤتمر", "text": "وصل الوفد إلى عمان للمشاركة في مؤتمر عن المياه في عمان وبغداد."},
] * 20


def test_vectors_table_round_trip_is_close(tmp_path: Path) -> None:
    rnd = np.random.default_rng(0)
    matrix = rnd.normal(size=(3, 8)).astype(np.float32)
    path = tmp_path / "v.npz"
    write_table(path, ["بغداد", "تونس", "عمان"], matrix)
    table = read_table(path)
    assert table.dimensions == 8
    assert np.abs(table.matrix[1:] - matrix).max() <= np.abs(matrix).max() / 127
    assert table.ids(["تونس", "باريس"]).tolist() == [2, 0]  # 0: unknown, the zero row
    assert not table.matrix[0].any()


def test_vectors_unreadable_table_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "v.npz"
    path.write_bytes(b"not a table")
    with pytest.raises(ModelError):
        read_table(path)


def test_vectors_build_is_reproducible(tmp_path: Path) -> None:
    pytest.importorskip("gensim")
    corpus = tmp_path / "ant.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    tables: list[Vectors] = []
    for name in ("a.npz", "b.npz"):
        summary = build_vectors(corpus, tmp_path / name, dimensions=8, min_count=2, epochs=2)
        assert summary["words"] > 5
        tables.append(read_table(tmp_path / name))
    assert tables[0].index == tables[1].index
    assert np.array_equal(tables[0].matrix, tables[1].matrix)
    assert "بغداد" in tables[0].index  # stems: clitics and the article are split off
