"""Clerk's Frontend API, the subset clerk-js 5 needs: sign-up with an email code,
password sign-in with lockout, sign-out, session tokens, and phone verification.

Transport as clerk-js speaks it (docs/notes/clerk-frontend-api.md): GET or
POST with ``_method=PATCH|DELETE``, form-encoded bodies, the dev-browser token in
``__clerk_db_jwt``, replies ``{"response": ..., "client": ...}``, errors in
Clerk's envelope with Clerk's codes so the components show their own messages.
"""

# Importing the resource modules registers their routes on the one router; no
# two resources share a path, so the order they load in does not matter.
from pk_rentals.devauth.frontend import (  # noqa: F401
    client,
    me,
    profile_image,
    security,
    sessions,
    sign_ins,
    sign_ups,
)
from pk_rentals.devauth.frontend.call import router

__all__ = ["router"]
