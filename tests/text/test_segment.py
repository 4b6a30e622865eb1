from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text.segment import match_forms, split_sentences, tokenize

ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩0123456789 .،؛؟!«»\"'()-:#_\n\t",
         "\u200f", "\ufefb", "a", "Z", "é", "😀", "\u0670"]
    ),
    max_size=300,
)


def pieces_of(text: str, word: str) -> list[tuple[str, str]]:
    token = next(t for t in tokenize(text) if text[t.start : t.end] == word)
    return [(p.role, text[p.start : p.end]) for p in token.pieces]


@given(ARABIC_TEXT | st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_segment_offsets_slice_back_to_the_original(text: str) -> None:
    previous_end = 0
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text)
        assert token.start >= previous_end
        assert text[token.start : token.end].strip() == text[token.start : token.end]
        previous_end = token.end
        if token.pieces:
            assert token.pieces[0].start == token.start
            assert token.pieces[-1].end == token.end
            for left, right in itertools.pairwise(token.pieces):
                assert left.end == right.start
    for sentence in split_sentences(text):
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]


@given(ARABIC_TEXT)
@settings(max_examples=200, deadline=None)
def test_segment_sentences_are_ordered_and_disjoint(text: str) -> None:
    sentences = split_sentences(text)
    for left, right in itertools.pairwise(sentences):
        assert left.end <= right.start


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("والولايات", [("conj", "و"), ("article", "ال"), ("stem", "ولايات")]),
        ("بالعاصمة", [("prep", "ب"), ("article", "ال"), ("stem", "عاصمة")]),
        ("للمرة", [("prep", "ل"), ("article", "ل"), ("stem", "مرة")]),
        ("ولافروف", [("conj", "و"), ("stem", "لافروف")]),
        ("وزير", [("stem", "وزير")]),
        ("فرنسا", [("stem", "فرنسا")]),
        ("بريطانيا", [("stem", "بريطانيا")]),
        ("لـحفتر", [("prep", "لـ"), ("stem", "حفتر")]),
        ("لـ", [("prep", "لـ")]),
        ("وَالجَيْشُ", [("conj", "وَ"), ("article", "الجَ"[:2]), ("stem", "جَيْشُ")]),
        # an article behind a clitic only where the table knows the article form
        ("باليرمو", [("stem", "باليرمو")]),
        ("كاليفورنيا", [("stem", "كاليفورنيا")]),
        ("والده", [("stem", "والده")]),
        ("لليبيا", [("prep", "ل"), ("stem", "ليبيا")]),
        ("ولليبيا", [("conj", "و"), ("prep", "ل"), ("stem", "ليبيا")]),
        ("للاجئين", [("prep", "ل"), ("stem", "لاجئين")]),
        ("بالحرب", [("prep", "ب"), ("article", "ال"), ("stem", "حرب")]),
        # a preposition behind و only where its stem is likelier than the word after و
        ("وبكين", [("conj", "و"), ("stem", "بكين")]),
        ("وباحث", [("conj", "و"), ("stem", "باحث")]),
        ("وبالعاصمة", [("conj", "و"), ("prep", "ب"), ("article", "ال"), ("stem", "عاصمة")]),
    ],
)
def test_segment_splits_proclitics_with_offsets(word: str, pieces: list[tuple[str, str]]) -> None:
    text = f"قال {word} أمس"
    assert pieces_of(text, word) == pieces


def test_segment_hashtag_keeps_its_words() -> None:
    text = "غرد الناشطون #السودان_ينتفض اليوم"
    token = next(t for t in tokenize(text) if t.kind == "hashtag")
    assert text[token.start : token.end] == "#السودان_ينتفض"
    assert [p.norm for p in token.pieces if p.role == "stem"] == ["سودان", "ينتفض"]


def test_segment_match_forms_fold_alef_article_and_diacritics() -> None:
    assert match_forms("والإمارات") == match_forms("الامارات") == match_forms("إمارات")
    assert match_forms("مُوسْكُو") == ["موسكو"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال د. أحمد إن الوضع صعب. ثم غادر!", ["قال د. أحمد إن الوضع صعب.", "ثم غادر!"]),
        ("بلغ النمو 3.5 في المئة. وهو رقم قياسي؟ نعم.", ["بلغ النمو 3.5 في المئة.", "وهو رقم قياسي؟", "نعم."]),
        ("قال: «الزيارة ناجحة. والتعاون مستمر» ثم غادر. انتهى", ["قال: «الزيارة ناجحة. والتعاون مستمر» ثم غادر.", "انتهى"]),
        ("الفقرة الأولى\nالفقرة الثانية", ["الفقرة الأولى", "الفقرة الثانية"]),
    ],
)
def test_segment_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("موسكو - (الخبر) - الثلاثاء 29 نوفمبر 2016: التقى حفتر شويغو.", "موسكو - (الخبر) - الثلاثاء 29 نوفمبر 2016"),
        ("الخرطوم، 11 أبريل/نيسان 2019 - أعلن الجيش عزل البشير.", "الخرطوم، 11 أبريل/نيسان 2019"),
        ("بيروت - أعلن رئيس الحكومة استقالته.", "بيروت"),
    ],
)
def test_segment_dateline_is_its_own_segment(text: str, dateline: str) -> None:
    first = split_sentences(text)[0]
    assert first.kind == "dateline"
    assert text[first.start : first.end] == dateline


def test_segment_colon_after_speech_verb_is_not_a_dateline() -> None:
    sentences = split_sentences("قال الوزير: إن الحل قريب.")
    assert [s.kind for s in sentences] == ["sentence"]


@pytest.mark.parametrize("text", ["#_", "#a_b__c", "#\u064b", "#عاجل2019"])
def test_segment_hashtag_pieces_cover_the_token(text: str) -> None:
    [token] = tokenize(text)
    assert (token.pieces[0].start, token.pieces[-1].end) == (0, len(text))
