"""A benchmark or soak that is terminated stops what it started.

Python ends on SIGTERM without unwinding, so the gunicorn servers, loads and scratch databases
a run started would outlive it (a CI timeout, a `kill`). Turned into SystemExit, SIGTERM unwinds
the run like Ctrl-C does, through the `finally` blocks that stop and drop them.
"""

import signal
import sys


def exit_on_sigterm() -> None:
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
