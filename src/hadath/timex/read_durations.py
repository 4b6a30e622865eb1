"""Readers of lengths of time: durations, shifts from the anchor (قبل ستة أشهر), sets."""

from __future__ import annotations

from hadath.timex.expr import Expr, Part
from hadath.timex.lexicon import Unit
from hadath.timex.reading import UNIT_CLASSES, skip, span_classes
from hadath.timex.tokens import Tok


def duration_parts(tokens: list[Tok], first: int, last: int) -> tuple[Part, ...] | None:
    """Units and counts of a (compound) duration; None if it is not one."""
    parts: list[Part] = []
    k = first
    pending: float | None = None
    vague = False
    while k <= last:
        token = tokens[k]
        if token.cls == "I":
            pass  # "عام واحد": repeats the unit's own count
        elif token.cls in "nr":
            pending = float(token.payload)
        elif token.cls == "v":
            vague = True
        elif token.cls == "k":
            if parts and k > first and tokens[k - 1].cls == "&":
                code, so_far = parts[-1]
                parts[-1] = (code, (so_far or 1.0) + 0.5)  # ساعة ونصف
            else:
                pending = 0.5  # نصف ساعة
        elif token.cls in UNIT_CLASSES and isinstance(token.payload, Unit):
            unit = token.payload
            if unit.definite and (pending is not None or vague):
                return None  # "أحد الأيام", "ثلاثة الأيام": not a count of units
            count: float | None
            if vague:
                count = None
            elif pending is not None:
                count = pending
            elif unit.count is not None:
                count = float(unit.count)
            else:
                count = None  # أيام: some days
            parts.append((unit.code, count))
            pending, vague = None, False
        k += 1
    return tuple(parts) or None


def read_duration(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """لمدة 3 أيام، ستة أشهر، أسبوعين، ساعة ونصف، طوال العام."""
    parts = duration_parts(tokens, first, last)
    if parts is None:
        return None
    classes = span_classes(tokens, first, last)
    # بعد أسبوع من المحادثات: a length counted from an event, not from publication
    prefixed = bool(set(classes) & set("lx")) or (first > 0 and tokens[first - 1].cls in "qa")
    classes = classes.replace("r", "n")
    units = [tokens[k] for k in range(first, last + 1) if tokens[k].cls in UNIT_CLASSES]
    bare = len(parts) == 1 and not (set(classes) & set("nvk")) and units[0].payload.count == 1
    if bare and not prefixed and "Z" not in classes:  # يوم كامل is a length
        return None  # عام، يوم, شهر alone are words, not durations
    if any(u.payload.definite for u in units) and not (bare and tokens[first].norm in ("طوال", "طيله")):
        return None  # خلال الأسبوع is a period, not a length
    if units[0].payload.count is None and not (set(classes) & set("nvk")) and not prefixed:
        return None  # أيام alone
    return Expr(first, last, "duration", parts=parts)


def read_shift(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """قبل ستة أشهر (a date, not a length), بعد يومين، بعد أسبوعين من الآن."""
    inner = skip(tokens, first + 1, last, "xf")
    end = last - 2 if tokens[last].cls == "N" else last
    parts = duration_parts(tokens, inner, end)
    if parts is None or any(tokens[k].payload.definite for k in range(inner, end + 1) if tokens[k].cls in UNIT_CLASSES):
        return None
    sign = -1 if tokens[first].cls == "q" else 1
    return Expr(first, last, "shift", parts=parts, offset=sign, from_now=tokens[last].cls == "N")


def read_from_now(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """2 سنة و1 شهر و21 يوما من الآن: counted from the anchor, forward in a clause about
    the future and back otherwise, as a bare weekday is (news reports what happened)."""
    if first > 0 and tokens[first - 1].cls in "lx94":
        return None  # "خلال عامين من الآن" is a length; "100000 سنة" a count the rule does not read
    end = last - 2  # before من الآن
    parts = duration_parts(tokens, first, end)
    if parts is None or any(tokens[k].payload.definite for k in range(first, end + 1) if tokens[k].cls in UNIT_CLASSES):
        return None
    return Expr(first, last, "shift", parts=parts, offset=1, from_now=True, tensed=True)


def read_since_duration(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """منذ أكثر من أسبوع: a length of time (up to publication); with من الآن, a date."""
    inner = skip(tokens, first + 1, last, "xf")
    from_now = tokens[last].cls == "N"
    end = last - 2 if from_now else last
    parts = duration_parts(tokens, inner, end)
    if parts is None or any(tokens[k].payload.definite for k in range(inner, end + 1) if tokens[k].cls in UNIT_CLASSES):
        return None
    if from_now:  # "منذ شهر من الآن": a month ago
        return Expr(first, last, "shift", parts=parts, offset=-1, from_now=True)
    return Expr(first, last, "duration", parts=parts, since=True)


def read_whole_day(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """طوال اليوم: the length of a day, not the day of publication."""
    if tokens[first].norm not in ("طوال", "طيله") or tokens[last].payload != 0:
        return None
    return Expr(first, last, "duration", parts=(("D", 1.0),))


def read_set(tokens: list[Tok], first: int, last: int) -> Expr | None:
    """كل يوم، كل ثلاثة أسابيع، سنويا."""
    if tokens[first].cls == "G":
        code = {"يوميا": "D", "اسبوعيا": "W", "شهريا": "M", "سنويا": "Y"}[tokens[first].norm]
        return Expr(first, last, "set", parts=((code, 1.0),))
    parts = duration_parts(tokens, first + 1, last)
    if parts is None:
        return None
    return Expr(first, last, "set", parts=parts)
