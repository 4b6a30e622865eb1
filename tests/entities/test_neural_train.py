from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from hadath.entities.crf import names_path
from hadath.entities.evaluate import read_conll
from hadath.entities.neural import NeuralTagger, meta_path, vectors_path
from hadath.entities.neural_features import pad_batch
from hadath.entities.vectors import write_table
from hadath.errors import ModelError
from hadath.text.segment import tokenize

from .test_train import SENTENCES, _write

torch = pytest.importorskip("torch")
pytest.importorskip("onnx")

from hadath.entities.neural_train import NeuralParams, train_neural  # noqa: E402

TINY = NeuralParams(epochs=2, dev_epochs=3, batch=4, hidden=8, word_dim=4, char_dim=4, char_filters=4, members=1)


def _data(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    data.mkdir()
    _write(data / "train.txt", SENTENCES * 5)
    table = tmp_path / "v.npz"
    write_table(table, ["بغداد", "عمان", "وزاره"], np.eye(3, 4, dtype=np.float32))
    return data, table


def test_neural_train_exports_a_model_onnxruntime_runs(tmp_path: Path) -> None:
    data, table = _data(tmp_path)
    out = tmp_path / "model" / "ner.onnx"
    summary = train_neural(data, out, table, TINY)
    assert summary["kind"] == "neural" and summary["sentences"]["dev"] == 2
    assert summary["dev"]["epoch"] == TINY.epochs
    for path in (out, meta_path(out), vectors_path(out), names_path(out)):
        assert path.is_file()
    tagger = NeuralTagger.open(out)
    text = " ".join(word for word, _ in read_conll(data / "train.txt")[0])
    alone = tagger.encoder.encode(text, tokenize(text), tagger.gazetteer)
    shorter = tagger.encoder.encode(text, tokenize(text)[:3], tagger.gazetteer)
    batch, lengths = pad_batch([shorter, alone])
    scores = tagger.emit(batch, lengths)
    assert scores.shape == (2, len(tokenize(text)), 9)
    # Padding never changes a row's scores: each row scores as it does alone.
    np.testing.assert_allclose(scores[0, :3], tagger.emit(*pad_batch([shorter]))[0], atol=1e-5)
    np.testing.assert_allclose(scores[1], tagger.emit(*pad_batch([alone]))[0], atol=1e-5)
    assert all(0 <= m.start < m.end <= len(text) for m in tagger.tag_tokens(text, tokenize(text)))


def test_neural_train_is_reproducible(tmp_path: Path) -> None:
    data, table = _data(tmp_path)
    first = train_neural(data, tmp_path / "a" / "ner.onnx", table, TINY)
    second = train_neural(data, tmp_path / "b" / "ner.onnx", table, TINY)
    assert first["dev"] == second["dev"]
    metas = [json.loads(meta_path(tmp_path / d / "ner.onnx").read_text(encoding="utf-8")) for d in "ab"]
    for meta in metas:  # timings differ run to run; everything else must not
        del meta["seconds"]
        for record in meta["history"]:
            del record["seconds"]
    assert metas[0] == metas[1]
    assert (tmp_path / "a" / "ner.onnx").read_bytes() == (tmp_path / "b" / "ner.onnx").read_bytes()


def test_neural_train_needs_vectors(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    with pytest.raises(ModelError, match="vectors"):
        train_neural(data, tmp_path / "ner.onnx", tmp_path / "absent.npz", TINY)


def test_neural_train_names_a_missing_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    data, table = _data(tmp_path)
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now raises ImportError
    with pytest.raises(ModelError, match="needs onnx"):
        train_neural(data, tmp_path / "ner.onnx", table, TINY)


def test_neural_train_refits_on_all_of_train_by_default(tmp_path: Path) -> None:
    data, table = _data(tmp_path)
    summary = train_neural(data, tmp_path / "ner.onnx", table, TINY)
    assert summary["training"] == f"refit on all of train.txt, {TINY.epochs} epochs"
    assert summary["sentences"]["final"] == summary["sentences"]["train"] + summary["sentences"]["dev"]
    # The dev figure is that of the same settings trained without the dev tenth.
    assert set(summary["dev"]["micro"]) == {"precision", "recall", "f1"}
    history = json.loads(meta_path(tmp_path / "ner.onnx").read_text(encoding="utf-8"))["history"]
    assert [r["epoch"] for r in history if r.get("refit")] == list(range(1, TINY.epochs + 1))


def test_neural_train_select_on_dev_keeps_the_best_epoch(tmp_path: Path) -> None:
    data, table = _data(tmp_path)
    summary = train_neural(data, tmp_path / "ner.onnx", table, replace(TINY, members=2), select_on_dev=True)
    history = json.loads(meta_path(tmp_path / "ner.onnx").read_text(encoding="utf-8"))["history"]
    assert len(history) == TINY.dev_epochs and "final" not in summary["sentences"]
    assert summary["dev"]["micro"] == max(history, key=lambda r: r["dev"]["f1"])["dev"]
    assert summary["training"].startswith(f"first 90% of train.txt, epoch {summary['dev']['epoch']} of 3")
    assert summary["params"]["members"] == 1


def test_neural_train_ensemble_averages_the_networks_in_one_graph(tmp_path: Path) -> None:
    data, table = _data(tmp_path)
    paths = [tmp_path / name / "ner.onnx" for name in ("pair", "seed0", "seed1")]
    summary = train_neural(data, paths[0], table, replace(TINY, members=2))
    train_neural(data, paths[1], table, TINY)
    train_neural(data, paths[2], table, replace(TINY, seed=1))
    assert summary["training"].endswith("2 networks (seeds 0, 1)")
    text = " ".join(word for word, _ in read_conll(data / "train.txt")[0])
    taggers = [NeuralTagger.open(path) for path in paths]
    inputs, lengths = pad_batch([taggers[0].encoder.encode(text, tokenize(text), taggers[0].gazetteer)])
    pair, *alone = (tagger.emit(inputs, lengths) for tagger in taggers)
    np.testing.assert_allclose(pair, (alone[0] + alone[1]) / 2, atol=1e-5)
    crf = [np.asarray(tagger.meta["crf"]["transitions"]) for tagger in taggers]
    np.testing.assert_allclose(crf[0], (crf[1] + crf[2]) / 2, atol=1e-4)


def test_neural_train_refuses_an_empty_ensemble(tmp_path: Path) -> None:
    data, table = _data(tmp_path)
    with pytest.raises(ModelError, match="at least one network"):
        train_neural(data, tmp_path / "ner.onnx", table, replace(TINY, members=0))


def test_neural_train_in_parallel_processes_gives_the_same_model(tmp_path: Path) -> None:
    data, table = _data(tmp_path)
    # a word only the dev tenth holds: the refit's vocabulary is then larger than the trial's
    _write(data / "train.txt", [*SENTENCES * 5, [("يييي", "O"), ("يييي", "O"), ("بغداد", "B-LOC")]])
    paths = [tmp_path / name / "ner.onnx" for name in ("serial", "parallel")]
    serial = train_neural(data, paths[0], table, replace(TINY, members=2))
    parallel = train_neural(data, paths[1], table, replace(TINY, members=2), jobs=2)
    assert parallel["dev"] == serial["dev"]
    metas = [json.loads(meta_path(path).read_text(encoding="utf-8")) for path in paths]
    assert [r["loss"] for r in metas[0]["history"]] == [r["loss"] for r in metas[1]["history"]]
    np.testing.assert_allclose(metas[0]["crf"]["transitions"], metas[1]["crf"]["transitions"], atol=1e-6)
