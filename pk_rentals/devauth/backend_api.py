"""The Backend API's old home: the router and the instance's rate limit."""

from pk_rentals.devauth.backend import instance_rate_limit, router

__all__ = ["instance_rate_limit", "router"]
