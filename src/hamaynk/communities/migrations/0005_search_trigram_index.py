"""A trigram index for searching names (`search_text LIKE '%word%'`: the directory's search
and the secretariat's application search). PostgreSQL only, and only where the pg_trgm
extension can be created (it is a trusted extension: a database owner may); otherwise the
search works as before, by scanning."""

from django.db import migrations

INDEX = "community_search_trgm"


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SAVEPOINT trgm")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # noqa: BLE001 - no right to create it: keep scanning
            cursor.execute("ROLLBACK TO SAVEPOINT trgm")
            return
        cursor.execute("RELEASE SAVEPOINT trgm")
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON communities_community "
                       "USING gin (search_text gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("communities", "0004_directory_order_partial")]

    operations = [migrations.RunPython(create, drop)]
