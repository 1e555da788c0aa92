from django.db import migrations, models

# Erasing an account (the member's own request) may blank, in the audit log, who acted,
# whom a row concerned, the name a row was about and before/after values that hold the
# member's words or name. "Blank" means NULL, an empty string or an empty object: the
# row itself, its action, reason and date stay, so the fact of each decision is kept.
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION moderation_append_only() RETURNS trigger AS $$
DECLARE
    column_name text;
    new_value jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the moderation log is append-only: rows of % cannot be deleted',
            TG_TABLE_NAME;
    END IF;
    FOR column_name IN SELECT jsonb_object_keys(to_jsonb(OLD)) LOOP
        new_value := to_jsonb(NEW) -> column_name;
        IF new_value IS DISTINCT FROM (to_jsonb(OLD) -> column_name)
           AND NOT (column_name = ANY (TG_ARGV)
                    AND new_value IN ('null'::jsonb, '""'::jsonb, '{}'::jsonb))
        THEN
            RAISE EXCEPTION 'the moderation log is append-only: %.% cannot change',
                TG_TABLE_NAME, column_name;
        END IF;
    END LOOP;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS moderationaction_append_only ON moderation_moderationaction;
CREATE TRIGGER moderationaction_append_only
    BEFORE UPDATE OR DELETE ON moderation_moderationaction
    FOR EACH ROW EXECUTE FUNCTION moderation_append_only(
        'actor_id', 'member_id', 'case_id', 'target_repr', 'before', 'after'
    );
"""

# Back to 0002's rule: only identity columns, and only to NULL.
PREVIOUS = """
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

DROP TRIGGER IF EXISTS moderationaction_append_only ON moderation_moderationaction;
CREATE TRIGGER moderationaction_append_only
    BEFORE UPDATE OR DELETE ON moderation_moderationaction
    FOR EACH ROW EXECUTE FUNCTION moderation_append_only('actor_id', 'member_id', 'case_id');
"""


def _run(sql):
    def run(apps, schema_editor):
        # SQLite only serves `make run`'s demo; the guarantee lives on PostgreSQL.
        if schema_editor.connection.vendor == "postgresql":
            # A plain cursor: the function's RAISE messages use % placeholders of their own.
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("moderation", "0004_default_watched_phrases")]

    operations = [
        migrations.AlterField(
            model_name="moderationaction",
            name="action",
            field=models.CharField(
                choices=[
                    ("approve", "Approved / kept"),
                    ("hide", "Hidden"),
                    ("edit", "Edited and approved"),
                    ("add_warning", "Content warning added"),
                    ("lock", "Thread locked"),
                    ("move", "Thread moved"),
                    ("escalate", "Escalated to safeguarding leads"),
                    ("warn", "Member warned"),
                    ("suspend", "Member suspended"),
                    ("ban", "Member banned"),
                    ("open_case", "Case opened"),
                    ("claim", "Case claimed"),
                    ("reassign", "Case reassigned"),
                    ("flag", "Post flagged"),
                    ("auto_hide", "Hidden pending review (flags)"),
                    ("staff_note", "Staff note added"),
                    ("appeal", "Appeal made"),
                    ("admin_change", "Changed in the admin"),
                    ("account_deleted", "Account deleted by its member"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(_run(APPEND_ONLY), _run(PREVIOUS)),
    ]
