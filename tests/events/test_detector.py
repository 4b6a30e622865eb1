from __future__ import annotations

import csv
import gzip
import json
import math
from pathlib import Path

import pytest

from hadath.entities.clusters import lookup, table
from hadath.entities.vectors import load_vectors
from hadath.errors import ModelError
from hadath.events.detector import (
    FORMAT,
    NEVER,
    VERSION,
    Detector,
    TypeModel,
    detector_from_json,
    load_detector,
    save_detector,
)
from hadath.events.evaluate import evaluate_gsr, evaluate_sentences, format_events_table, read_labelled
from hadath.events.extract import extract_article
from hadath.events.features import VECTOR_WEIGHT, sentence_features, shared_name
from hadath.events.gsr import read_ambiguous
from hadath.events.lexicon import load_lexicon
from hadath.events.train import (
    Config,
    choose_thresholds,
    f1,
    joint_columns,
    lexicon_decision,
    load_all,
    out_of_fold,
    train_event_classifier,
)
from hadath.text.segment import split_sentences, tokenize

ACTORS = ["الجيش", "الشرطة", "مسلحون", "القوات الحكومية", "المتمردون", "الطائرات الحربية"]
PLACES = ["حلب", "الموصل", "عدن", "درنة", "قندهار", "غزة"]
GOODS = ["النفط", "الذهب", "القمح", "الحديد", "القطن", "السكر"]


def _rows(kind: str) -> list[tuple[str, str]]:
    """Sentences written for this test: six positives and six negatives per template."""
    rows: list[tuple[str, str]] = []
    for k in range(12):
        actor, place, good = ACTORS[k % 6], PLACES[(k * 5) % 6], GOODS[k % 6]
        if kind == "assault":
            rows.append(("yes", f"قصف {actor} أمس أحياء سكنية في {place} ما أدى إلى مقتل {k + 3} مدنيين."))
        else:
            rows.append(("yes", f"تظاهر آلاف المواطنين أمس في {place} احتجاجا على غلاء الأسعار."))
        rows.append(("easy no", f"ارتفعت أسعار {good} في أسواق {place} خلال الأسبوع الماضي."))
        rows.append(("difficult no", f"تحدث الكاتب عن تاريخ {good} في {place} وعن {actor}."))
    rows.append(("ambiguous", "جملة غامضة لا تحسب."))
    return rows


