"""Reading rendered pages in tests: the forms a page holds, and a quick accessibility audit.

Built on the standard library's HTML parser so that tests read pages as a browser would
without a browser: a form is its action, method and the values it would send; the audit
names duplicate ids, form controls without a label, pages without exactly one h1, headings
that skip a level and tables outside a scrolling wrapper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Controls that need a label; hidden inputs and buttons carry their own meaning.
_UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}
# The stylesheet's classes with overflow-x: auto (frontend/app.scss).
_SCROLLING = {"app-table-scroll", "app-figure"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: list[str] = field(default_factory=list)


@dataclass
class _Control:
    tag: str
    id: str
    name: str
    labelled: bool


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[_Control] = []
        self.headings: list[tuple[int, str]] = []
        self.tables_unwrapped = 0
        self.tables = 0
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._button: list[str] | None = None
        self._heading: list[str] | None = None
        self._heading_level = 0

    def _inside(self, tag: str) -> bool:
        return any(name == tag for name, _attrs in self._stack)

    def _wrapped(self) -> bool:
        """Inside an element the stylesheet lets scroll sideways."""
        return any(set(attrs.get("class", "").split()) & _SCROLLING
                   for _name, attrs in self._stack)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: (v or "") for k, v in attrs_list}
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "form":
            self.forms.append(Form(attrs.get("action", ""), attrs.get("method", "get").lower()))
        elif tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        elif tag in {"input", "select", "textarea"}:
            self._control(tag, attrs)
        elif tag == "button":
            self._button = []
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading, self._heading_level = [], int(tag[1])
        elif tag == "table":
            self.tables += 1
            if not self._wrapped():
                self.tables_unwrapped += 1
        if tag not in _VOID:
            self._stack.append((tag, attrs))

    def _control(self, tag: str, attrs: dict[str, str]) -> None:
        kind = attrs.get("type", "text").lower() if tag == "input" else tag
        name = attrs.get("name", "")
        if self.forms and name and self._inside("form"):
            form = self.forms[-1]
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    form.fields[name] = attrs.get("value", "on")
            elif kind not in {"submit", "button", "reset", "image"}:
                form.fields.setdefault(name, attrs.get("value", ""))
        if kind in _UNLABELLED_TYPES:
            return
        labelled = bool(attrs.get("aria-label") or attrs.get("aria-labelledby")
                        or attrs.get("title") or self._inside("label"))
        self.controls.append(_Control(tag, attrs.get("id", ""), name, labelled))

    def handle_endtag(self, tag: str) -> None:
        if tag == "button" and self._button is not None:
            if self.forms and self._inside("form"):
                self.forms[-1].buttons.append(" ".join("".join(self._button).split()))
            self._button = None
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self._heading is not None:
            self.headings.append((self._heading_level, " ".join("".join(self._heading).split())))
            self._heading = None
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._button.append(data)
        if self._heading is not None:
            self._heading.append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def forms(html: str) -> list[Form]:
    return read(html).forms


def form_with_button(html: str, text: str) -> Form:
    """The form whose submit button reads ``text``; fails the test if there is none."""
    found = [form for form in forms(html) if text in form.buttons]
    assert found, f"No form with a button {text!r} on the page"
    return found[0]


def problems(html: str) -> list[str]:
    """What the quick audit finds wrong with a page, as sentences (empty if nothing)."""
    page = read(html)
    found = []
    seen: set[str] = set()
    for ident in page.ids:
        if ident in seen:
            found.append(f"The id {ident!r} is used more than once.")
        seen.add(ident)
    for control in page.controls:
        if not control.labelled and control.id not in page.label_for:
            found.append(f"The {control.tag} {control.name or control.id!r} has no label.")
    h1s = [text for level, text in page.headings if level == 1]
    if len(h1s) != 1:
        found.append(f"The page has {len(h1s)} h1 headings: {h1s}.")
    previous = 0
    for level, text in page.headings:
        if previous and level > previous + 1:
            found.append(f"The heading {text!r} (h{level}) skips a level after an "
                         f"h{previous}.")
        previous = level
    if page.tables_unwrapped:
        found.append(f"{page.tables_unwrapped} of {page.tables} tables are not in a scrolling "
                     "wrapper, so they overflow a phone's screen.")
    return found
