"""What a load did: releases created, updated and unchanged, its errors and notes."""

from dataclasses import dataclass, field

from .errors import ReleaseError


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[ReleaseError] = field(default_factory=list)
    dry_run: bool = False
    resumed: int = 0  # releases an interrupted run had written, skipped by this one
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        verb = "would be " if self.dry_run else ""
        outcome = (
            f"{self.created} {verb}created, {self.updated} {verb}updated, "
            f"{self.unchanged} unchanged, {len(self.errors)} errors"
        )
        if self.resumed:
            outcome = f"resumed after {self.resumed} releases already written: {outcome}"
        if self.errors:
            outcome += " - nothing was written"
        return outcome
