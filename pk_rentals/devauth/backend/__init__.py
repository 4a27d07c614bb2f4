"""Clerk's Backend API, the subset the app and its tools use (``/_devauth/v1``).

Bearer-authenticated with the instance's secret key; Clerk's JSON shapes and
error envelope, so Clerk's own SDK (clerk-backend-api) works against it. Every
change to a user sends Clerk's webhook event after it is committed.
"""

# Importing the resource modules registers their routes on the one router; no
# two resources share a path, so the order they load in does not matter.
from pk_rentals.devauth.backend import instance, sessions, users  # noqa: F401
from pk_rentals.devauth.backend.call import instance_rate_limit, router

__all__ = ["instance_rate_limit", "router"]
