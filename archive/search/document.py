"""The stored search document of a statement, as a database expression.

On PostgreSQL it is a weighted tsvector (title weight A, body weight B) whose text-search
configuration follows the statement's language; it backs a `GeneratedField`, so every write, bulk
or not, keeps it current. SQLite has no tsvector: there the column is a constant NULL and the
FTS5 table of `archive.search.sqlite` does the work instead.
"""

from django.db.models import Func, TextField

# Text-search configuration per statement language. Only immutable expressions may appear in a
# generated column, so the mapping is spelled out as a CASE over regconfig constants.
TEXT_SEARCH_CONFIGS = {"en": "english", "ar": "arabic"}
DEFAULT_CONFIG = "simple"


def config_case_sql(language_sql: str) -> str:
    """SQL choosing the regconfig for a statement's language column."""
    whens = " ".join(
        f"WHEN '{lang}' THEN '{cfg}'::regconfig" for lang, cfg in TEXT_SEARCH_CONFIGS.items()
    )
    return f"(CASE {language_sql} {whens} ELSE '{DEFAULT_CONFIG}'::regconfig END)"


class SearchDocument(Func):
    """setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, body), 'B')."""

    output_field = TextField()

    def __init__(self, title, body, language, **extra):
        super().__init__(title, body, language, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        (title, title_params), (body, body_params), (lang, lang_params) = (
            compiler.compile(arg) for arg in self.source_expressions
        )
        cfg = config_case_sql(lang)
        sql = (
            f"setweight(to_tsvector({cfg}, COALESCE({title}, '')), 'A') || "
            f"setweight(to_tsvector({cfg}, COALESCE({body}, '')), 'B')"
        )
        return sql, (*lang_params, *title_params, *lang_params, *body_params)

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", ()
