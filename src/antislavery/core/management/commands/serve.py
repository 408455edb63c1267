import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Run the application for one machine: the web server on http://127.0.0.1:8000 and "
            "a background worker for long tasks. For production use gunicorn (see README).")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1",
                            help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000,
                            help="Port to listen on (default 8000).")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start the background task worker.")

    def handle(self, *, host: str, port: int, no_worker: bool, **options):
        worker = None
        if not no_worker:
            # Quiet: the console keeps the server's log; each task's outcome is kept in the
            # database (an import's on its progress page).
            worker = subprocess.Popen(
                [sys.executable, "-m", "antislavery", "db_worker", "--verbosity", "0"])
        self.stdout.write(f"Serving on http://{host}:{port}/ (Ctrl+C to stop)")
        # A service manager stops us with SIGTERM: leave through ``finally`` so that the
        # worker stops too instead of running on alone.
        signal.signal(signal.SIGTERM, _leave)
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)
        finally:
            if worker is not None:
                worker.send_signal(signal.SIGTERM)  # it finishes the task in hand
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()  # last resort: the task in hand is left unfinished
                    worker.wait()


def _leave(signum: int, frame: object) -> None:
    raise SystemExit(0)
