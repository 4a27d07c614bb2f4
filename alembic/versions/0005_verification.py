"""Verification: submissions, draft uploads, one-time selfie codes, the append-only
audit log, the CNIC's blind index and mask, the admin's trust grant and user roles.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUBMISSION_STATUSES = ("pending", "approved", "rejected", "resubmission_requested")
MEDIA_KINDS = ("cnic_front", "cnic_back", "selfie")
AUDIT_ACTIONS = (
    "approve",
    "reject",
    "request_resubmission",
    "reveal_cnic",
    "duplicate_cnic",
    "grant_trusted",
    "revoke_trusted",
    "level_change",
)
ROLES = ("user", "moderator", "admin")
# Columns of audit_log that never change; the links to people may only be cleared.
AUDIT_FIXED = ("id", "at", "action", "level_before", "level_after", "reason_code")
AUDIT_CLEARABLE = ("actor_id", "subject_id", "submission_id", "note")


def one_of(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def moment(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def created(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def flag(name: str) -> sa.Column:
    return sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False)


def user_fk(table: str, column: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["users.id"], name=f"fk_{table}_{column}_users", ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "verification_submissions",
        sa.Column("id", sa.Uuid()),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), server_default="pending", nullable=False),
        sa.Column("cnic_encrypted", sa.Text(), nullable=False),
        sa.Column("cnic_index", sa.Text(), nullable=False),
        sa.Column("cnic_masked", sa.Text(), nullable=False),
        sa.Column("cnic_province", sa.Text(), nullable=True),
        sa.Column("profile_province", sa.Text(), nullable=True),
        sa.Column("cnic_front_ref", sa.Text(), nullable=False),
        sa.Column("cnic_back_ref", sa.Text(), nullable=False),
        sa.Column("selfie_ref", sa.Text(), nullable=False),
        moment("selfie_received_at", nullable=False),
        sa.Column("selfie_bytes", sa.Integer(), nullable=False),
        flag("flag_province_mismatch"),
        flag("flag_duplicate_cnic"),
        sa.Column("selfie_age_seconds", sa.Integer(), nullable=False),
        created("submitted_at"),
        moment("decided_at"),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("reason_code", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            one_of("status", SUBMISSION_STATUSES), name="ck_verification_submissions_status"
        ),
        user_fk("verification_submissions", "user_id", "CASCADE"),
        user_fk("verification_submissions", "decided_by", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_verification_submissions"),
    )
    op.create_index(
        "ix_verification_submissions_queue",
        "verification_submissions",
        ["status", "submitted_at", "id"],
    )
    op.create_index("ix_verification_submissions_user_id", "verification_submissions", ["user_id"])
    op.create_index(
        "ix_verification_submissions_cnic_index", "verification_submissions", ["cnic_index"]
    )
    op.create_table(
        "verification_uploads",
        sa.Column("id", sa.Uuid()),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("bytes", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        created("received_at"),
        sa.CheckConstraint(one_of("kind", MEDIA_KINDS), name="ck_verification_uploads_kind"),
        user_fk("verification_uploads", "user_id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_verification_uploads"),
    )
    op.create_index("ix_verification_uploads_user_id", "verification_uploads", ["user_id"])
    op.create_table(
        "selfie_codes",
        sa.Column("code_hash", sa.Text()),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        created("issued_at"),
        moment("expires_at", nullable=False),
        moment("used_at"),
        user_fk("selfie_codes", "user_id", "CASCADE"),
        sa.PrimaryKeyConstraint("code_hash", name="pk_selfie_codes"),
    )
    op.create_index("ix_selfie_codes_user_id", "selfie_codes", ["user_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer()),
        created("at"),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
        sa.Column("submission_id", sa.Uuid(), nullable=True),
        sa.Column("level_before", sa.Text(), nullable=True),
        sa.Column("level_after", sa.Text(), nullable=True),
        sa.Column("reason_code", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(one_of("action", AUDIT_ACTIONS), name="ck_audit_log_action"),
        user_fk("audit_log", "actor_id", "SET NULL"),
        user_fk("audit_log", "subject_id", "SET NULL"),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["verification_submissions.id"],
            name="fk_audit_log_submission_id_verification_submissions",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_actor_id", "audit_log", ["actor_id"])
    op.create_index("ix_audit_log_subject_id", "audit_log", ["subject_id"])
    _append_only_triggers()

    with op.batch_alter_table("user_verifications") as batch:
        batch.add_column(sa.Column("cnic_index", sa.Text(), nullable=True))
        batch.add_column(sa.Column("cnic_masked", sa.Text(), nullable=True))
        batch.add_column(flag("trust_granted"))
        batch.create_unique_constraint("uq_user_verifications_cnic_index", ["cnic_index"])
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("role", sa.Text(), server_default="user", nullable=False))
        batch.create_check_constraint("role", one_of("role", ROLES))


def _append_only_triggers() -> None:
    """Refuse DELETE, and any UPDATE except clearing a link or the note."""
    if op.get_bind().dialect.name == "postgresql":
        changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in AUDIT_FIXED)
        filled = " OR ".join(
            f"(NEW.{c} IS DISTINCT FROM OLD.{c} AND NEW.{c} IS NOT NULL)" for c in AUDIT_CLEARABLE
        )
        op.execute(f"""
            CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' OR {changed} OR {filled} THEN
                    RAISE EXCEPTION 'audit_log is append-only';
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql
        """)
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        return
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in AUDIT_FIXED)
    filled = " OR ".join(
        f"(NEW.{c} IS NOT OLD.{c} AND NEW.{c} IS NOT NULL)" for c in AUDIT_CLEARABLE
    )
    op.execute(f"""
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN {changed} OR {filled}
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
    """)
    op.execute("""
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
    """)


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("role", type_="check")
        batch.drop_column("role")
    with op.batch_alter_table("user_verifications") as batch:
        batch.drop_constraint("uq_user_verifications_cnic_index", type_="unique")
        batch.drop_column("trust_granted")
        batch.drop_column("cnic_masked")
        batch.drop_column("cnic_index")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    op.drop_table("audit_log")
    op.drop_table("selfie_codes")
    op.drop_table("verification_uploads")
    op.drop_table("verification_submissions")
