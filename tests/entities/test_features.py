from __future__ import annotations

import pytest

from hadath.entities.features import chunk_features
from hadath.entities.gazetteer import Gazetteer
from hadath.text.segment import tokenize

SENTENCE = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن وزارة الخارجية ستعقد اجتماعا."


def _features(text: str, gazetteer: Gazetteer | None = None) -> list[list[str]]:
    return chunk_features(text, tokenize(text), gazetteer or Gazetteer())


def test_features_one_row_per_token() -> None:
    tokens = tokenize(SENTENCE)
    assert len(chunk_features(SENTENCE, tokens, Gazetteer())) == len(tokens)


def test_features_stem_drops_clitics() -> None:
    row = _features("وبموسكو")[0]
    assert "s=موسكو" in row
    assert "sig=conj+prep" in row
    assert "w=وبموسكو" in row


@pytest.mark.parametrize(("text", "expected"), [("بوتين", "s=بوتين"), ("الرئيس", "s=رئيس"), ("للرئيس", "s=رئيس")])
def test_features_stem(text: str, expected: str) -> None:
    assert expected in _features(text)[0]


def test_features_window_sees_two_neighbours_each_side() -> None:
    rows = _features("قال الرئيس فلاديمير بوتين أمس")
    middle = rows[2]
    assert "w[-2]=قال" in middle
    assert "w[-1]=الرئيس" in middle
    assert "w[1]=بوتين" in middle
    assert "w[2]=امس" in middle
    assert "w[-1]=BOS" in rows[0]
    assert "w[1]=EOS" in rows[-1]


def test_features_shape_of_latin_and_digits() -> None:
    rows = _features("قالت BBC إن 2018 عام")
    assert "sh=X" in rows[1]
    assert "k=number" in rows[3]


def test_features_arabic_indic_digits_fold() -> None:
    assert "w=2018" in _features("٢٠١٨")[0]


def test_features_gazetteer_flags_cover_multiword_names() -> None:
    gazetteer = Gazetteer([("الولايات المتحدة", "LOC")])
    rows = _features("وصل إلى الولايات المتحدة أمس", gazetteer)
    assert "g=B-LOC" in rows[2]
    assert "g=I-LOC" in rows[3]
    assert "g[-1]=B-LOC" in rows[3]
    assert not any(f.startswith("g=") for f in rows[0])
