"""Clerk's error envelope: ``{"errors": [{"code", "message", "long_message", "meta"}]}``."""

from __future__ import annotations

from fastapi.responses import JSONResponse

from pk_rentals.devauth.accounts import AccountError


class ClerkAPIError(Exception):
    """An error answered in Clerk's envelope with an HTTP status."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        long_message: str = "",
        *,
        param: str | None = None,
        meta: dict | None = None,
        headers: dict | None = None,
    ):
        super().__init__(long_message or message)
        self.status = status
        self.code = code
        self.message = message
        self.long_message = long_message or message
        self.meta = {**({"param_name": param} if param else {}), **(meta or {})}
        self.headers = headers or {}

    @classmethod
    def from_account_error(cls, error: AccountError, status: int = 422) -> ClerkAPIError:
        return cls(status, error.code, error.message, error.long_message, param=error.param)

    def response(self, headers: dict | None = None) -> JSONResponse:
        body = {
            "errors": [
                {
                    "code": self.code,
                    "message": self.message,
                    "long_message": self.long_message,
                    "meta": self.meta,
                }
            ],
            "clerk_trace_id": "devauth",
        }
        return JSONResponse(
            body, status_code=self.status, headers={**self.headers, **(headers or {})}
        )


def not_found(what: str = "resource") -> ClerkAPIError:
    return ClerkAPIError(404, "resource_not_found", "not found", f"The {what} was not found.")


def routing_error(status: int) -> ClerkAPIError:
    """What the router answers itself (no such path, a method the path does not take),
    in Clerk's envelope: Clerk's APIs never answer a bare ``{"detail": ...}``."""
    if status == 404:
        return not_found("requested resource")
    if status == 405:
        return ClerkAPIError(
            405,
            "method_not_allowed",
            "method not allowed",
            "The requested resource does not accept this HTTP method.",
        )
    return ClerkAPIError(status, "request_invalid", "request invalid")
