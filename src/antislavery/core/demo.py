"""Load reference and demonstration data from every app, in order; safe to repeat.

An app takes part by having a ``demo`` module with ``ORDER`` (int) and
``load(*, stdout) -> None``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TextIO

from django.apps import apps


def loaders() -> list[tuple[int, str, Callable[..., Any]]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("antislavery."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "load"):
            found.append((getattr(module, "ORDER", 50), config.label, module.load))
    return sorted(found, key=lambda item: (item[0], item[1]))


def load_all(*, stdout: TextIO) -> None:
    from .demo_state import mark_demo_loaded

    for _order, label, load in loaders():
        stdout.write(f"Loading {label}...\n")
        load(stdout=stdout)
    mark_demo_loaded()
