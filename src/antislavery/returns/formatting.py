"""Formatted answers: a small, safe subset of Markdown typed in a plain textarea.

Paragraphs are separated by a blank line; lines starting ``- `` (or ``* ``, ``•``) are bullets;
lines starting ``1. `` are numbered items; ``**bold**`` and ``[text](https://...)`` work inside
them. Nothing else is markup, so text pasted from anywhere stays text. The HTML rendering is
sanitised again with nh3; the plain rendering keeps one block per paragraph or list item,
separated by blank lines, bullets starting ``- ``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import nh3
from django.utils.safestring import SafeString, mark_safe

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u00b7])\s+(?P<rest>.*)$")
_NUMBER = re.compile(r"^\s*(?P<n>\d{1,3})[.)]\s+(?P<rest>.*)$")
_BOLD = re.compile(r"\*\*(?=\S)(?P<text>.+?)(?<=\S)\*\*")
_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>(?:https?://|mailto:)[^\s()<>]+)\)")

_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "a"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "class"}, "p": {"class"}, "ul": {"class"},
                       "ol": {"class"}}


@dataclass(frozen=True)
class Block:
    """A paragraph (``kind == "p"``, one item) or a list (``"ul"``/``"ol"``, its items)."""

    kind: str
    items: tuple[str, ...]


def _item(line: str) -> tuple[str, str] | None:
    if match := _BULLET.match(line):
        return "ul", match["rest"].strip()
    if match := _NUMBER.match(line):
        return "ol", match["rest"].strip()
    return None


class _Parser:
    """Reads lines into blocks; ``kind`` is the block being built (None between blocks)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.kind: str | None = None
        self.items: list[list[str]] = []

    def flush(self) -> None:
        texts = tuple(" ".join(parts) for parts in self.items if parts)
        if self.kind == "p":
            self.blocks.extend(Block("p", (text,)) for text in texts)
        elif self.kind is not None and texts:
            self.blocks.append(Block(self.kind, texts))
        self.kind = None
        self.items = []

    def start(self, kind: str) -> None:
        if self.kind != kind:
            self.flush()
            self.kind = kind

    def line(self, raw: str) -> None:
        line = " ".join(raw.split())
        if not line:
            if self.kind == "p":
                self.flush()
            return
        item = _item(raw)
        if item is not None:
            self.start(item[0])
            self.items.append([item[1]] if item[1] else [])
        elif self.kind in {"ul", "ol"} and raw[:1].isspace() and self.items:
            self.items[-1].append(line)
        else:
            if self.kind != "p":
                self.start("p")
                self.items.append([])
            self.items[-1].append(line)


def parse(source: str | None) -> list[Block]:
    """The blocks of a formatted text, in order."""
    parser = _Parser()
    for raw in (source or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parser.line(raw)
    parser.flush()
    return parser.blocks


def _inline_html(text: str) -> str:
    escaped = html.escape(text, quote=True)
    escaped = _BOLD.sub(lambda m: f"<strong>{m['text']}</strong>", escaped)
    return _LINK.sub(
        lambda m: f'<a class="govuk-link" href="{m["url"]}">{m["text"]}</a>', escaped)


def _inline_plain(text: str) -> str:
    text = _BOLD.sub(lambda m: m["text"], text)
    return _LINK.sub(
        lambda m: m["text"] if m["text"] == m["url"] else f"{m['text']} ({m['url']})", text)


def to_html(source: str | None) -> SafeString:
    """The text as GOV.UK-styled HTML, sanitised."""
    parts = []
    for block in parse(source):
        if block.kind == "p":
            parts.append(f'<p class="govuk-body">{_inline_html(block.items[0])}</p>')
        else:
            style = "bullet" if block.kind == "ul" else "number"
            items = "".join(f"<li>{_inline_html(item)}</li>" for item in block.items)
            parts.append(f'<{block.kind} class="govuk-list govuk-list--{style}">{items}'
                         f"</{block.kind}>")
    cleaned = nh3.clean("".join(parts), tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                        url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
    return mark_safe(cleaned)  # noqa: S308 -- built from escaped text and cleaned by nh3


def plain_blocks(source: str | None) -> list[str]:
    """One string per paragraph or list item; items start ``- `` or ``N. ``."""
    out: list[str] = []
    for block in parse(source):
        if block.kind == "p":
            out.append(_inline_plain(block.items[0]))
        elif block.kind == "ul":
            out.extend(f"- {_inline_plain(item)}" for item in block.items)
        else:
            out.extend(f"{n}. {_inline_plain(item)}" for n, item in enumerate(block.items, 1))
    return out


def to_plain(source: str | None) -> str:
    """Plain text: paragraphs and list items each separated by a blank line."""
    return "\n\n".join(plain_blocks(source))


def normalise(source: str | None) -> str:
    """The stored form: the same blocks, one blank line apart, bullets written ``- ``."""
    lines: list[str] = []
    for block in parse(source):
        if lines:
            lines.append("")
        if block.kind == "p":
            lines.append(block.items[0])
        elif block.kind == "ul":
            lines.extend(f"- {item}" for item in block.items)
        else:
            lines.extend(f"{n}. {item}" for n, item in enumerate(block.items, 1))
    return "\n".join(lines)


def from_paragraphs(paragraphs: Iterable[str]) -> str:
    """Formatted text from extracted document blocks (which already mark items ``- ``)."""
    return normalise("\n\n".join(paragraphs).replace("\n\n- ", "\n- "))
