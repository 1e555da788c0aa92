"""Writing the planned forum: ids reserved from the tables' sequences up front, bulk
inserts that keep the given timestamps, search vectors computed in one query, and a
progress bar."""

import contextlib
import sys

from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query

from forum.services import search_vector

BATCH_SIZE = 2000


def reserve_ids(model, count):
    """`count` fresh primary keys from the table's own sequence, in increasing order."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return sorted(row[0] for row in cursor.fetchall())


@contextlib.contextmanager
def explicit_timestamps(*models):
    """Let bulk_create keep the `created_at` values it is given: auto_now_add would
    otherwise stamp every row with the moment of the insert."""
    fields = [
        model_field
        for model in models
        for model_field in model._meta.concrete_fields
        if getattr(model_field, "auto_now_add", False)
    ]
    for model_field in fields:
        model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field in fields:
            model_field.auto_now_add = True


def search_vectors(texts):
    """The search vector forum.services stores for each (title, body) pair (the title
    is empty for a reply), as text, in one query: its own expression, over every pair
    at once, so seeding computes each distinct text once and inserts the vectors with
    the posts rather than rewriting every row."""
    if not texts:
        return []
    titles, bodies = zip(*texts, strict=True)
    query = Query(None)
    expression = search_vector(
        RawSQL("texts.title", [], output_field=TextField()),
        RawSQL("texts.body", [], output_field=TextField()),
    ).resolve_expression(query)
    vector_sql, params = query.get_compiler(connection=connection).compile(expression)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ({vector_sql})::text"  # noqa: S608 (SQL Django compiled; values are params)
            " FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS texts(title, body, place)"
            " ORDER BY place",
            [*params, list(titles), list(bodies)],
        )
        return [row[0] for row in cursor.fetchall()]


def insert(out, label, model, rows):
    """Insert `rows` in batches, showing progress."""
    progress = Progress(out, label, len(rows))
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        model.objects.bulk_create(batch)
        progress.advance(len(batch))


class Progress:
    """A plain-text progress bar: redrawn in place on a terminal, one line per step
    (at most twenty) when written to a file or a log."""

    WIDTH = 20

    def __init__(self, out, label, total):
        self.out = out
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self.shown = -1
        self.in_place = out is sys.stdout and out.isatty()

    def advance(self, count):
        self.done += count
        filled = self.WIDTH * min(self.done, self.total) // self.total
        if filled == self.shown:
            return
        self.shown = filled
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = f"{self.label:<16}{self.done:>9,}/{self.total:,} [{bar}]"
        self.out.write(line + ("\r" if self.in_place and filled < self.WIDTH else "\n"))
        self.out.flush()
