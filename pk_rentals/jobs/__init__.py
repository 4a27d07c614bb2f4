"""Scheduled jobs: the registry the worker and ``cli run-job`` read.

A job is ``run(now: datetime, *, dry_run: bool) -> dict[str, int]`` (counts) plus
the setting that holds its interval in seconds; registering one is one line here.
The runner (``jobs/runner.py``) adds the lease, the schedule and the run log.
"""

from pk_rentals.jobs import documents, reconcile, reminders, retention, trust
from pk_rentals.jobs.runner import Job
from pk_rentals.services.faces import checks as face_checks

JOBS: dict[str, Job] = {
    "reconcile": Job(reconcile.run, "job_reconcile_interval_seconds"),
    "trust": Job(trust.run, "job_trust_interval_seconds"),
    "face-checks": Job(face_checks.run, "job_face_checks_interval_seconds"),
    # Card fronts are read in the same check process, on the same schedule.
    "document-checks": Job(documents.run, "job_face_checks_interval_seconds"),
    "reminders": Job(reminders.run, "job_reminders_interval_seconds"),
    "retention": Job(retention.run, "job_retention_interval_seconds"),
}
