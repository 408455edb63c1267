"""The collated report as plain data, ready for any renderer.

Free text (the introduction, the summary, an example's wording) is a small subset of
Markdown: paragraphs separated by blank lines, lines starting "- " as bullets, and
``**bold**``. :func:`blocks` and :func:`spans` parse it the same way for every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Example:
    """One passage quoted in a section, led by its area's name."""

    area_name: str
    text: str
    url: str = ""  # the source passage; empty when the reader may not follow it


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    examples: list[Example] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class Annex:
    """Areas that responded (rows) against themes (columns): which themes each raised."""

    columns: list[tuple[str, str]]  # (code, label)
    rows: list[tuple[str, set[str]]]  # (area name, codes)


@dataclass(frozen=True)
class CollatedDocument:
    title: str
    issuer: str
    introduction: str
    responses_received: int
    recipients: int
    non_respondents: list[str]
    summary: str
    sections: list[Section]
    annex: Annex
    is_demo: bool = False
    date: str = ""

    @property
    def response_line(self) -> str:
        return ngettext("%(received)s of %(recipients)s area responded.",
                        "%(received)s of %(recipients)s areas responded.",
                        self.recipients) % {"received": self.responses_received,
                                            "recipients": self.recipients}

    @property
    def non_respondent_line(self) -> str:
        if not self.non_respondents:
            return _("Every area asked has responded.")
        return _("No response had been received from %(areas)s.") % {
            "areas": join_names(self.non_respondents)}


def join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


HEADINGS = {
    "introduction": "Introduction",
    "responses": "Responses received",
    "summary": "Executive summary",
    "annex": "Annex: themes raised by each area",
    "demo": "Demonstration data: this report was made from synthetic demo responses.",
}


def heading(key: str) -> str:
    return _(HEADINGS[key])


@dataclass(frozen=True)
class Block:
    kind: str  # "para" or "bullets"
    lines: list[str]


def blocks(text: str) -> list[Block]:
    """Paragraphs and bullet lists of a text, in order."""
    found: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        paragraph: list[str] = []
        bullets: list[str] = []
        for line in lines:
            if _BULLET.match(line):
                if paragraph:
                    found.append(Block("para", [" ".join(paragraph)]))
                    paragraph = []
                bullets.append(_BULLET.sub("", line))
            elif bullets:
                bullets[-1] += " " + line
            else:
                paragraph.append(line)
        if paragraph:
            found.append(Block("para", [" ".join(paragraph)]))
        if bullets:
            found.append(Block("bullets", bullets))
    return found


def spans(line: str) -> list[tuple[str, bool]]:
    """``(text, bold)`` runs of one line."""
    result: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(line):
        if match.start() > position:
            result.append((line[position:match.start()], False))
        result.append((match.group(1), True))
        position = match.end()
    if position < len(line):
        result.append((line[position:], False))
    return result


def plain(text: str) -> str:
    """The text without bold markers, on one line per block."""
    return "\n".join(" ".join(block.lines) for block in blocks(_BOLD.sub(r"\1", text)))
