import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

# Mirrors forum.services._index_for_search: an opening post carries its thread's title
# (weight A, ranked first) as well as its body (weight B).
FILL_SEARCH_VECTORS = """
UPDATE forum_post AS post
SET search_vector =
    setweight(to_tsvector('english', CASE WHEN post.depth = 0 THEN thread.title ELSE '' END), 'A')
    || setweight(to_tsvector('english', post.body), 'B')
FROM forum_thread AS thread
WHERE thread.id = post.thread_id
"""


def fill_search_vectors(apps, schema_editor):
    # Full-text search is PostgreSQL's; on SQLite search matches text directly.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL_SEARCH_VECTORS)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0003_reactions_following_muting"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="post",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="forum_post_search_gin"
            ),
        ),
        migrations.RunPython(fill_search_vectors, migrations.RunPython.noop, elidable=True),
    ]
