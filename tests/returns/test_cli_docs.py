"""Every returns action is documented in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

from antislavery.returns.management.commands.returns import Command

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_every_returns_action_and_option_is_documented():
    parser = Command().create_parser("antislavery", "returns")
    actions = next(a for a in parser._actions if a.dest == "action")
    text = DOCS.read_text()

    for name, subparser in actions.choices.items():
        assert f"`antislavery returns {name}" in text, name
        for option in subparser._actions:
            for flag in option.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in text, f"{name} {flag}"