@pytest.fixture
def gsr_dir(tmp_path: Path) -> Path:
    for kind, event_type in (("assault", "ASSAULT"), ("protest", "PROTEST")):
        with (tmp_path / f"{kind}_dev.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "event_type", "label", "accept", "reject", "total", "text"])
            for k, (label, text) in enumerate(_rows(kind)):
                writer.writerow([f"{kind}-{k}", event_type, label, 0, 3, 3, text])
        spans = [{"source": "extra-1", "text": "هاجم مسلحون قرية في ريف حلب وقتلوا خمسة أشخاص.",
                  "spans": [], "source_gold": "مسلحون", "verb_gold": "هاجم", "target_gold": "أشخاص"}]
        (tmp_path / f"{kind}_spans_dev.json").write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_detector_probability_is_a_probability() -> None:
    model = TypeModel(-1.0, {"w:قصف": 3.0, "w:سعر": -3.0}, 0.5, NEVER)
    assert 0.0 < model.probability({}) < 0.5
    assert model.probability({"w:قصف": 1.0}) > 0.5 > model.probability({"w:سعر": 1.0})
    assert model.probability({"w:unknown": 1.0}) == model.probability({})  # unseen features do not count


@pytest.mark.parametrize(("name", "kind", "shared"), [
    ("L:ASSAULT", "ASSAULT", "L:SELF"),
    ("L:ASSAULT:h1", "ASSAULT", "L:SELF:h1"),
    ("L:PROTEST:t:تظاهر", "ASSAULT", "L:OTHER:t:تظاهر"),
    ("L:PROTEST:rep", "PROTEST", "L:SELF:rep"),
    ("L:ASSAULT:p0", "PROTEST", "L:OTHER:p0"),
    ("L:COERCE:h1", "ASSAULT", "L:COERCE:h1"),  # a type outside the joint model keeps its name
    ("w:قصف", "ASSAULT", "w:قصف"),
    ("k:17", "PROTEST", "k:17"),
    ("s:counted", "ASSAULT", "s:counted"),
])
def test_features_shared_name(name: str, kind: str, shared: str) -> None:
    partner = "PROTEST" if kind == "ASSAULT" else "ASSAULT"
    assert shared_name(name, kind, (partner,)) == shared


def test_features_joint_columns_count_each_feature_twice() -> None:
    columns = joint_columns({"w:قصف": 1.0, "L:ASSAULT:h1": 2.0}, "ASSAULT", "PROTEST")
    assert columns == {"ASSAULT|w:قصف": 1.0, "*|w:قصف": 1.0, "ASSAULT|L:ASSAULT:h1": 2.0, "*|L:SELF:h1": 2.0}


def test_features_word_clusters_weigh_like_words() -> None:
    if not table():
        pytest.skip("no cluster table shipped")
    features = sentence_features(tokenize("قصفت الطائرات المدينة"), load_lexicon())
    assert features[f"k:{lookup('مدينه')[0]}"] == 1.0  # type: ignore[index]
    assert features["w:مدينه"] == 1.0 and features["L:ASSAULT"] == 2.0


def test_features_sentence_vectors_have_the_set_length() -> None:
    features = sentence_features(tokenize("تظاهر آلاف الطلاب أمام الوزارة"), load_lexicon())
    for prefix in ("v:", "x:"):
        values = [value for name, value in features.items() if name.startswith(prefix)]
        assert len(values) == load_vectors().dimensions
        assert math.sqrt(sum(v * v for v in values)) == pytest.approx(VECTOR_WEIGHT, rel=1e-4)
    # no word the table knows: no dense features rather than a zero vector scaled up
    assert not any(name[:2] in ("v:", "x:") for name in sentence_features(tokenize("xqzv 123 !"), load_lexicon()))


def test_detector_shared_weights_count_a_feature_in_both_columns() -> None:
    alone = TypeModel(0.0, {"w:قصف": 1.0}, 0.5, NEVER)
    joint = TypeModel(0.0, {"w:قصف": 1.0}, 0.5, NEVER, {"w:قصف": 1.0, "L:SELF": 2.0}, "ASSAULT", ("PROTEST",))
    # own + shared column of the same feature: 2 / sqrt(2) instead of 1 / 1
    assert joint.probability({"w:قصف": 1.0}) == pytest.approx(1 / (1 + math.exp(-math.sqrt(2))))
    assert alone.probability({"w:قصف": 1.0}) == pytest.approx(1 / (1 + math.exp(-1)))
    # the type's own lexicon feature reaches L:SELF, the partner's does not
    assert joint.probability({"L:ASSAULT": 1.0}) > 0.5
    assert joint.probability({"L:PROTEST": 1.0}) == joint.probability({})


@pytest.mark.parametrize("shared", [{}, {"w:قصف": 0.5, "L:SELF:h1": -0.25}])
def test_detector_round_trips_through_json(tmp_path: Path, shared: dict[str, float]) -> None:
    partners = ("PROTEST",) if shared else ()
    detector = Detector({"ASSAULT": TypeModel(0.5, {"w:قصف": 1.25}, 0.3, 0.9, shared, "ASSAULT", partners)},
                        {"note": "test"})
    path = tmp_path / "d.json.gz"
    save_detector(detector, path)
    loaded = load_detector(path)
    assert loaded.types["ASSAULT"] == detector.types["ASSAULT"]


def test_detector_older_version_says_how_to_rebuild() -> None:
    data = {"format": FORMAT, "version": 1, "types": {}}
    with pytest.raises(ModelError, match=r"version 1 .*reads version 2.*hadath train events"):
        detector_from_json(data)


def test_detector_shared_weights_need_partner_types() -> None:
    spec = {"bias": 0.0, "low": 0.5, "high": NEVER, "weights": {}, "shared": {"w:x": 1.0}}
    with pytest.raises(ModelError, match="bad partners"):
        detector_from_json({"format": FORMAT, "version": VERSION, "types": {"ASSAULT": spec}})
    with pytest.raises(ModelError, match="bad partners"):
        detector_from_json({"format": FORMAT, "version": VERSION,
                            "types": {"ASSAULT": {**spec, "partners": ["FIGHT"]}}})


def test_detector_missing_or_corrupt_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="hadath train events"):
        load_detector(tmp_path / "absent.json.gz")
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(ModelError, match="cannot read"):
        load_detector(broken)
    wrong = tmp_path / "wrong.json.gz"
    with gzip.open(wrong, "wt", encoding="utf-8") as handle:
        json.dump({"format": "something else"}, handle)
    with pytest.raises(ModelError, match="not a version"):
        load_detector(wrong)


