"""The editors' desk on the Django admin, by concept: statements and their review, people and
the other entities with their merges, the merge-suggestion queue, the extractor's reference
data, and the raw fact tables."""

from . import (  # noqa: F401 (each registers its admins)
    entities,
    facts,
    reference,
    statements,
    suggestions,
)
