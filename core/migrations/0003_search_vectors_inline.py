from django.db import migrations

from core.migration_operations import postgresql_sql

# PostgreSQL only. A list that narrows its rows by other filters first matches each
# remaining row's entry on its own: its tsvector is then read from the entry's row, not
# from the TOAST table (compressed, in the row, as long as the row fits on a page), and the
# terms, which only SQLite reads, are moved out of the row instead. Entries written before
# take this storage when they are written again (``manage.py search_index``).
FORWARDS = [
    "ALTER TABLE core_searchentry"
    " ALTER COLUMN vector SET STORAGE MAIN, ALTER COLUMN title_vector SET STORAGE MAIN,"
    " ALTER COLUMN terms SET STORAGE EXTERNAL, ALTER COLUMN title_terms SET STORAGE EXTERNAL",
]
BACKWARDS = [
    "ALTER TABLE core_searchentry"
    " ALTER COLUMN vector SET STORAGE EXTENDED, ALTER COLUMN title_vector SET STORAGE EXTENDED,"
    " ALTER COLUMN terms SET STORAGE EXTENDED, ALTER COLUMN title_terms SET STORAGE EXTENDED",
]


class Migration(migrations.Migration):
    dependencies = [("core", "0002_search_index")]

    operations = [postgresql_sql(FORWARDS, BACKWARDS)]
