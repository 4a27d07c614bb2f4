"""Re-encrypting every stored CNIC under the newest key."""

from __future__ import annotations

import logging

from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    UserVerification,
    VerificationSubmission,
)
from pk_rentals.services import cnic as cnic_rules

log = logging.getLogger(__name__)

# --- key rotation ----------------------------------------------------------------------


def rotate_cnic_encryption(batch_size: int = 500) -> int:
    """Re-encrypt every stored CNIC under the newest key in PK_CNIC_KEYS; returns how many.

    Safe to re-run; afterwards the older keys can be removed from the setting.
    """
    rotated = 0
    for model, column in (
        (UserVerification, UserVerification.cnic_number),
        (VerificationSubmission, VerificationSubmission.cnic_encrypted),
    ):
        name = column.key
        with db.session() as session:
            last = None
            while True:
                statement = select(model).where(column.is_not(None)).order_by(model.id)
                if last is not None:
                    statement = statement.where(model.id > last)
                rows = session.exec(statement.limit(batch_size)).all()
                if not rows:
                    break
                for row in rows:
                    setattr(row, name, cnic_rules.rotate(getattr(row, name)))
                    session.add(row)
                session.commit()
                rotated += len(rows)
                last = rows[-1].id
    return rotated
