"""Migrations follow the seed's phases and work on SQLite and PostgreSQL alike."""

import uuid

import sqlalchemy as sa

from pk_rentals import migrations
from pk_rentals.db import create_engine

PHASE_2_COLUMNS = {
    "cnic_number",
    "cnic_front_url",
    "cnic_back_url",
    "verification_selfie_url",
    "verification_selfie_timestamp",
    "verification_selfie_verified",
    "verified_at",
}

PHASE_1_VERIFICATION_COLUMNS = {"id", "user_id", "phone_verified", "verification_level"}


def columns(engine, table):
    return {column["name"] for column in sa.inspect(engine).get_columns(table)}


def test_upgrade_to_head_then_downgrade_to_base(empty_database_url):
    engine = create_engine(empty_database_url)
    migrations.upgrade(empty_database_url)
    assert migrations.current_revision(engine) == migrations.head_revision()
    assert {"users", "user_verifications", "user_preferences"} <= set(
        sa.inspect(engine).get_table_names()
    )
    migrations.downgrade(empty_database_url)
    assert migrations.current_revision(engine) is None
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()


def test_migrated_schema_matches_the_models(engine):
    assert migrations.schema_differences(engine) == []


def test_phase_1_has_the_seed_columns_and_phase_2_adds_cnic_and_selfie(empty_database_url):
    engine = create_engine(empty_database_url)
    migrations.upgrade(empty_database_url, "0001")
    assert columns(engine, "users") == {
        "id",
        "clerk_user_id",
        "display_name",
        "phone",
        "city",
        "province",
        "created_at",
    }
    assert columns(engine, "user_verifications") == PHASE_1_VERIFICATION_COLUMNS
    migrations.upgrade(empty_database_url, "0002")
    added = columns(engine, "user_verifications") - PHASE_1_VERIFICATION_COLUMNS
    assert added == PHASE_2_COLUMNS
    migrations.downgrade(empty_database_url, "0001")
    assert not PHASE_2_COLUMNS & columns(engine, "user_verifications")
    engine.dispose()


def test_phase_1_data_survives_the_upgrades(empty_database_url):
    engine = create_engine(empty_database_url)
    migrations.upgrade(empty_database_url, "0001")
    user_id, verification_id = uuid.uuid4(), uuid.uuid4()
    users = sa.table(
        "users",
        sa.column("id", sa.Uuid),
        *(sa.column(n) for n in ("clerk_user_id", "display_name", "city", "province", "phone")),
    )
    verifications = sa.table(
        "user_verifications",
        sa.column("id", sa.Uuid),
        sa.column("user_id", sa.Uuid),
        sa.column("phone_verified"),
    )
    with engine.begin() as connection:
        connection.execute(
            users.insert().values(
                id=user_id,
                clerk_user_id="user_phase1",
                display_name="Ayesha Khan",
                city="Lahore",
                province="Punjab",
                phone="+923001234567",
            )
        )
        connection.execute(
            verifications.insert().values(id=verification_id, user_id=user_id, phone_verified=True)
        )
    migrations.upgrade(empty_database_url, "head")
    with engine.connect() as connection:
        user = connection.execute(sa.text("SELECT * FROM users")).mappings().one()
        verification = (
            connection.execute(sa.text("SELECT * FROM user_verifications")).mappings().one()
        )
    assert (user["clerk_user_id"], user["display_name"], user["city"], user["phone"]) == (
        "user_phase1",
        "Ayesha Khan",
        "Lahore",
        "+923001234567",
    )
    assert user["preferred_language"] == "urdu"
    assert user["created_at"] is not None
    assert bool(verification["phone_verified"]) is True
    assert verification["verification_level"] == "unverified"
    assert verification["cnic_number"] is None
    engine.dispose()
