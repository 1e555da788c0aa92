from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0005_erasure"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="screening_verdict",
            field=models.CharField(
                blank=True,
                choices=[
                    ("crisis", "Crisis: confirmed"),
                    ("concern", "A concern, not a crisis"),
                    ("not-concerning", "Not concerning"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="screening_verdict_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(("screening_verdict_at__isnull", False)),
                fields=["screening_verdict_at"],
                name="moderation_case_verdict_at",
            ),
        ),
    ]
