from django.db import migrations

# Nobody edits or deletes the audit log, whatever the code path (admin, shell, a bug).
# Erasing an account may only blank who acted or whom a row concerned (set to NULL).
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION moderation_append_only() RETURNS trigger AS $$
DECLARE
    column_name text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the moderation log is append-only: rows of % cannot be deleted',
            TG_TABLE_NAME;
    END IF;
    FOR column_name IN SELECT jsonb_object_keys(to_jsonb(OLD)) LOOP
        IF (to_jsonb(NEW) -> column_name) IS DISTINCT FROM (to_jsonb(OLD) -> column_name)
           AND NOT (column_name = ANY (TG_ARGV) AND (to_jsonb(NEW) -> column_name) = 'null'::jsonb)
        THEN
            RAISE EXCEPTION 'the moderation log is append-only: %.% cannot change',
                TG_TABLE_NAME, column_name;
        END IF;
    END LOOP;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER moderationaction_append_only
    BEFORE UPDATE OR DELETE ON moderation_moderationaction
    FOR EACH ROW EXECUTE FUNCTION moderation_append_only('actor_id', 'member_id', 'case_id');

-- Staff notes never change; they go only with the member they are about.
CREATE TRIGGER staffnote_append_only
    BEFORE UPDATE ON moderation_staffnote
    FOR EACH ROW EXECUTE FUNCTION moderation_append_only('author_id');
"""

REMOVE = """
DROP TRIGGER IF EXISTS moderationaction_append_only ON moderation_moderationaction;
DROP TRIGGER IF EXISTS staffnote_append_only ON moderation_staffnote;
DROP FUNCTION IF EXISTS moderation_append_only();
"""


def add_triggers(apps, schema_editor):
    # SQLite only serves `make run`'s demo; the guarantee lives on PostgreSQL.
    if schema_editor.connection.vendor == "postgresql":
        # A plain cursor: the function's RAISE messages use % placeholders of their own.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(APPEND_ONLY)


def remove_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial")]

    operations = [migrations.RunPython(add_triggers, remove_triggers)]
