"""The open-loop load generator sends exactly its schedule to a loopback server and stops."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench.http import HOST, open_loop, sustained


class Ok(BaseHTTPRequestHandler):
    def do_GET(self):
        status = 404 if self.path.startswith("/missing") else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_open_loop_sends_rate_times_duration_requests_and_counts_answers():
    server = ThreadingHTTPServer((HOST, 0), Ok)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        steps = open_loop(
            port=server.server_address[1], urls=["/a/", "/missing/"], rates=[20], seconds=1
        )
    finally:
        server.shutdown()
    (step,) = steps
    assert step.sent == 20
    assert step.ok == 10 and step.statuses == {200: 10, 404: 10}
    assert step.errors == 10 and step.timeouts == 0
    assert sustained(steps) == 0  # half the answers were errors: not sustained
