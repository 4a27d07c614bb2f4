"""Scheduled jobs: who holds a job now (``job_locks``) and what each run did (``job_runs``)."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import JSONB


class JobLock(SQLModel, table=True):
    """One row per job: a lease, so two workers never run the same job at once.

    A worker takes the lease only when it has expired (or is its own), and renews
    it while the job runs; a worker killed halfway stops renewing, and the lease
    runs out, so another worker can take over. Works alike on SQLite and PostgreSQL.
    """

    __tablename__ = "job_locks"

    name: str = Field(sa_type=sa.Text, primary_key=True)
    holder: str = Field(sa_type=sa.Text, nullable=False)
    expires_at: datetime = Field(nullable=False)


class JobRun(SQLModel, table=True):
    """One run of a job: when, how long, what it counted, and how it ended."""

    __tablename__ = "job_runs"
    __table_args__ = (
        sa.CheckConstraint("status IN ('running', 'ok', 'failed')", "status"),
        # The scheduler's question: when did this job last start?
        sa.Index("ix_job_runs_job_started_at", "job", "started_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(sa_type=sa.Text, nullable=False)
    holder: str = Field(sa_type=sa.Text, nullable=False)  # host:pid of the process
    dry_run: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    status: str = Field(default="running", sa_type=sa.Text, nullable=False)
    started_at: datetime = Field(nullable=False)
    finished_at: datetime | None = None
    duration_ms: int | None = None
    counts: dict = Field(
        default_factory=dict, sa_type=JSONB, sa_column_kwargs={"server_default": "{}"}
    )
    error: str | None = Field(default=None, sa_type=sa.Text)
