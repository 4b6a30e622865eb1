from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.table import Table

from hadath.entities.evaluate import (
    entity_spans,
    format_ner_table,
    join_words,
    mentions_to_word_tags,
    read_conll,
    score_sentences,
)
from hadath.errors import ModelError
from hadath.model import Mention, Token

CONLL = "قال O\nالرئيس O\nبرند B-PERS\nجوتشولك I-PERS\nفي O\nفرانكفورت B-LOC\n. O\n\nوزارة B-ORG\nالمالية I-ORG\n"


def test_evaluate_read_conll_maps_pers_to_per(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    sentences = read_conll(path)
    assert len(sentences) == 2
    assert sentences[0][2] == ("برند", "B-PER")
    assert sentences[1] == [("وزارة", "B-ORG"), ("المالية", "I-ORG")]


def test_evaluate_read_conll_rejects_unknown_tags(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("كلمة B-FOO\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"bad\.txt:1"):
        read_conll(path)


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O"], {("PER", 0, 1)}),
        (["I-LOC", "I-LOC"], {("LOC", 0, 1)}),  # conlleval: a stray I- opens an entity
        (["B-PER", "B-PER"], {("PER", 0, 0), ("PER", 1, 1)}),
        (["B-PER", "I-ORG"], {("PER", 0, 0), ("ORG", 1, 1)}),
        (["O", "O"], set()),
    ],
)
def test_evaluate_entity_spans(tags: list[str], spans: set[tuple[str, int, int]]) -> None:
    assert entity_spans(tags) == spans


def test_evaluate_mentions_map_back_to_words() -> None:
    text, starts = join_words(["قال", "برند", "جوتشولك", "في", "وفرانكفورت"])
    person = Mention(text.index("برند"), text.index("جوتشولك") + len("جوتشولك"), "PER")
    place = Mention(text.index("فرانكفورت"), len(text), "LOC")  # clitic trimmed off the word
    assert mentions_to_word_tags([person, place], starts, 5) == ["O", "B-PER", "I-PER", "O", "B-LOC"]


class _Oracle:
    """Tags exactly the gold spans of the sentence it was built from."""

    def __init__(self, gold: dict[str, list[Mention]]) -> None:
        self.gold = gold

    def tag_tokens(self, text: str, tokens: Sequence[Token]) -> list[Mention]:
        return self.gold.get(text, [])


def test_evaluate_scores_perfect_and_empty_taggers(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    sentences = read_conll(path)
    first, _ = join_words([w for w, _ in sentences[0]])
    second, _ = join_words([w for w, _ in sentences[1]])
    oracle = _Oracle(
        {
            first: [
                Mention(first.index("برند"), first.index(" في"), "PER"),
                Mention(first.index("فرانكفورت"), first.index(" ."), "LOC"),
            ],
            second: [Mention(0, len(second), "ORG")],
        }
    )
    report = score_sentences(sentences, oracle)  # type: ignore[arg-type]
    assert report["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert report["per_type"]["PER"]["support"] == 1
    empty = score_sentences(sentences, _Oracle({}))  # type: ignore[arg-type]
    assert empty["micro"]["recall"] == 0.0


def test_evaluate_table_has_a_row_per_type_and_micro() -> None:
    scores = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    report = {
        "micro": {"precision": 0.5, "recall": 0.5, "f1": 0.5},
        "per_type": {kind: scores for kind in ("PER", "ORG", "LOC", "MISC")},
        "sentences": 3,
    }
    table = format_ner_table(report)
    assert isinstance(table, Table)
    assert table.row_count == 5


class _Lexicon:
    """Tags every occurrence of known words, wherever they are; records the texts it was given."""

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words
        self.texts: list[str] = []

    def tag_tokens(self, text: str, tokens: Sequence[Token]) -> list[Mention]:
        self.texts.append(text)
        return [Mention(t.start, t.end, self.words[t.norm]) for t in tokens if t.norm in self.words]  # type: ignore[arg-type]


@pytest.mark.parametrize("block", [1, 2, 3, 7, 50])
def test_evaluate_blocks_tag_each_sentence_once_as_lines_of_one_text(block: int) -> None:
    sentences = [[("زار", "O"), ("باريس", "B-LOC")], [("قال", "O"), ("بوتين", "B-PER")], [("غادر", "O"), ("لندن", "O")]] * 3
    lexicon = _Lexicon({"باريس": "LOC", "بوتين": "PER", "لندن": "LOC"})
    report = score_sentences(sentences, lexicon, block)  # type: ignore[arg-type]
    assert len(lexicon.texts) == -(-len(sentences) // block)
    assert [line for text in lexicon.texts for line in text.split("\n")] == [
        join_words([w for w, _ in s])[0] for s in sentences
    ]
    # Each sentence's mentions land on its own words: 6 right, 3 false "لندن".
    assert report["micro"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert report["per_type"]["LOC"]["support"] == 3
