"""The stored search text of a statement, and on PostgreSQL its search document.

Two columns hold the title and the body as the engines index them (`normalise.index_text`):
folded, stemmed tokens separated by spaces. They are computed in Python as each row is written,
by save() and by bulk_create() alike (Field.pre_save runs for both), and the statements'
update() and bulk_update() add them (`with_search_text`), so every engine indexes the very same
tokens whatever wrote the row.

On PostgreSQL the search document is a weighted tsvector over those columns (title weight A,
body weight B) with the `simple` configuration, which neither stems nor drops words again; it
backs a `GeneratedField`, so it follows every write, and so does a second one, the pairs of
adjacent words that phrases are looked up by. SQLite has no tsvector: there both columns are a
constant NULL and the FTS5 table of `archive.search.sqlite` indexes the same two columns.
"""

from django.db import models
from django.db.models import Func, TextField

from .normalise import index_text

CONFIG = "simple"


class NormalisedTextField(models.TextField):
    """A column holding `index_text()` of another field of the row, set whenever it is saved."""

    def __init__(self, *args, source: str = "", **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = index_text(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


def search_fields(model) -> dict[str, str]:
    """{source field: its normalised field} of a model."""
    return {
        f.source: f.name for f in model._meta.concrete_fields if isinstance(f, NormalisedTextField)
    }


def with_search_text(model, values: dict) -> dict:
    """The values of a queryset.update(), with the normalised text of any text they change.

    Only plain text can be normalised: an expression (F("body"), Concat...) is refused rather
    than leaving the search index behind the text.
    """
    values = dict(values)
    for source, target in search_fields(model).items():
        if source in values:
            if not isinstance(values[source], str):
                raise ValueError(f"{source} can only be updated to a text, not an expression")
            values[target] = index_text(values[source])
    return values


def search_fields_to_update(model, objs, fields) -> list[str]:
    """The fields of a bulk_update(), with the normalised ones their text needs (set on objs)."""
    fields = list(fields)
    for source, target in search_fields(model).items():
        if source in fields:
            for obj in objs:
                setattr(obj, target, index_text(getattr(obj, source)))
            fields.append(target)
    return fields


class _ColumnsVector(Func):
    """A tsvector computed from the title's and the body's normalised columns on PostgreSQL, and
    a constant NULL on any other database."""

    output_field = TextField()

    def vector_sql(self, title: str, body: str) -> str:
        raise NotImplementedError

    def as_postgresql(self, compiler, connection, **extra_context):
        (title, title_params), (body, body_params) = (
            compiler.compile(arg) for arg in self.source_expressions
        )
        return self.vector_sql(title, body), (*title_params, *body_params)

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", ()


class SearchDocument(_ColumnsVector):
    """setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector(..., body), 'B')."""

    def __init__(self, title, body, *language, **extra):
        # `language` chose the configuration before migration 0007; the historical migrations
        # still pass it, and it is ignored.
        super().__init__(title, body, **extra)

    def vector_sql(self, title: str, body: str) -> str:
        return (
            f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE({title}, '')), 'A') || "
            f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE({body}, '')), 'B')"
        )


class WordPairs(_ColumnsVector):
    """archive_word_pairs(title, body): the adjacent pairs of each column's tokens, `a_b`, as a
    tsvector (the function is created by migration 0014_search_word_pairs)."""

    def vector_sql(self, title: str, body: str) -> str:
        return f"archive_word_pairs({title}, {body})"
