"""An index for the ranking and the "sort by score" list (best mean score first, unscored
last). PostgreSQL only: SQLite cannot index NULLS LAST, and its lists are small."""

from django.db import migrations

CREATE = ('CREATE INDEX IF NOT EXISTS application_score_order ON grants_application '
          '(call_id, score_mean DESC NULLS LAST, id)')
DROP = "DROP INDEX IF EXISTS application_score_order"


def _on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("grants", "0009_remove_application_total_cost")]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
