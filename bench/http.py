"""Throughput over HTTP: gunicorn on 127.0.0.1 and a bounded, open-loop load generator.

Open loop: requests are sent on a fixed schedule (rate x duration) whether or not earlier ones have
answered, and latency counts from the scheduled moment, so a slow server cannot slow the client
down and hide its own queueing. Every step stops by itself: after its duration, the requests still
open get `timeout` seconds and are then abandoned. Only the loopback address is ever used.
"""

import asyncio
import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .stats import summary

HOST = "127.0.0.1"


def free_port() -> int:
    """A free port: within BENCH_PORTS ("8100-8199") when set, else any the system gives."""
    first, _, last = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(first), int(last) + 1):
        with socket.socket() as s, contextlib.suppress(OSError):
            s.bind((HOST, port))
            return s.getsockname()[1]
    raise OSError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


@dataclass
class Server:
    process: subprocess.Popen
    port: int

    def worker_peak_rss_kb(self) -> dict[int, int]:
        """Peak resident memory (VmHWM) of each gunicorn worker, by pid."""
        peaks = {}
        for pid in _children(self.process.pid):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = int(line.split()[1])
        return peaks

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def start_gunicorn(*, database_url: str, workers: int = 2, timeout: float = 60) -> Server:
    """gunicorn serving bench.wsgi on a free loopback port, production settings."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
        "DEBUG": "0",
        "PLAIN_STATIC": "1",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": HOST,
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn), "bench.wsgi:application",
            "--bind", f"{HOST}:{port}", "--workers", str(workers),
            "--worker-class", "sync", "--timeout", "120", "--log-level", "warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return Server(process, port)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start listening in time")


@dataclass
class StepResult:
    rate: float
    seconds: float
    sent: int = 0
    ok: int = 0
    errors: int = 0
    timeouts: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {
            "offered_rps": self.rate,
            "seconds": self.seconds,
            "sent": self.sent,
            "ok": self.ok,
            "errors": self.errors,
            "timeouts": self.timeouts,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "pages_per_s": round(self.throughput, 2),
            "latency": summary(self.latencies),
        }


async def _fetch(port: int, url: str, timeout: float) -> int:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
    try:
        writer.write(
            f"GET {url} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
            "User-Agent: archive-bench\r\n\r\n".encode("ascii")
        )
        await writer.drain()
        status_line = await asyncio.wait_for(reader.readline(), timeout)
        while await asyncio.wait_for(reader.read(65536), timeout):
            pass
        return int(status_line.split()[1])
    finally:
        writer.close()


async def _step(
    port: int, urls: list[str], rate: float, seconds: float, timeout: float
) -> StepResult:
    result = StepResult(rate=rate, seconds=seconds)
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def one(index: int, scheduled: float) -> None:
        try:
            status = await _fetch(port, urls[index % len(urls)], timeout)
        except TimeoutError:
            result.timeouts += 1
            return
        except (OSError, ValueError, IndexError):
            result.errors += 1
            return
        result.statuses[status] = result.statuses.get(status, 0) + 1
        if status == 200:
            result.ok += 1
            result.latencies.append(loop.time() - scheduled)
        else:
            result.errors += 1

    tasks = []
    total = int(rate * seconds)
    for index in range(total):
        scheduled = start + index / rate
        delay = scheduled - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(index, scheduled)))
        result.sent += 1
    done, pending = await asyncio.wait(tasks, timeout=timeout) if tasks else (set(), set())
    for task in pending:
        task.cancel()
        result.timeouts += 1
    return result


def warm(*, port: int, urls: list[str], timeout: float = 60) -> None:
    """Each URL once, one after another, untimed: workers load templates and fill their caches."""

    async def run() -> None:
        for url in urls:
            with contextlib.suppress(OSError, TimeoutError, ValueError, IndexError):
                await _fetch(port, url, timeout)

    asyncio.run(run())


def open_loop(
    *,
    port: int,
    urls: list[str],
    rates: list[float],
    seconds: float = 8,
    timeout: float = 5,
    max_p95: float = 1.0,
) -> list[StepResult]:
    """Offer each rate in turn for `seconds`; stop after the first step the server cannot sustain
    (under 95% answered, or p95 latency over `max_p95` seconds)."""
    steps = []
    for rate in rates:
        step = asyncio.run(_step(port, urls, rate, seconds, timeout))
        steps.append(step)
        p95 = summary(step.latencies).get("p95_ms", float("inf")) / 1000
        if step.ok < 0.95 * step.sent or p95 > max_p95:
            break
    return steps


def sustained(steps: list[StepResult], max_p95: float = 1.0) -> float:
    """The highest throughput among the steps the server kept up with (0 if none)."""
    best = 0.0
    for step in steps:
        p95 = summary(step.latencies).get("p95_ms", float("inf")) / 1000
        if step.ok >= 0.95 * step.sent and p95 <= max_p95:
            best = max(best, step.throughput)
    return best
