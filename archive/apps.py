"""App configuration: connects the search index upkeep to migrate."""

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate

from archive import budget


def install_search_index(sender, using, **kwargs):
    """(Re)create the SQLite FTS5 index after every migrate, so it survives table rebuilds.

    PostgreSQL needs nothing here: its tsvector is a generated column and its GIN index comes
    from a migration.
    """
    connection = connections[using]
    if connection.vendor == "sqlite":
        from archive.search import sqlite

        sqlite.install(connection)


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Statement Archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(install_search_index, sender=self)
        budget.install()
