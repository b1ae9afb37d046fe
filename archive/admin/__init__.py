"""The editors' desk on the Django admin, by concept: statements and their review, people and
the other entities with their merges, the merge-suggestion queue, and the raw fact tables."""

from . import entities, facts, statements, suggestions  # noqa: F401 (each registers its admins)
