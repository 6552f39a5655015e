"""Clauses: a paragraph cut into the clauses its figures are read with (the cuts are the
delimiters, openers and predicates of ``patterns/indicators.yaml``; see its header). A
clause keeps the clause it breaks down ("Trong đó: …") and the heading label it stands under."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .indicator_rules import Compiled
from .numbers import Quantity, level_spans

_LETTER = regex.compile(r"\p{L}")


@dataclass(eq=False)
class Segment:
    """A clause: its pieces of text (a parenthesis cuts a hole in it), figures, the
    clause it breaks down (``parent``) and the heading label it stands under (``topic``)."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    parent: Segment | None = None
    topic: str = ""
    figs: list[Quantity] = field(default_factory=list)

    def text(self, text: str) -> str:
        return " ".join(text[s:e] for s, e in self.pieces)

    def offset(self, pos: int) -> int:
        """Offset in :meth:`text` of the document offset ``pos``."""
        out = 0
        for s, e in self.pieces:
            if s <= pos <= e:
                return out + pos - s
            out += e - s + 1
        return out


class Segmenter:
    """Cuts one paragraph into clauses (see the header of patterns/indicators.yaml)."""

    def __init__(self, text: str, quantities: list[Quantity], sentence_starts: list[int], cp: Compiled):
        self.text, self.qs, self.cp = text, quantities, cp
        self.sentence_starts = sentence_starts
        self.out: list[Segment] = []
        self.last: Segment | None = None

    def _figs_in(self, s: int, e: int) -> list[Quantity]:
        return [q for q in self.qs if s <= q.num_start < e]

    def _finish(self, seg: Segment) -> None:
        seg.figs = sorted((q for s, e in seg.pieces for q in self._figs_in(s, e)), key=lambda q: q.start)
        if seg.figs:
            self.out.append(seg)
            self.last = seg

    def _label_follows(self, pos: int, end: int) -> bool:
        nxt = next((q.start for q in self.qs if q.start >= pos), end)
        return bool(_LETTER.search(self.text[pos:nxt]))

    # ------------------------------------------------------------------ the walk over the events
    def _events(self, start: int, end: int) -> list[tuple[int, int, str, int]]:
        """(position, order, kind, end) of each sentence start and clause delimiter not inside a
        number, a level list ("mức độ 3,4") or a joined noun list ("cán bộ, công chức")."""
        text = self.text
        protected = [(q.start, q.end) for q in self.qs] + [
            (start + s, start + e) for s, e in level_spans(text[start:end])] + [
            m.span() for m in self.cp.joined.finditer(text, start, end)]
        events = [(p, 0, "sentence", p) for p in self.sentence_starts if start < p < end]
        for m in self.cp.delimiters.finditer(text, start, end):
            if not any(s <= m.start() < e for s, e in protected):
                events.append((m.start(), 1, m.group("d") or "opener", m.end()))
        events.sort()
        return events

    def _reset(self, pos: int) -> None:
        self.cur, self.cur_start, self.group, self.topic, self.stack = Segment(), pos, None, "", []
        self.head = False

    def _close(self, pos: int) -> None:
        """Ends the clause at ``pos`` with the clauses its parentheses left open."""
        self.cur.pieces.append((self.cur_start, pos))
        for seg in [self.cur] + [s for s, _, _ in reversed(self.stack)]:
            self._finish(seg)

    def _has_fig(self, pos: int) -> bool:
        return bool(self._figs_in(self.cur_start, pos)) or any(self._figs_in(s, e) for s, e in self.cur.pieces)

    def _cut(self, pos: int, ev_end: int) -> None:
        """";" or a "," / ":" after a figure: a new clause under the same group."""
        self.cur.pieces.append((self.cur_start, pos))
        self._finish(self.cur)
        if self.head:  # "... đang giải quyết gồm 7.172 hồ sơ, có 5.950 hồ sơ chưa đến hạn": its breakdown
            self.group, self.head = self.cur, False
        self.cur, self.cur_start = Segment(parent=self.group, topic=self.topic), ev_end

    def _bare(self, pos: int) -> bool:
        """One figure with no words of its own before a "," and no figure after it in its sentence
        ("Có 90 hồ sơ (chiếm 2,16%), các cơ quan thụ lý trả lại hồ sơ ..."): the words after the comma name it."""
        pieces = self.cur.pieces + [(self.cur_start, pos)]
        figs = [q for s, e in pieces for q in self._figs_in(s, e)]
        if len(figs) != 1:
            return False
        stop = next((p for p in self.sentence_starts if p > pos), len(self.text))
        if any(pos < q.num_start < stop for q in self.qs):
            return False
        q = figs[0]
        return is_weak(Segment(pieces).text(self.text), self.text[q.start:q.end], self.cp)

    def _label(self, pos: int, ev_end: int) -> None:
        """A ":" before words ("Chữ ký số: ..."): the words so far are the topic of what follows."""
        label = Segment(self.cur.pieces + [(self.cur_start, pos)]).text(self.text)
        self.topic = (self.topic + " " + label).strip()
        self.cur, self.cur_start = Segment(parent=self.group, topic=self.topic), ev_end

    def _predicate(self, pos: int, ev_end: int) -> bool:
        """"Trong số hồ sơ đang giải quyết gồm 7.172 hồ sơ": a "gồm" between a figureless noun phrase and
        its figure states that figure, and the clauses after it in its sentence break it down."""
        nxt = next((q for q in self.qs if q.start >= ev_end), None)
        return (nxt is not None and not self.text[ev_end:nxt.start].strip()
                and bool(self.cp.predicate_opener.fullmatch(self.text[pos:ev_end]))
                and bool(_LETTER.search(self.text[self.cur_start:pos])))

    def _opener(self, pos: int, has_fig: bool, ev_end: int) -> None:
        """"trong đó", "gồm": what follows breaks down the clause with a figure before it."""
        if not has_fig and self._predicate(pos, ev_end):
            self.head = True
        elif has_fig:
            self.cur.pieces.append((self.cur_start, pos))
            self._finish(self.cur)
            self.group = self.cur
            self.cur, self.cur_start = Segment(parent=self.group, topic=self.topic), pos
        else:
            in_paren = bool(self.stack) and self.cur.parent is self.stack[-1][0]  # "(trong đó, ..."
            self.group = self.cur.parent if in_paren else self.last or self.cur.parent
            self.cur.parent = self.group

    def _open_paren(self, pos: int) -> None:
        self.cur.pieces.append((self.cur_start, pos))
        self.stack.append((self.cur, self.group, len(self.out)))
        self.group = self.cur
        self.cur, self.cur_start = Segment(parent=self.cur, topic=self.topic), pos

    def _close_paren(self, ev_end: int, has_fig: bool) -> None:
        """A parenthesis with a figure is a clause of its own; one without is part of its clause."""
        self.cur.pieces.append((self.cur_start, ev_end))
        enclosing, self.group, opened = self.stack.pop()
        if has_fig:
            self._finish(self.cur)
        elif len(self.out) == opened:  # "(Bộ phận Một cửa và công chức Tư pháp)": words of its clause
            enclosing.pieces.extend(self.cur.pieces)
        # else the last item of a breakdown "(trước hạn 352 hồ sơ, ..., không có hồ sơ quá hạn)": not the clause's
        self.cur, self.cur_start = enclosing, ev_end

    def _step(self, pos: int, kind: str, ev_end: int, end: int) -> None:
        has_fig = self._has_fig(pos)
        if kind == "sentence":
            self._close(pos)
            self._reset(pos)
        elif kind == ";" or (kind in ",:" and has_fig and not (kind == "," and self._bare(pos))):
            self._cut(pos, ev_end)
        elif kind == ":" and self._label_follows(ev_end, end):
            self._label(pos, ev_end)
        elif kind == "opener":
            self._opener(pos, has_fig, ev_end)
        elif kind == "(":
            self._open_paren(pos)
        elif kind == ")" and self.stack:
            self._close_paren(ev_end, has_fig)

    def run(self, start: int, end: int) -> list[Segment]:
        self._reset(start)
        for pos, _, kind, ev_end in self._events(start, end):
            if pos >= self.cur_start:
                self._step(pos, kind, ev_end, end)
        self._close(end)
        return self.out


def is_weak(local: str, q_text: str, cp: Compiled) -> bool:
    """Whether a figure's clause says nothing of its own beyond weak words ("đạt 78%"): it
    qualifies the figure before it."""
    rest = cp.weak.sub(" ", local.replace(q_text, " ", 1))
    return not _LETTER.search(rest)
