"""Split plain text into passages: paragraphs and bullets, each with its span in the source.

The text is what comes out of a form field or of DOCX, ODT or PDF extraction, so it may
separate paragraphs by blank lines or by single newlines, and PDF text is hard-wrapped
with words hyphenated across lines. The splitter promises:

* every passage keeps ``start``/``end`` offsets such that ``source[start:end]`` is the
  stretch of the source it came from (its heading included);
* a bullet ("-", "\u2022", "*", "\u2013", "1.", "a)", "(ii)"...) starts a new passage and loses its
  marker; wrapped lines are joined and words hyphenated across lines are mended;
* page furniture (page numbers, protective markings, lines repeated on every page) is left
  out, and a paragraph broken by a page break is put back together;
* fragments shorter than ``MIN_WORDS`` words never stand alone: a heading introduces the
  passage after it, anything else ("Continued overleaf", a one-line bullet) joins the
  passage before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, pairwise

MIN_WORDS = 8
HEADING_SEPARATOR = " \u2014 "  # between the headings of one passage
HEADING_MAX_WORDS = 12

_LINE_BREAK = re.compile(r"\r\n|[\n\r\f\v\u2028\u2029\x1c\x1d\x1e\x85]")
_BULLET = re.compile(
    r"""^[ \t]*(?:
        [-\u2022*\u2013\u2014\u25aa\u25cf\u25e6\u2023\u2043\u00b7\u25a0\u25a1\u2219\uf0b7\uf0a7>]
      | \(?\d{1,2}[.)](?!\d)
      | \(?[a-zA-Z][.)]
      | \(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]
    )[ \t]+""",
    re.VERBOSE,
)
_TERMINAL = re.compile(r"[.!?;:)\]\"\u201d\u2019']\s*$")
_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d)]*\s*$")
_PAGE_FURNITURE = re.compile(
    r"""^(?:
        (?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?
      | -\s*\d{1,3}\s*-
      | official(?:[\s-]+sensitive)?
      | not\s+protectively\s+marked
      | (?:restricted|confidential)
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
_CONTINUATION = re.compile(
    r"^\(?(?:continued(?:\s+(?:overleaf|on\s+(?:the\s+)?next\s+page|below))?|cont(?:'|\u2019)?d"
    r"|see\s+over(?:leaf)?|p\.?t\.?o\.?|turn\s+over)\)?\.?$",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|@\w+|(?:https?://|www\.)\S+|\+?\d[\d ()-]{7,}\d"
    r"|\b(?:tel|t|e|f|email|fax)\b\.?:?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_SPACE = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Passage:
    """One passage: ``text`` to read and code, ``heading`` that introduced it, and its span."""

    text: str
    start: int
    end: int
    position: int
    heading: str = ""
    bullet: bool = False

    @property
    def full_text(self) -> str:
        """Heading and text together, as the classifier reads them."""
        return f"{self.heading}\n{self.text}" if self.heading else self.text


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped, marker removed
    bullet: bool = False
    blank: bool = False
    marker: str = ""
    marker_start: int = 0


@dataclass
class _Block:
    lines: list[_Line]
    headings: list[_Block] = field(default_factory=list)
    extra: list[_Block] = field(default_factory=list)

    @property
    def bullet(self) -> bool:
        return self.lines[0].bullet

    @property
    def start(self) -> int:
        return (self.headings[0] if self.headings else self).lines[0].start

    @property
    def end(self) -> int:
        return (self.extra[-1] if self.extra else self).lines[-1].end

    def own_text(self) -> str:
        return _join_lines([line.text for line in self.lines])

    def words(self) -> int:
        return len(_WORD.findall(self.own_text()))


def segment(source: str) -> list[Passage]:
    """The passages of ``source`` in order; an empty or blank text has none."""
    lines = _furnished_lines(_lines(source))
    blocks = _merge_page_breaks(_blocks(lines))
    blocks = _absorb_fragments(blocks)
    return [
        Passage(
            text=_passage_text(block),
            start=block.start,
            end=block.end,
            position=position,
            heading=HEADING_SEPARATOR.join(h.own_text() for h in block.headings),
            bullet=block.bullet,
        )
        for position, block in enumerate(blocks)
    ]


def _lines(source: str) -> list[_Line]:
    found: list[_Line] = []
    position = 0
    for match in [*_LINE_BREAK.finditer(source), None]:
        stop = match.start() if match else len(source)
        raw = source[position:stop]
        found.append(_line(raw, position))
        position = match.end() if match else stop
    return found


def _line(raw: str, offset: int) -> _Line:
    stripped = raw.strip()
    if not stripped:
        return _Line(offset, offset, "", blank=True)
    lead = len(raw) - len(raw.lstrip())
    bullet = _BULLET.match(raw)
    if bullet and bullet.end() < len(raw.rstrip()):
        lead = bullet.end()
    start = offset + lead
    end = offset + len(raw.rstrip())
    text = _SPACE.sub(" ", raw[lead:].strip())
    if bullet and bullet.end() < len(raw.rstrip()):
        indent = len(raw) - len(raw.lstrip())
        return _Line(start, end, text, bullet=True, marker=bullet.group().strip(),
                     marker_start=offset + indent)
    return _Line(start, end, text)


def _furnished_lines(lines: list[_Line]) -> list[_Line]:
    """Drop page furniture: page numbers, markings, contact lines, and short lines repeated
    on every page (three times, or twice for a line with a web or email address)."""
    counts = Counter(line.text.lower() for line in lines if not line.blank)
    kept = []
    for line in lines:
        if line.blank:
            kept.append(line)
            continue
        count = counts[line.text.lower()]
        repeated = (len(line.text) < 160 and not line.bullet
                    and (count >= 3 or (count == 2 and bool(_CONTACT.search(line.text)))))
        if _PAGE_FURNITURE.match(line.text) or repeated or _is_contact_line(line.text):
            continue
        kept.append(line)
    return kept


def _is_contact_line(text: str) -> bool:
    """A letterhead or footer line: telephone, email, web address and little else."""
    if not _CONTACT.search(text) or _SENTENCE_END.search(text):
        return False
    return len(_WORD.findall(_CONTACT.sub(" ", text))) < 4


def _wrap_width(lines: list[_Line]) -> int | None:
    """The width of hard-wrapped text, or None when each line is a paragraph of its own."""
    body = [line for line in lines if not line.blank]
    if len(body) < 3:
        return None
    mid_sentence = sum(
        1 for here, after in pairwise(body)
        if not _TERMINAL.search(here.text) and not after.bullet and _continues(after.text)
    )
    if mid_sentence < 2 and mid_sentence < len(body) * 0.25:
        return None
    lengths = sorted(len(line.text) for line in body)
    return lengths[int(0.9 * (len(lengths) - 1))]


def _continues(text: str) -> bool:
    """Does a line read as the rest of a sentence (lower-case or punctuation first)?"""
    first = text[:1]
    return bool(first) and (first.islower() or first in ",;:)]&%")


def _dash_in_sentence(here: _Line, after: _Line, width: int | None, in_list: bool) -> bool:
    """A wrapped line that opens with a dash in mid-sentence ("B&Bs\n- this is not...")."""
    return (
        width is not None and not in_list and len(here.text) >= 0.8 * width
        and after.bullet and after.marker in "-\u2013\u2014" and _continues(after.text)
        and not _TERMINAL.search(here.text)
    )


def _breaks_between(here: _Line, after: _Line, width: int | None) -> bool:
    if after.bullet:
        return True
    if here.text.endswith("-") and not here.text.endswith(" -") and _continues(after.text):
        return False
    if not _TERMINAL.search(here.text) and _continues(after.text):
        return False
    if width is None:
        return True
    return len(here.text) < 0.8 * width


def _blocks(lines: list[_Line]) -> list[_Block]:
    width = _wrap_width(lines)
    blocks: list[_Block] = []
    current: list[_Line] = []
    previous: _Line | None = None
    for line in lines:
        if line.blank:
            if current:
                blocks.append(_Block(current))
            current, previous = [], None
            continue
        in_list = bool(current) and current[0].bullet
        if previous is not None and _dash_in_sentence(previous, line, width, in_list):
            line = _Line(line.marker_start, line.end, f"{line.marker} {line.text}")
        elif previous is not None and _breaks_between(previous, line, width):
            blocks.append(_Block(current))
            current = []
        current.append(line)
        previous = line
    if current:
        blocks.append(_Block(current))
    return blocks


def _merge_page_breaks(blocks: list[_Block]) -> list[_Block]:
    """Re-join a paragraph split by a blank line or page furniture in mid-sentence."""
    merged: list[_Block] = []
    for block in blocks:
        if (merged and not block.bullet and _continues(block.lines[0].text)
                and not _TERMINAL.search(merged[-1].lines[-1].text)):
            merged[-1].lines.extend(block.lines)
        else:
            merged.append(block)
    return merged


def _is_heading(block: _Block) -> bool:
    text = block.own_text()
    return (
        block.words() <= HEADING_MAX_WORDS
        and not block.bullet
        and not _SENTENCE_END.search(text)
        and not _CONTINUATION.match(text)
        and (text[:1].isupper() or text[:1].isdigit())
    )


def _absorb_fragments(blocks: list[_Block]) -> list[_Block]:
    """Attach every fragment shorter than ``MIN_WORDS`` words to a neighbour."""
    result: list[_Block] = []
    headings: list[_Block] = []
    for index, block in enumerate(blocks):
        has_next = index + 1 < len(blocks)
        if _is_heading(block) and has_next:
            headings.append(block)
            continue
        block.headings = headings + block.headings
        headings = []
        # A lead-in and the short point it introduces ("Support includes:" then "- food;")
        # are long enough together to open a passage of their own.
        short = block.words() + sum(h.words() for h in block.headings) < MIN_WORDS
        if short and result:
            # Joined in the order of the source, so the span still covers the fragment.
            result[-1].extra.extend(block.headings)
            result[-1].extra.append(block)
            block.headings = []
            continue
        if result and not result[-1].extra and result[-1].words() < MIN_WORDS:
            # A short opening fragment with nothing before it joins the passage after it.
            block.headings = [*result[-1].headings, result.pop(), *block.headings]
        result.append(block)
    if headings:
        if result:
            result[-1].extra.extend(headings)
        else:
            result.append(_Block(list(chain.from_iterable(h.lines for h in headings))))
    return result


def _join_lines(texts: list[str]) -> str:
    joined = ""
    for text in texts:
        if not joined:
            joined = text
        elif joined.endswith("-") and not joined.endswith(" -"):
            joined = joined[:-1] + text if _continues(text) else joined + text
        else:
            joined = f"{joined} {text}"
    return joined


def _passage_text(block: _Block) -> str:
    parts = [block.own_text()]
    for extra in block.extra:
        text = extra.own_text()
        parts.append(f"- {text}" if extra.bullet else text)
    return "\n".join(parts)
