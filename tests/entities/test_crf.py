from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.entities.crf import MAX_CHUNK, chunks, default_model_path, labels_to_mentions, load_tagger
from hadath.model import Mention
from hadath.text.segment import tokenize

needs_model = pytest.mark.skipif(
    not default_model_path().is_file(), reason="NER model not built (hadath train ner --data DIR)"
)

# Arabic letters and marks, Arabic-Indic digits, Latin, punctuation, spaces and newlines.
ALPHABET = st.sampled_from(
    [
        *"ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآءؤئ",
        *"\u064e\u0650\u0651\u0640\u200f",
        *"٠١٢٣٤٥٦٧٨٩0123456789",
        *"abcXYZé",
        *" .,،؛؟!«»()-:\n",
        "ال",
        "وال",
        "لل",
        "بـ",
    ]
)
TEXTS = st.lists(ALPHABET, max_size=300).map("".join)
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def _assert_well_formed(text: str, mentions: list[Mention]) -> None:
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= previous_end  # sorted and not overlapping
        assert mention.type in ("PER", "ORG", "LOC", "MISC")
        assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]
        previous_end = mention.end


@given(TEXTS, st.randoms(use_true_random=False))
@settings(max_examples=300, deadline=None)
def test_crf_labels_to_mentions_stay_in_bounds(text: str, rnd: random.Random) -> None:
    tokens = tokenize(text)
    labels = [rnd.choice(LABELS) for _ in tokens]
    _assert_well_formed(text, labels_to_mentions(tokens, labels))


@pytest.mark.parametrize("text", ["للـ", "وللـ", "لل"])
def test_crf_mention_of_a_token_that_is_all_clitics_stays_whole(text: str) -> None:
    # "للـ" is ل + (ا)ل with no stem after them: found by the property test above
    tokens = tokenize(text)
    mentions = labels_to_mentions(tokens, ["B-PER"] * len(tokens))
    _assert_well_formed(text, mentions)
    assert mentions and mentions[0].end == len(text)


@given(TEXTS)
@settings(max_examples=200, deadline=None)
def test_crf_chunks_partition_tokens(text: str) -> None:
    tokens = tokenize(text)
    ranges = list(chunks(text, tokens))
    assert [i for start, end in ranges for i in range(start, end)] == list(range(len(tokens)))
    assert all(0 < end - start <= MAX_CHUNK for start, end in ranges)


def test_crf_labels_to_mentions_bio() -> None:
    text = "قال الرئيس فلاديمير بوتين في موسكو"
    tokens = tokenize(text)
    labels = ["O", "O", "B-PER", "I-PER", "O", "B-LOC"]
    mentions = labels_to_mentions(tokens, labels)
    assert [(text[m.start : m.end], m.type) for m in mentions] == [("فلاديمير بوتين", "PER"), ("موسكو", "LOC")]


def test_crf_stray_inside_label_opens_a_mention() -> None:
    text = "زار بوتين موسكو"
    tokens = tokenize(text)
    mentions = labels_to_mentions(tokens, ["O", "I-PER", "I-LOC"])
    assert [m.type for m in mentions] == ["PER", "LOC"]


@pytest.mark.parametrize(
    ("word", "name"),
    [("وبموسكو", "موسكو"), ("والقاهرة", "القاهرة"), ("للرئيس", "رئيس"), ("موسكو", "موسكو")],
)
def test_crf_mention_drops_leading_conjunction_and_preposition(word: str, name: str) -> None:
    tokens = tokenize(word)
    [mention] = labels_to_mentions(tokens, ["B-LOC"])
    assert word[mention.start : mention.end] == name


def test_crf_chunks_break_at_sentence_end_and_newline() -> None:
    text = "وصل الوفد. ثم غادر\nوعاد غدا"
    tokens = tokenize(text)
    spans = [[t.norm for t in tokens[a:b]] for a, b in chunks(text, tokens)]
    assert spans == [["وصل", "الوفد", "."], ["ثم", "غادر"], ["وعاد", "غدا"]]


def test_crf_chunks_break_after_an_ellipsis() -> None:
    text = "انتظر الجميع… ثم بدأ"
    tokens = tokenize(text)
    assert list(chunks(text, tokens)) == [(0, 3), (3, 5)]


def test_crf_chunks_cap_long_lines() -> None:
    text = " ".join(["كلمة"] * (MAX_CHUNK * 3 + 7))
    tokens = tokenize(text)
    ranges = list(chunks(text, tokens))
    assert len(ranges) == 4
    assert ranges[-1] == (MAX_CHUNK * 3, len(tokens))


@needs_model
@given(TEXTS)
@settings(max_examples=60, deadline=None)
def test_crf_tagger_mentions_stay_in_bounds(text: str) -> None:
    _assert_well_formed(text, load_tagger().tag_tokens(text, tokenize(text)))


@needs_model
def test_crf_tagger_finds_people_places_and_organisations() -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن وزارة الخارجية الروسية ستعقد اجتماعا."
    found = {(text[m.start : m.end], m.type) for m in load_tagger().tag_tokens(text, tokenize(text))}
    assert ("فلاديمير بوتين", "PER") in found
    assert ("موسكو", "LOC") in found


@needs_model
def test_crf_tagger_handles_a_very_long_single_line() -> None:
    sentence = "وقال الرئيس فلاديمير بوتين في موسكو إن وزارة الخارجية ستعقد اجتماعا، "
    text = sentence * 800  # ~55k characters, no sentence end, no newline
    mentions = load_tagger().tag_tokens(text, tokenize(text))
    _assert_well_formed(text, mentions)
    assert len(mentions) > 800
