"""The API's documentation page, made from its OpenAPI schema on the server (no scripts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    required: bool
    kind: str
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    tag: str
    parameters: list[Parameter]
    statuses: list[str]
    fields: list[Parameter] = field(default_factory=list)
    csv: bool = False

    @property
    def anchor(self) -> str:
        return "op-" + self.path.strip("/").replace("/", "-").replace("{", "").replace("}", "")

    def example(self, samples: dict[str, dict[str, str]]) -> str | None:
        """The path with real values for its placeholders, or None when none are known.

        ``samples`` maps a path's first segment ("/requests") to placeholder values, so that
        ``{slug}`` means a request under /requests and a peer group under /peer-groups.
        """
        path = self.path
        segments = [part for part in path.strip("/").split("/") if part != "api"]
        values = samples.get("/" + segments[0], {}) if "{" in path and segments else {}
        for name, value in values.items():
            path = path.replace("{" + name + "}", value)
        return None if "{" in path else path


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _kind(schema: dict[str, Any], node: dict[str, Any]) -> str:
    """A parameter's or field's type in words: "integer from 1 to 1000 (default 100)"."""
    node = _resolve(schema, node)
    words = _type_words(schema, node)
    if "minimum" in node and "maximum" in node:
        words = _("%(type)s from %(low)s to %(high)s") % {
            "type": words, "low": node["minimum"], "high": node["maximum"]}
    if node.get("default") not in (None, ""):
        words = _("%(type)s (default %(value)s)") % {
            "type": words, "value": str(node["default"]).lower()}
    return words


def _type_words(schema: dict[str, Any], node: dict[str, Any]) -> str:
    from .schemas import PERIOD_PATTERN


    if "enum" in node:
        return " | ".join(str(v) for v in node["enum"])
    if "anyOf" in node:
        kinds = [_kind(schema, option) for option in node["anyOf"]]
        named = " | ".join(k for k in kinds if k != "null")
        return _("%(type)s or null") % {"type": named} if "null" in kinds else named
    kind = node.get("type", "object")
    if kind == "array":
        return _("list of %(type)s") % {"type": _kind(schema, node.get("items", {}))}
    if node.get("pattern") == PERIOD_PATTERN:
        return _("period: 2023, 2023-Q2 or 2023-04")
    if "pattern" in node:  # free text or a cursor: the pattern only keeps control characters out
        return _("text")
    if node.get("format"):
        return f"{kind} ({node['format']})"
    return str(kind)


def _fields(schema: dict[str, Any], ok: dict[str, Any]) -> list[Parameter]:
    content = ok.get("content", {}).get("application/json", {})
    node = _resolve(schema, content.get("schema", {}))
    properties = node.get("properties", {})
    if "results" in properties:  # a page: describe one result
        node = _resolve(schema, properties["results"].get("items", {}))
        properties = node.get("properties", {})
    required = set(node.get("required", []))
    return [Parameter(name, "", name in required, _kind(schema, prop),
                      prop.get("description", ""))
            for name, prop in properties.items()]


def operations(schema: dict[str, Any]) -> list[Operation]:
    """Every operation of ``schema``, in path order, ready for a template."""
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            parameters = [
                Parameter(p["name"], p["in"], p.get("required", False),
                          _kind(schema, p.get("schema", {})),
                          p.get("description") or p.get("schema", {}).get("description", ""))
                for p in spec.get("parameters", [])
            ]
            ok = spec.get("responses", {}).get("200", {})
            found.append(Operation(
                method=method.upper(), path=path, summary=spec.get("summary", ""),
                description=spec.get("description", ""),
                tag=(spec.get("tags") or [""])[0], parameters=parameters,
                statuses=sorted(spec.get("responses", {})), fields=_fields(schema, ok),
                csv="text/csv" in ok.get("content", {}),
            ))
    return found