def test_detector_malformed_type_names_it() -> None:
    data = {"format": FORMAT, "version": VERSION, "types": {"ASSAULT": {"bias": 0.0}}}
    with pytest.raises(ModelError, match="type ASSAULT"):
        detector_from_json(data)
    data["types"] = {"FIGHT": {}}
    with pytest.raises(ModelError, match="unknown event type"):
        detector_from_json(data)


def test_detector_shipped_model_loads_and_is_small() -> None:
    detector = load_detector()
    assert set(detector.types) == {"ASSAULT", "PROTEST"}
    assert detector.types["ASSAULT"].partners == ("PROTEST",) and detector.types["ASSAULT"].shared
    assert detector.types["PROTEST"].partners == ("ASSAULT",) and detector.types["PROTEST"].shared
    path = Path(__file__).resolve().parents[2] / "src" / "hadath" / "events" / "data" / "detector.json.gz"
    assert path.stat().st_size < 1_000_000


def test_detector_veto_drops_talk_about_attacks_and_keeps_flags() -> None:
    sure_no = Detector({"ASSAULT": TypeModel(-50.0, {}, 0.5, NEVER)}, {})
    text = "قصفت الطائرات المدينة. ولم تقصف الطائرات القرية."
    tokens = tokenize(text)
    found = extract_article(text, split_sentences(text), tokens, (), detector=sure_no)
    assert [(e.type, e.negated) for e in found] == [("ASSAULT", True)]  # flagged mentions are kept
    assert found[0].score is not None


def test_detector_drops_below_even_odds_and_reports_from_low() -> None:
    strict = TypeModel(0.0, {}, 0.8, NEVER)
    assert strict.drops(0.4) and not strict.drops(0.6)  # a strict sentence threshold does not veto mentions
    assert strict.reports(0.8) and not strict.reports(0.6)
    lenient = TypeModel(0.0, {}, 0.3, NEVER)
    assert lenient.drops(0.25) and not lenient.drops(0.35)


def test_detector_passing_mention_is_kept_but_the_sentence_is_not_about_it() -> None:
    unsure = Detector({"ASSAULT": TypeModel(0.4, {}, 0.8, NEVER)}, {})  # p = 0.6 for every sentence
    text = "قصفت الطائرات المدينة."
    found = extract_article(text, split_sentences(text), tokenize(text), (), detector=unsure)
    assert [e.type for e in found] == ["ASSAULT"] and found[0].score == pytest.approx(0.5987, abs=1e-3)
    assert not lexicon_decision(text, "ASSAULT", load_lexicon(), unsure)
    assert lexicon_decision(text, "ASSAULT", load_lexicon())


def test_gsr_ambiguous_rows_give_their_majority_vote(gsr_dir: Path) -> None:
    assert read_ambiguous(gsr_dir, "ASSAULT") == [("جملة غامضة لا تحسب.", False)]


def test_detector_sure_sentence_without_trigger_gets_a_mention() -> None:
    sure_yes = Detector({"PROTEST": TypeModel(50.0, {"w:حشود": 1.0}, 0.5, 0.9)}, {})
    text = "امتلأت الساحة بالحشود الغاضبة."
    found = extract_article(text, split_sentences(text), tokenize(text), (), detector=sure_yes)
    assert [e.type for e in found] == ["PROTEST"]
    assert found[0].trigger.of(text) == "الحشود"


