from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from hadath.entities import neural, tagger
from hadath.entities.gazetteer import Gazetteer
from hadath.entities.neural import NeuralTagger, viterbi, viterbi_batch
from hadath.entities.neural_features import CHARS, UNK, Encoder, Inputs, view
from hadath.entities.vectors import Vectors
from hadath.errors import ModelError
from hadath.model import Mention
from hadath.text.segment import tokenize

from .test_crf import TEXTS

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
needs_shipped = pytest.mark.skipif(not neural.default_model_path().is_file(), reason="neural NER model not built")


def _encoder() -> Encoder:
    vectors = Vectors(["موسكو", "بوتين"], np.ones((2, 4), np.float32))
    views = [view(t, "زار بوتين موسكو") for t in tokenize("زار بوتين موسكو")] * 2
    return Encoder.fit(views, ["B-LOC", "I-LOC"], vectors)


def _well_formed(text: str, mentions: list[Mention]) -> None:
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= previous_end
        assert mention.type in ("PER", "ORG", "LOC", "MISC")
        previous_end = mention.end


def _fake_tagger(label_of: dict[str, str]) -> NeuralTagger:
    """A tagger whose 'network' gives a high score to a fixed label per known stem."""
    encoder = _encoder()
    words = {v: k for k, v in encoder.words.items()}

    def emit(inputs: Inputs, lengths: np.ndarray) -> np.ndarray:
        scores = np.zeros((*inputs.words.shape, len(LABELS)), np.float32)
        for (row, i), word_id in np.ndenumerate(inputs.words):
            scores[row, i, LABELS.index(label_of.get(words.get(int(word_id), ""), "O"))] = 5.0
        return scores

    zeros = np.zeros((len(LABELS), len(LABELS))).tolist()
    meta = {"labels": LABELS, "crf": {"transitions": zeros, "start": [0.0] * 9, "end": [0.0] * 9}}
    return NeuralTagger(meta, encoder, emit)


