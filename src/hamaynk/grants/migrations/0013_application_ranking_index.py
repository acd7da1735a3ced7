"""An index for the ranking: a call's ranked applications (in review, more information
asked, awarded, rejected) best mean score first, unscored last. A deep page skips the rows
above it in the index instead of sorting every ranked application of the call (page 90 of
the largest call: 5 -> 0.7 ms). Partial, so that the status the ranking filters on is in the
index; the statuses must be `grants.selectors.RANKED` (a test checks). PostgreSQL only, as
0010: SQLite cannot index NULLS LAST, and its lists are small."""

from django.db import migrations

RANKED = ("in_review", "more_info", "awarded", "rejected")
CREATE = ("CREATE INDEX IF NOT EXISTS application_ranking ON grants_application "
          "(call_id, score_mean DESC NULLS LAST, id) WHERE status IN ({})".format(
              ", ".join(f"'{s}'" for s in RANKED)))
DROP = "DROP INDEX IF EXISTS application_ranking"


def _on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("grants", "0012_application_community_call")]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
