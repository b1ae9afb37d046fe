"""The soak's clients: they count every answer by status, note each 5xx by URL, stop by
themselves, and its URL list holds every kind of page and the hostile queries."""

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote_plus

import pytest

from bench.hostile import HOSTILE
from bench.http import HOST
from bench.soak import SoakResult, _clients, soak_urls
from tests.factories import build_sample_archive


class Server(BaseHTTPRequestHandler):
    def do_GET(self):
        status = {"/boom/": 500, "/missing/": 404}.get(self.path, 200)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def soak_against_a_stub(urls: list[str], *, seconds: float = 0, enough: int = 0) -> SoakResult:
    server = ThreadingHTTPServer((HOST, 0), Server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    result = SoakResult(engine="stub", clients=3)
    try:
        until = time.monotonic() + (seconds or 60)
        asyncio.run(_clients(server.server_address[1], urls, 3, until, enough, result))
    finally:
        server.shutdown()
    return result


def test_clients_count_statuses_and_name_each_server_error():
    result = soak_against_a_stub(["/a/", "/missing/", "/boom/"], enough=30)
    assert 30 <= result.requests < 33  # each of the 3 clients stops once 30 are answered
    assert set(result.statuses) == {200, 404, 500}
    assert result.server_errors and set(result.server_errors) == {"500 /boom/"}
    assert not result.ok
    assert "server errors: " in result.summary()


def test_clients_stop_when_their_time_is_up():
    result = soak_against_a_stub(["/a/"], seconds=0.5)
    assert result.requests > 0 and result.ok and result.statuses == {200: result.requests}


@pytest.mark.django_db
def test_soak_urls_cover_every_page_kind_and_the_hostile_queries():
    build_sample_archive(statements=30)
    urls = soak_urls()
    decoded = [unquote_plus(url) for url in urls]
    for prefix in ("/statements/", "/people/", "/organizations/", "/resolutions/", "/places/"):
        assert any(url.startswith(prefix) for url in urls), prefix
    for needed in ("/meetings/", "/statements/feed.atom", "/statements/export.csv", "/"):
        assert needed in {url.split("?")[0] for url in urls}, needed
    assert all(any(value in url for url in decoded) for value in HOSTILE[:20])
    assert len(urls) > 500


def test_a_terminated_run_stops_the_servers_it_started(tmp_path):
    """SIGTERM (a CI timeout, a kill) unwinds a benchmark or soak through its finally blocks,
    so the gunicorn it started does not outlive it."""
    script = tmp_path / "run.py"
    script.write_text(
        "import subprocess, sys, time\n"
        "from bench.stopping import exit_on_sigterm\n"
        "exit_on_sigterm()\n"
        "server = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "try:\n"
        "    print(server.pid, flush=True)\n"
        "    time.sleep(60)\n"
        "finally:\n"
        "    server.kill()\n"
        "    server.wait()\n"
    )
    run = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()
    )
    server = int(run.stdout.readline())
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=30) == 128 + signal.SIGTERM
    with pytest.raises(ProcessLookupError):
        os.kill(server, 0)