def _brute_force(scores: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    n, k = scores.shape
    best = max(
        itertools.product(range(k), repeat=n),
        key=lambda path: start[path[0]] + end[path[-1]] + sum(scores[i, path[i]] for i in range(n))
        + sum(trans[path[i - 1], path[i]] for i in range(1, n)),
    )
    return list(best)


@pytest.mark.parametrize("seed", range(5))
def test_neural_viterbi_finds_the_best_path(seed: int) -> None:
    rnd = np.random.default_rng(seed)
    scores, trans = rnd.normal(size=(4, 3)).astype(np.float32), rnd.normal(size=(3, 3)).astype(np.float32)
    start, end = rnd.normal(size=3).astype(np.float32), rnd.normal(size=3).astype(np.float32)
    assert viterbi(scores, trans, start, end) == _brute_force(scores, trans, start, end)


def test_neural_viterbi_batch_matches_rows_decoded_alone() -> None:
    rnd = np.random.default_rng(7)
    lengths = np.array([5, 1, 9, 3])
    scores = rnd.normal(size=(4, 9, 9)).astype(np.float32)
    trans = rnd.normal(size=(9, 9)).astype(np.float32)
    start, end = rnd.normal(size=9).astype(np.float32), rnd.normal(size=9).astype(np.float32)
    paths = viterbi_batch(scores, lengths, trans, start, end)
    assert paths == [viterbi(scores[i, : lengths[i]], trans, start, end) for i in range(4)]


def test_neural_viterbi_of_nothing_is_empty() -> None:
    assert viterbi(np.zeros((0, 3), np.float32), np.zeros((3, 3), np.float32), np.zeros(3), np.zeros(3)) == []


def test_neural_encoder_shapes_and_unknowns() -> None:
    encoder = _encoder()
    text = "زار كريم موسكو 2018 Reuters"
    inputs = encoder.encode(text, tokenize(text), Gazetteer([("موسكو", "LOC")]))
    n = len(tokenize(text))
    assert inputs.words.shape == (1, n) and inputs.chars.shape == (1, n, CHARS)
    assert inputs.vectors.shape == (1, n, 4) and inputs.cats.shape[:2] == (1, n)
    assert inputs.words[0, 1] == UNK  # كريم was never seen in training
    assert inputs.vectors[0, 2].tolist() == [1.0] * 4 and inputs.vectors[0, 1].tolist() == [0.0] * 4
    assert inputs.gazetteer[0, 2].tolist() == [1.0, 0.0]  # B-LOC on موسكو


def test_neural_encoder_handles_no_tokens_and_long_words() -> None:
    encoder = _encoder()
    empty = encoder.encode("", [], Gazetteer())
    assert all(a.shape[1] == 0 for a in empty)
    text = "ا" * 500
    assert encoder.encode(text, tokenize(text), Gazetteer()).chars.shape == (1, 1, CHARS)


def test_neural_tagger_maps_labels_to_mentions() -> None:
    text = "زار بوتين موسكو"
    found = _fake_tagger({"بوتين": "B-PER", "موسكو": "B-LOC"}).tag_tokens(text, tokenize(text))
    assert [(text[m.start : m.end], m.type) for m in found] == [("بوتين", "PER"), ("موسكو", "LOC")]


@given(TEXTS)
@settings(max_examples=80, deadline=None)
def test_neural_tagger_mentions_stay_in_bounds(text: str) -> None:
    fake = _fake_tagger({"بوتين": "B-PER", "موسكو": "I-LOC", "زار": "I-ORG"})
    _well_formed(text, fake.tag_tokens(text, tokenize(text)))


def test_neural_open_reports_a_missing_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        NeuralTagger.open(tmp_path / "ner.onnx")


def test_tagger_dev_f1_of_a_missing_or_broken_file_is_never_preferred(tmp_path: Path) -> None:
    broken = tmp_path / "ner.json"
    broken.write_text("{", encoding="utf-8")
    assert tagger._dev_f1(tmp_path / "absent.json") == -1.0
    assert tagger._dev_f1(broken) == -1.0
    broken.write_text(json.dumps({"dev": {"micro": {"f1": 0.75}}}), encoding="utf-8")
    assert tagger._dev_f1(broken) == 0.75


@needs_shipped
@pytest.mark.parametrize(
    "text",
    [
        "",
        "no Arabic here at all, just Reuters and the BBC.",
        "قَالَ الرَّئِيسُ فلاديمير بوتين فِي مُوسْكُو",  # diacritics
        "زار Emmanuel Macron القاهرة في ٢٠١٨/٠٣/١٢ ثم باريس",  # mixed scripts, Arabic-Indic digits
        "\n\n  \t",
    ],
)
def test_neural_shipped_tagger_stays_in_bounds(text: str) -> None:
    _well_formed(text, neural.load_neural(neural.default_model_path()).tag_tokens(text, tokenize(text)))


@needs_shipped
def test_neural_shipped_tagger_handles_a_megabyte_line() -> None:
    sentence = "وقال الرئيس فلاديمير بوتين في موسكو إن وزارة الخارجية ستعقد اجتماعا، "
    text = sentence * (1_000_000 // len(sentence))
    mentions = neural.load_neural(neural.default_model_path()).tag_tokens(text, tokenize(text))
    _well_formed(text, mentions)
    assert len(mentions) > 10_000


@needs_shipped
def test_neural_shipped_tagger_finds_a_person_and_a_place() -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن وزارة الخارجية الروسية ستعقد اجتماعا."
    found = {(text[m.start : m.end], m.type) for m in neural.load_neural(neural.default_model_path()).tag_tokens(text, tokenize(text))}
    assert ("فلاديمير بوتين", "PER") in found
    assert ("موسكو", "LOC") in found


@pytest.mark.parametrize(("neural_f1", "crf_f1", "kind"), [(0.76, 0.73, "neural"), (0.70, 0.73, "crf"), (0.73, 0.73, "crf")])
def test_tagger_runs_the_neural_model_only_where_it_beat_the_crf_on_dev(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neural_f1: float, crf_f1: float, kind: str
) -> None:
    onnx, crf_model = tmp_path / "ner.onnx", tmp_path / "ner.crfsuite"
    onnx.write_bytes(b"")
    neural.meta_path(onnx).write_text(json.dumps({"dev": {"micro": {"f1": neural_f1}}}), encoding="utf-8")
    crf_model.with_suffix(".json").write_text(json.dumps({"dev": {"micro": {"f1": crf_f1}}}), encoding="utf-8")
    monkeypatch.setattr(neural, "default_model_path", lambda: onnx)
    monkeypatch.setattr(tagger.crf, "default_model_path", lambda: crf_model)
    assert tagger.shipped_kind.__wrapped__() == kind


def test_tagger_runs_the_crf_when_no_neural_model_ships(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neural, "default_model_path", lambda: tmp_path / "absent.onnx")
    assert tagger.shipped_kind.__wrapped__() == "crf"


def test_neural_batches_cover_every_chunk_once_with_little_padding() -> None:
    lengths = [1, 3, 4, 5, 9, 10, 40, 41, 50, 100, 2, 2] + [7] * 70
    ranges, position = [], 0
    for n in lengths:
        ranges.append((position, position + n))
        position += n
    groups = list(neural.batches([*ranges, (position, position)]))  # an empty chunk is dropped
    assert sorted(r for g in groups for r in g) == sorted(ranges)
    for group in groups:
        sizes = [b - a for a, b in group]
        assert len(group) <= neural.BATCH
        assert max(sizes) <= neural.PAD_RATIO * min(sizes) + neural.PAD_SLACK


def test_neural_open_reports_an_unreadable_model(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    onnx = tmp_path / "ner.onnx"
    onnx.write_bytes(b"not a network")
    neural.meta_path(onnx).write_text(json.dumps(_encoder_meta()), encoding="utf-8")
    np.savez(neural.vectors_path(onnx), words="a", matrix=np.zeros((1, 4), np.int8), scale=np.ones(1, np.float32))
    with pytest.raises(ModelError, match="cannot load"):
        NeuralTagger.open(onnx)


def _encoder_meta() -> dict[str, object]:
    return {"labels": LABELS, "encoder": _encoder().spec}
