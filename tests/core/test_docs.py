"""Documentation kept honest by tests: every command is documented."""

from pathlib import Path

from django.core.management import get_commands

DOCS = Path(__file__).resolve().parents[2] / "docs"


def project_commands() -> list[str]:
    return sorted(name for name, app in get_commands().items()
                  if app.startswith("antislavery."))


def test_every_project_command_is_documented_in_cli_md():
    text = (DOCS / "cli.md").read_text()
    missing = [name for name in project_commands()
               if f"antislavery {name.replace('_', '-')}" not in text]
    assert project_commands(), "no project commands found"
    assert missing == []


def test_readme_gives_the_two_set_up_commands():
    readme = (DOCS.parent / "README.md").read_text()
    assert "./toolkit start" in readme
    assert "./toolkit test" in readme
    ci = (DOCS.parent / ".ci" / "run").read_text()
    assert "./toolkit test" in ci
