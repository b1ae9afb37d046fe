"""The load journal: one row per run of the loader, so an interrupted run can be finished."""

import os
import socket

from django.db import models


class LoadRun(models.Model):
    """A run of `load_releases`, which commits its releases a batch at a time.

    `written` counts the releases committed, in the order the check pass read them, in the same
    transaction as each batch, so after a crash it says exactly where to go on from; `--resume`
    checks that the files are the ones this run checked (`fingerprint`) and matches releases
    against the statements as they were when the run began (`last_id_before`), extracting them
    with the gazetteer of that moment (not one grown by the run's own first batches).
    """

    class State(models.TextChoices):
        RUNNING = "running", "Running"
        INTERRUPTED = "interrupted", "Interrupted"
        DONE = "done", "Done"
        ABANDONED = "abandoned", "Abandoned for a new load"

    UNFINISHED = (State.RUNNING, State.INTERRUPTED)

    state = models.CharField(max_length=12, choices=State.choices, default=State.RUNNING)
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    paths = models.JSONField(default=list, help_text="The paths the load was given.")
    fingerprint = models.CharField(max_length=64, help_text="Of the files' names, sizes, times.")
    total = models.PositiveIntegerField(default=0)
    written = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    last_id_before = models.BigIntegerField(default=0)
    gazetteer = models.JSONField(
        default=dict, help_text="The organizations, places and resolutions known at the start."
    )
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        done = f"{self.written:,}/{self.total:,}"
        return f"load of {self.started:%Y-%m-%d %H:%M} ({done}, {self.state})"

    @classmethod
    def this_process(cls) -> dict:
        return {"host": socket.gethostname()[:255], "pid": os.getpid()}

    @property
    def is_alive(self) -> bool:
        """Whether the process running this load still runs (on another machine: assumed so)."""
        if self.state != self.State.RUNNING:
            return False
        if self.host != socket.gethostname()[:255]:
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
