from __future__ import annotations

from hadath.entities.bio import label_spans
from hadath.entities.consistency import spread_names
from hadath.text.segment import tokenize


def _labelled(text: str, given: dict[int, str]) -> tuple[list, list[str]]:
    tokens = tokenize(text)
    return tokens, [given.get(i, "O") for i in range(len(tokens))]


def _named(tokens: list, labels: list[str]) -> list[tuple[str, str]]:
    return [(kind, " ".join(t.norm for t in tokens[a : b + 1])) for kind, a, b in label_spans(labels)]


def test_consistency_found_name_is_labelled_where_it_recurs_with_clitics() -> None:
    tokens, labels = _labelled("وصل الرئيس إلى موسكو .\nوقال مسؤول في وبموسكو إن موسكو ترحب .", {3: "B-LOC"})
    out = spread_names(tokens, labels)
    assert [kind for kind, _, _ in label_spans(out)] == ["LOC", "LOC", "LOC"]
    assert out[3] == "B-LOC"  # the tagger's own label stays


def test_consistency_multiword_names_spread_whole_and_before_their_parts() -> None:
    tokens, labels = _labelled(
        "زار فلاديمير بوتين القاهرة .\nوأكد فلاديمير بوتين أن بوتين لن يتأخر .", {1: "B-PER", 2: "I-PER", 3: "B-LOC"}
    )
    out = spread_names(tokens, labels)
    assert _named(tokens, out) == [
        ("PER", "فلاديمير بوتين"),
        ("LOC", "القاهره"),
        ("PER", "فلاديمير بوتين"),  # whole, not as a surname after a stray "فلاديمير"
        ("PER", "بوتين"),
    ]


def test_consistency_partly_labelled_recurrence_takes_the_whole_found_name() -> None:
    # The second sentence's tagger found only "كي مون"; the text's full name covers it.
    tokens, labels = _labelled(
        "التقى بان كي مون الوزير .\nوقال بان كي مون إن الوضع صعب .", {1: "B-PER", 2: "I-PER", 3: "I-PER", 8: "B-PER", 9: "I-PER"}
    )
    assert _named(tokens, spread_names(tokens, labels)) == [("PER", "بان كي مون"), ("PER", "بان كي مون")]


def test_consistency_partial_recurrence_keeps_other_types_and_crossing_spans() -> None:
    found = {1: "B-PER", 2: "I-PER", 3: "I-PER"}
    text = "التقى بان كي مون الوزير .\nوقال بان كي مون ساهم ."
    # "مون" labelled a place inside the recurrence: another type, left alone
    tokens, labels = _labelled(text, {**found, 9: "B-LOC"})
    assert spread_names(tokens, labels)[7:11] == ["O", "O", "B-LOC", "O"]
    # "كي مون ساهم" runs on past the recurrence's end: left alone
    tokens, labels = _labelled(text, {**found, 8: "B-PER", 9: "I-PER", 10: "I-PER"})
    assert spread_names(tokens, labels)[7:11] == ["O", "B-PER", "I-PER", "I-PER"]


def test_consistency_surname_alone_does_not_override_the_texts_own_reading() -> None:
    # "حلب" is labelled a place elsewhere in the text, so the person's last name does not make it PER.
    tokens, labels = _labelled(
        "قال محمد حلب إن حلب هادئة .\nوفي حلب أمس .", {1: "B-PER", 2: "I-PER", 4: "B-LOC"}
    )
    out = spread_names(tokens, labels)
    assert tokens[8].norm.endswith("حلب")
    assert out[8] == "B-LOC"


def test_consistency_majority_type_wins_and_ties_keep_labels() -> None:
    tokens, labels = _labelled("الأهلي فاز . الأهلي خسر . الأهلي تعادل .", {0: "B-ORG", 3: "B-ORG", 6: "B-LOC"})
    assert [kind for kind, _, _ in label_spans(spread_names(tokens, labels))] == ["ORG", "ORG", "ORG"]
    tokens, labels = _labelled("الأهلي فاز . الأهلي خسر .", {0: "B-ORG", 3: "B-LOC"})
    assert spread_names(tokens, labels) == labels


def test_consistency_short_names_and_common_words_are_not_spread() -> None:
    tokens, labels = _labelled("قال أب إن أب في البيت . في الدار", {1: "B-PER", 7: "B-LOC"})
    out = spread_names(tokens, labels)
    assert out[3] == "O"  # a two-letter name
    assert out[4] == "O"  # "في" is a common word


def test_consistency_keeps_length_and_handles_empty_text() -> None:
    assert spread_names([], []) == []
    tokens, labels = _labelled("لا أسماء هنا .", {})
    assert spread_names(tokens, labels) == labels
