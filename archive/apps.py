"""App configuration: connects the search index upkeep to migrate."""
from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Statement Archive"
    default_auto_field = "django.db.models.BigAutoField"
