"""Configuration, the command-line entry point and the demo loader."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from antislavery.accounts.models import User
from antislavery.areas.models import Area

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # A fresh process environment: nothing the browser tests set for themselves leaks in.
    base = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(  # noqa: S603 -- the project's own entry point
        [sys.executable, "-m", "antislavery", *args], capture_output=True, text=True,
        env={**base, **env}, timeout=120, check=False)


def test_deploy_check_passes_with_production_settings(tmp_path):
    result = run_cli("check", "--deploy", "--fail-level", "WARNING", env={
        "DJANGO_SETTINGS_MODULE": "antislavery.settings.prod",
        "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-check",
        "ALLOWED_HOSTS": "toolkit.example.org",
        "ANTISLAVERY_DATA_DIR": str(tmp_path),
    })
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "antislavery.settings.prod",
           "ANTISLAVERY_DATA_DIR": str(tmp_path), "SECRET_KEY": ""}
    result = run_cli("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment for production." in result.stderr


def test_embedded_default_keeps_a_generated_secret_in_the_data_folder(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "antislavery.settings.local", "SECRET_KEY": "",
           "ANTISLAVERY_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    result = run_cli("check", env=env)
    assert result.returncode == 0, result.stderr
    secret = tmp_path / "secret_key"
    assert secret.stat().st_mode & 0o777 == 0o600
    first = secret.read_text()
    run_cli("check", env=env)
    assert secret.read_text() == first


def test_debug_is_off_unless_asked_for(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG)"
    env = {"DJANGO_SETTINGS_MODULE": "antislavery.settings.local",
           "ANTISLAVERY_DATA_DIR": str(tmp_path), "DEBUG": ""}
    assert run_cli("shell", "-c", code, env=env).stdout.split()[-1] == "False"
    env["DEBUG"] = "1"
    assert run_cli("shell", "-c", code, env=env).stdout.split()[-1] == "True"


def test_cli_turns_hyphens_into_command_names(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "antislavery.settings.local",
           "ANTISLAVERY_DATA_DIR": str(tmp_path)}
    result = run_cli("resolve-area", "--help", env=env)
    assert result.returncode == 0
    assert "closest candidates" in result.stdout


@pytest.mark.django_db
def test_demo_loads_every_role_and_is_safe_to_repeat(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "Demo accounts" in out
    for role in ("Administrator", "Coordinator", "Office editor", "Office viewer"):
        assert role in out
    counts = (Area.objects.count(), User.objects.count())
    call_command("demo", "--quiet-accounts")
    assert (Area.objects.count(), User.objects.count()) == counts
    assert set(User.objects.values_list("role", flat=True)) == {
        "administrator", "coordinator", "office_editor", "office_viewer"}


@pytest.mark.django_db
def test_demo_accounts_can_sign_in_with_the_printed_password(client, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    password = out.split("password for all: ")[1].split(")")[0]
    response = client.post("/account/sign-in/", {"username": "editor.essex@demo.example",
                                                 "password": password})
    assert response.status_code == 302


def test_loading_the_code_touches_no_database(tmp_path):
    # A database that cannot be reached: importing settings, apps, URLs and the API schema
    # (which `check` does) must not need it.
    env = {"DJANGO_SETTINGS_MODULE": "antislavery.settings.local",
           "ANTISLAVERY_DATA_DIR": str(tmp_path),
           "DATABASE_URL": "postgres://nobody@127.0.0.1:9/unreachable"}
    result = run_cli("check", env=env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_every_file_the_package_needs_is_in_its_package_data():
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    package = ROOT / "src" / "antislavery"
    left_out = [
        str(path.relative_to(package)) for path in package.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc", ".stamp"}
        and "__pycache__" not in path.parts and path.name != ".stamp"
        and not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)
    ]
    assert left_out == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in found.read_text().split()] if found.exists() else []


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_serve_stopped_by_sigterm_stops_its_worker_too(tmp_path):
    # given: the embedded application serving with its background worker
    env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
           "DJANGO_SETTINGS_MODULE": "antislavery.settings.local",
           "ANTISLAVERY_DATA_DIR": str(tmp_path)}
    assert run_cli("migrate", "--no-input", "-v", "0", env=env).returncode == 0
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 -- the project's own entry point
        [sys.executable, "-m", "antislavery", "serve", "--port", str(port)], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as page:
                    assert page.status == 200
                break
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.5)
        workers = _children(server.pid)
        assert len(workers) == 1
        assert _running(workers[0])
        # when: a service manager stops it
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        # then: the worker is gone as well
        deadline = time.monotonic() + 15
        while _running(workers[0]) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _running(workers[0])
    finally:
        if server.poll() is None:
            server.kill()
