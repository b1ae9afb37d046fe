"""The load journal: one run's record, the gazetteer it extracts with, and how it ends."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from django.utils import timezone

from archive.models import LoadRun

from .checking import CheckedReleases
from .errors import ReleaseError
from .extract import Gazetteer
from .gazetteer import Entry, KnownPerson, Post, ResolutionEntry
from .report import LoadReport

JOURNAL = "load journal"  # the "file" of the errors about the journal rather than a release


def unfinished_run(report: LoadReport, *, resume: bool, dry_run: bool) -> LoadRun | None:
    """The interrupted run to finish (with `resume`), after checking that no load is running."""
    unfinished = LoadRun.objects.filter(state__in=LoadRun.UNFINISHED).first()
    if unfinished is not None and unfinished.is_alive:
        report.errors.append(
            ReleaseError(
                JOURNAL,
                unfinished.pk,
                f"another load is running (process {unfinished.pid} on {unfinished.host}, "
                f"started {unfinished.started:%Y-%m-%d %H:%M:%S} UTC); wait for it to finish",
            )
        )
        return None
    if resume:
        if unfinished is None:
            report.errors.append(ReleaseError(JOURNAL, 0, "no interrupted load to resume"))
        return unfinished
    if unfinished is not None and not dry_run:
        report.notes.append(
            f"an interrupted load ({unfinished.written:,} of {unfinished.total:,} releases "
            "written) was abandoned; this load matches what it wrote"
        )
        unfinished.state = LoadRun.State.ABANDONED
        unfinished.save(update_fields=["state"])
    return None


def start_run(
    run: LoadRun | None,
    *,
    paths: list[Path],
    checked: CheckedReleases,
    last_id: int,
    gazetteer: Gazetteer,
) -> LoadRun:
    if run is None:
        run = LoadRun(
            paths=[str(p) for p in paths],
            fingerprint=checked.fingerprint,
            total=checked.count,
            last_id_before=last_id,
            gazetteer=gazetteer_snapshot(gazetteer),
        )
    run.state = LoadRun.State.RUNNING
    for name, value in LoadRun.this_process().items():
        setattr(run, name, value)
    run.save()
    return run


def gazetteer_snapshot(gazetteer: Gazetteer) -> dict:
    """The gazetteer as JSON, so that a resumed run extracts what the run would have."""
    return {
        "organizations": [dataclasses.astuple(e) for e in gazetteer.organizations.values()],
        "places": [dataclasses.astuple(e) for e in gazetteer.places.values()],
        "resolutions": [dataclasses.astuple(r) for r in gazetteer.resolutions.values()],
        "people": [dataclasses.astuple(p) for p in gazetteer.people.values()],
    }


def gazetteer_from(snapshot: dict) -> Gazetteer:
    def entry(name, kind, parent, names, adjectives=(), needs_context=False):
        return Entry(name, kind, parent, tuple(names), tuple(adjectives), needs_context)

    def person(name, names, posts=()):
        return KnownPerson(name, tuple(names), tuple(Post(*post) for post in posts))

    return Gazetteer(
        organizations=[entry(*row) for row in snapshot["organizations"]],
        places=[entry(*row) for row in snapshot["places"]],
        resolutions=[ResolutionEntry(*row) for row in snapshot["resolutions"]],
        people=[person(*row) for row in snapshot.get("people", ())],
    )


def stop_run(run: LoadRun, state: str) -> None:
    """Record how the run ended (best effort: a broken connection leaves it "running", which the
    next load reads as interrupted once this process is gone)."""
    try:
        LoadRun.objects.filter(pk=run.pk).update(state=state, finished=timezone.now())
    except Exception:
        if state == LoadRun.State.DONE:
            raise
