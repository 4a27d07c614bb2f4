"""Alembic environment: the URL comes from settings unless the caller passes one.

``reflex db`` bypasses this file (see docs/notes/reflex-ui-and-db.md), so the
project applies migrations itself: ``python -m pk_rentals.cli migrate``.
"""

from sqlmodel import SQLModel

import pk_rentals.models  # noqa: F401 - registers the tables on SQLModel.metadata
from alembic import context
from pk_rentals.db import create_engine
from pk_rentals.migrations import include_name

config = context.config
target_metadata = SQLModel.metadata


def database_url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from pk_rentals.settings import get_settings

    return get_settings().db_url


def run_migrations_online() -> None:
    engine = create_engine(database_url())
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a table by dropping it; with foreign keys enforced
            # that would fail (or cascade). Checked again once the migration is done.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER constraints in place
            compare_type=True,
            compare_server_default=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
    engine.dispose()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
