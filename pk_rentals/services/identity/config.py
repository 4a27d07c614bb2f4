"""Where the app's Clerk lives: real Clerk, or the built-in identity server.

The rest of the app reads only this object, so the code path is the same in every
mode; only keys and URLs differ (DESIGN.md, "Modes").
"""

from __future__ import annotations

import dataclasses
import functools

from pk_rentals.settings import Settings, get_settings


@dataclasses.dataclass(frozen=True)
class ClerkConfig:
    publishable_key: str
    proxy_url: str  # "" = clerk-js talks to the Frontend API host in the key
    clerk_js_url: str  # "" = clerk-js from Clerk's CDN, as the key says
    issuer: str
    jwks_url: str
    jwt_key: str  # PEM public key; when set, token checks never touch the network
    api_url: str  # Backend API base URL, ending in /v1
    secret_key: str
    webhook_secret: str
    authorized_parties: tuple[str, ...]


def clerk_config_for(settings: Settings) -> ClerkConfig:
    if settings.uses_devauth:
        return _devauth_config(settings)
    return ClerkConfig(
        publishable_key=settings.clerk_publishable_key,
        proxy_url=settings.clerk_proxy_url,
        clerk_js_url=settings.clerk_js_url,
        issuer=settings.clerk_issuer,
        jwks_url=settings.clerk_jwks_url,
        jwt_key=settings.clerk_jwt_key,
        api_url=settings.clerk_api_url.rstrip("/"),
        secret_key=settings.clerk_secret_key.get_secret_value(),
        webhook_secret=settings.clerk_webhook_secret.get_secret_value(),
        authorized_parties=settings.authorized_parties,
    )


def _devauth_config(settings: Settings) -> ClerkConfig:
    from pk_rentals.devauth import instance  # never imported in production

    server = instance.Instance.load_or_create(settings.devauth_dir)
    public = settings.public_url.rstrip("/")
    return ClerkConfig(
        publishable_key=instance.PUBLISHABLE_KEY,
        proxy_url=instance.MOUNT,
        clerk_js_url=instance.CLERK_JS_PATH,
        issuer=public + instance.MOUNT,
        jwks_url=public + instance.MOUNT + "/.well-known/jwks.json",
        jwt_key=server.signing_key.public_pem(),
        api_url=settings.backend_url.rstrip("/") + instance.MOUNT + "/v1",
        secret_key=server.secret_key,
        webhook_secret=server.webhook_secret,
        authorized_parties=settings.authorized_parties,
    )


@functools.cache
def clerk_config() -> ClerkConfig:
    """The process-wide configuration (tests call ``clerk_config.cache_clear()``)."""
    return clerk_config_for(get_settings())
