"""The database's CHECK for Clerk user id columns: one text that SQLite and
PostgreSQL both accept and enforce (prefix and length; the alphabet is checked by
``check_clerk_user_id`` before anything reaches the database)."""

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from pk_rentals.services.identity.clerk_ids import clerk_user_id_check_sql


@pytest.fixture
def ids_table(engine):
    metadata = sa.MetaData()
    table = sa.Table(
        "clerk_id_check_probe",
        metadata,
        sa.Column("clerk_user_id", sa.Text, nullable=False),
        sa.CheckConstraint(clerk_user_id_check_sql("clerk_user_id"), name="ck_probe_clerk_id"),
    )
    metadata.create_all(engine)
    return table


def insert(engine, table, value: str) -> None:
    with engine.begin() as connection:
        connection.execute(table.insert().values(clerk_user_id=value))


@pytest.mark.parametrize("good", ["user_29w83sxmDNGwOuEthce5gg56FcC", "user_x", "user_" + "a" * 59])
def test_clerk_ids_pass_the_check(engine, ids_table, good):
    insert(engine, ids_table, good)


@pytest.mark.parametrize(
    "bad",
    ["", "user_", "usr_2abcDEF", "USER_2abc", "user_" + "a" * 60, "user_" + "a" * 10_240],
    ids=["empty", "prefix-only", "wrong-prefix", "upper-case-prefix", "65-chars", "10kb"],
)
def test_the_database_refuses_what_is_not_shaped_like_one(engine, ids_table, bad):
    with pytest.raises(IntegrityError):
        insert(engine, ids_table, bad)
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(ids_table)).one()[0] == 0


def test_the_migration_and_the_models_hold_the_same_check(session):
    import importlib.util

    from pk_rentals.settings import PROJECT_ROOT

    path = PROJECT_ROOT / "alembic" / "versions" / "0006_clerk_user_id_check.py"
    spec = importlib.util.spec_from_file_location("migration_0006", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert clerk_user_id_check_sql("clerk_user_id") == migration.CHECK
    assert set(migration.TABLES) == {
        "users",
        "user_preferences",
        "auth_sessions",
        "clerk_user_tombstones",
    }


@pytest.mark.parametrize("table", ["users", "user_preferences", "auth_sessions", "tombstones"])
def test_the_migrated_database_refuses_a_malformed_id(session, table):
    from datetime import UTC, datetime

    from pk_rentals.models import AuthSession, ClerkUserTombstone, User, UserPreferences

    bad = "usr_2abcdef"
    row = {
        "users": lambda: User(
            clerk_user_id=bad, display_name="A", city="Lahore", province="Punjab"
        ),
        "user_preferences": lambda: UserPreferences(clerk_user_id=bad),
        "auth_sessions": lambda: AuthSession(
            session_id="sess_1", clerk_user_id=bad, last_active_at=datetime.now(UTC)
        ),
        "tombstones": lambda: ClerkUserTombstone(clerk_user_id=bad),
    }[table]()
    session.add(row)
    with pytest.raises(IntegrityError, match=r"(?i)check|clerk_user_id"):
        session.commit()
