from __future__ import annotations

from pathlib import Path

import pytest

from hadath.entities.crf import NerTagger, names_path
from hadath.entities.evaluate import read_conll
from hadath.entities.train import entity_names, split_dev, token_labels, train_ner
from hadath.errors import ModelError

# Sentences written for the tests, in ANERcorp's layout (PERS, clitics attached).
SENTENCES = [
    [
        ("قال", "O"),
        ("الرئيس", "O"),
        ("كريم", "B-PERS"),
        ("ناصر", "I-PERS"),
        ("في", "O"),
        ("بغداد", "B-LOC"),
        (".", "O"),
    ],
    [
        ("وزار", "O"),
        ("سامي", "B-PERS"),
        ("وليد", "I-PERS"),
        ("مقر", "O"),
        ("وزارة", "B-ORG"),
        ("الزراعة", "I-ORG"),
        (".", "O"),
    ],
    [("وصل", "O"), ("الوفد", "O"), ("إلى", "O"), ("عمان", "B-LOC"), ("أمس", "O"), (".", "O")],
    [("وأكد", "O"), ("حزب", "B-ORG"), ("النهضة", "I-ORG"), ("موقفه", "O"), (".", "O")],
]


def _write(path: Path, sentences: list[list[tuple[str, str]]]) -> None:
    path.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in sentences) + "\n", encoding="utf-8")


def test_train_token_labels_follow_runtime_tokens() -> None:
    sentence = [("(د", "O"), ("ب", "O"), ("أ)", "O"), ("وبغداد،", "B-LOC"), ("الجديدة", "I-LOC")]
    text, tokens, labels = token_labels(sentence)
    pairs = [(text[t.start : t.end], label) for t, label in zip(tokens, labels, strict=True)]
    assert pairs == [
        ("(", "O"),
        ("د", "O"),
        ("ب", "O"),
        ("أ", "O"),
        (")", "O"),
        ("وبغداد", "B-LOC"),
        ("،", "I-LOC"),
        ("الجديدة", "I-LOC"),
    ]


def test_train_entity_names_take_the_majority_type() -> None:
    sentences = [
        [("عمان", "B-LOC")],
        [("عمان", "B-LOC")],
        [("عمان", "B-ORG")],
        [("برند", "B-PER"), ("جوتشولك", "I-PER")],
    ]
    assert sorted(entity_names(sentences)) == [("برند جوتشولك", "T-PER"), ("عمان", "T-LOC")]


def test_train_split_dev_keeps_the_last_tenth() -> None:
    sentences = [[(str(i), "O")] for i in range(20)]
    _, dev = split_dev(sentences)
    assert len(dev) == 2
    assert dev[0] == [("18", "O")]


def test_train_ner_writes_a_loadable_model(tmp_path: Path) -> None:
    _write(tmp_path / "train.txt", SENTENCES * 5)
    out = tmp_path / "model" / "ner.crfsuite"
    summary = train_ner(tmp_path, out, max_iterations=20)
    assert out.is_file()
    assert names_path(out).is_file()
    assert summary["params"]["max_iterations"] == 20
    assert summary["sentences"]["final"] == 20
    text = "قال الرئيس كريم ناصر في بغداد ."
    from hadath.text.segment import tokenize

    mentions = NerTagger(out).tag_tokens(text, tokenize(text))
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)
    assert read_conll(tmp_path / "train.txt")[0][2] == ("كريم", "B-PER")


def test_train_ner_without_data_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"train\.txt"):
        train_ner(tmp_path, tmp_path / "ner.crfsuite")