def test_train_thresholds_and_f1() -> None:
    low, _high, score = choose_thresholds([0.9, 0.8, 0.2, 0.1], [True, True, False, False], [True, True, True, False])
    assert score == 1.0 and low <= 0.8
    assert f1([True, False], [True, True]) == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 1, "fp": 0, "fn": 1}


def test_train_event_classifier_writes_a_model(gsr_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "model" / "detector.json.gz"
    summary = train_event_classifier(gsr_dir, out)
    assert out.is_file()
    detector = load_detector(out)
    assert set(detector.types) == {"ASSAULT", "PROTEST"}
    for figures in summary["types"].values():
        assert figures["rows"] == 36 and figures["positives"] == 12 and figures["extra_positives"] == 1
        assert figures["ambiguous_majority"] == 1
        assert figures["joint"] and figures["partner_rows"] == 14 and figures["shared_features"] > 0
        assert 0.0 <= figures["cross_validated"]["f1"] <= 1.0


def test_train_needs_both_classes(tmp_path: Path) -> None:
    (tmp_path / "assault_dev.csv").write_text("id,label,text\n1,yes,قصف الجيش المدينة.\n", encoding="utf-8")
    with pytest.raises(ModelError, match="both positive and negative"):
        train_event_classifier(tmp_path, tmp_path / "out.json.gz")


def test_evaluate_gsr_reports_types_and_overall(gsr_dir: Path) -> None:
    report = evaluate_gsr(gsr_dir)
    assert set(report["types"]) == {"ASSAULT", "PROTEST"}
    assert set(report["overall"]) >= {"precision", "recall", "f1"}
    assert "lexicon" in report["types"]["ASSAULT"]
    json.dumps(report)
    format_events_table(report)


def test_train_joint_model_learns_from_the_partner(gsr_dir: Path) -> None:
    data = load_all(gsr_dir)["PROTEST"]
    # the negatives are the same sentences in both files: only the 12 positives, the extra and the ambiguous row
    assert data.partner_type == "ASSAULT" and len(data.partner) == 12 + 1 + 1
    rows = list(range(len(data.labels)))
    joint = out_of_fold(data, rows, Config(3.0, joint=True), 3, 0)
    alone = out_of_fold(data, rows, Config(3.0, joint=False), 3, 0)
    assert joint.keys() == alone.keys() and joint != alone


def test_evaluate_gsr_splits_report_means_and_spread(gsr_dir: Path) -> None:
    report = evaluate_gsr(gsr_dir, splits=2)
    figures = report["types"]["ASSAULT"]
    assert figures["splits"] == 2 and len(figures["f1_splits"]) == 2 and figures["f1_sd"] >= 0.0
    assert figures["f1"] == pytest.approx(sum(figures["f1_splits"]) / 2, abs=1e-4)
    assert report["overall"]["splits"] == 2 and "mean of 2 splits" in report["method"]
    json.dumps(report)
    format_events_table(report)
    with pytest.raises(ModelError, match="splits"):
        evaluate_gsr(gsr_dir, splits=0)


def test_evaluate_sentences_on_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    lines = [
        {"text": "التقى الوزير نظيره في باريس.", "events": [{"type": "CONSULT", "trigger": "التقى"}]},
        {"text": "ارتفعت أسعار النفط.", "events": []},
        {"text": "لم يلتق الوزير نظيره.", "events": [{"type": "CONSULT", "trigger": "يلتق", "negated": True}]},
    ]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    report = evaluate_sentences(path, detector=Detector({}, {}))
    assert report["overall"]["f1"] == 1.0
    assert report["agreement"]["negated"] == 1.0
    assert report["sentences"] == 3
    format_events_table(report)


def test_evaluate_bad_labelled_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "x", "events": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(ModelError, match=":2:"):
        read_labelled(path)
