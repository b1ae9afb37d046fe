"""Copying one benchmark database into another (say a loaded SQLite corpus into PostgreSQL).

Loading through the extractor costs the same on both engines, so a large corpus can be loaded once
and copied, row for row with the same ids, to measure the other engine's pages on identical data.
The copy is not an ingest figure: those come from loads through the loader (`bench --ingest-json`).
"""

import copy
import time

import dj_database_url
from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, transaction

SOURCE = "bench_source"
BATCH = 2000


def _open_source(url: str) -> None:
    settings = dj_database_url.parse(url)
    configured = connections.configure_settings(
        {"default": copy.deepcopy(connections["default"].settings_dict), SOURCE: settings}
    )
    connections.settings[SOURCE] = configured[SOURCE]


def copy_archive(*, source_url: str, say=print) -> dict:
    """Replace every archive table of the default database with the rows of `source_url`'s."""
    _open_source(source_url)
    models = list(apps.get_app_config("archive").get_models())
    target = connections["default"]
    counts, began = {}, time.perf_counter()
    try:
        with transaction.atomic():
            with target.cursor() as cursor:
                if target.vendor == "postgresql":
                    tables = ", ".join(target.ops.quote_name(m._meta.db_table) for m in models)
                    cursor.execute(f"TRUNCATE {tables} CASCADE")
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                else:
                    for model in reversed(models):
                        model._base_manager.all().delete()
            for model in models:
                rows = model._base_manager.using(SOURCE).order_by("pk").iterator(chunk_size=BATCH)
                batch, n = [], 0
                for row in rows:
                    row._state.db = None
                    batch.append(row)
                    if len(batch) == BATCH:
                        model._base_manager.bulk_create(batch)
                        n += len(batch)
                        batch = []
                model._base_manager.bulk_create(batch)
                counts[model._meta.label] = n + len(batch)
                say(f"  {model._meta.label}: {counts[model._meta.label]:,} rows")
            with target.cursor() as cursor:
                for sql in target.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
    finally:
        connections[SOURCE].close()
    return {"rows": counts, "seconds": round(time.perf_counter() - began, 1), "from": source_url}
