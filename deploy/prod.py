"""`make prod` / `make prod-stop`: the production topology on one machine.

PostgreSQL and Redis (Debian's binaries, data under ``.prod/``), N single-process
Reflex backends and nginx, all under supervisord, which restarts whichever dies.
nginx serves the static export (the public URL baked in) and proxies the backend
routes round robin. Without Clerk and Cloudinary variables it is a *local trial*:
the built-in identity server and local media, switched on by ``PK_LOCAL_TRIAL=1``
and printed in the banner.

    python deploy/prod.py up      # build if needed, start everything, print the banner
    python deploy/prod.py down    # stop everything (data stays in .prod/)
    python deploy/prod.py status

The tests start the same topology in a temporary folder on free ports
(``Topology(root=..., listen=...)``), so what they check is what this runs.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import dataclasses
import hashlib
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

# Run as a script (`python deploy/prod.py`), the project root is not on the path yet.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy import postgres

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEPLOY_DIR = PROJECT_ROOT / "deploy"
SOURCES = ("pk_rentals", "assets", "rxconfig.py")
DATABASE = "pk_rentals"
# Debian's libnginx-mod-http-brotli-static: serves the .br copies build_site writes.
BROTLI_STATIC_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
# Text the export ships (with a .gz beside each); a .br is added beside them too.
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".map")


@dataclasses.dataclass(frozen=True)
class Topology:
    root: Path = PROJECT_ROOT / ".prod"
    listen: int = 8080
    public_url: str = ""  # default http://localhost:<listen>
    workers: int = 2
    worker_port_base: int = 8101
    pg_port: int = 54329
    redis_port: int = 63799
    extra_env: dict[str, str] = dataclasses.field(default_factory=dict)
    # What the workers serve, and whether this topology runs its own PostgreSQL and
    # Redis: `make load` runs its floor app on the same templates, beside pk_rentals'.
    app_dir: Path = PROJECT_ROOT
    database: str = DATABASE
    data_services: bool = True

    @property
    def url(self) -> str:
        return (self.public_url or f"http://localhost:{self.listen}").rstrip("/")

    def path(self, *parts: str) -> Path:
        return self.root.joinpath(*parts)

    @property
    def worker_ports(self) -> list[int]:
        return [self.worker_port_base + i for i in range(self.workers)]

    @property
    def db_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.pg_port}/{self.database}"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"


# --- environment ---------------------------------------------------------------------


def _secrets(top: Topology) -> dict[str, str]:
    """Secrets made once per data folder (0600), unless the environment gives them; a
    secret added by a newer version is made and kept the first time it is missing."""
    from cryptography.fernet import Fernet

    path = top.path("secrets.env")
    stored = (
        dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
        if path.exists()
        else {}
    )
    makers = {
        "PK_SECRET_KEY": lambda: secrets.token_urlsafe(48),
        "PK_CNIC_KEYS": lambda: Fernet.generate_key().decode(),
        "PK_CNIC_INDEX_KEY": lambda: secrets.token_urlsafe(48),
        "PK_METRICS_TOKEN": lambda: secrets.token_urlsafe(48),
    }
    missing = {name: make() for name, make in makers.items() if name not in stored}
    if missing:
        stored.update(missing)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"{k}={v}\n" for k, v in stored.items()))
        path.chmod(0o600)
    return {k: os.environ.get(k, v) for k, v in stored.items()}


def app_environment(top: Topology) -> dict[str, str]:
    """What every backend worker, the export and the migrations run with."""
    given = {**os.environ, **top.extra_env}
    env = {
        "PK_ENV": "production",
        "PK_PUBLIC_URL": top.url,
        # The identity server delivers its webhooks through nginx, like Clerk's would.
        "PK_BACKEND_URL": top.url,
        "REFLEX_DB_URL": top.db_url,
        "REFLEX_REDIS_URL": top.redis_url,
        "REFLEX_API_URL": top.url,
        "REFLEX_DEPLOY_URL": top.url,
        "REFLEX_WEB_WORKDIR": str(top.path("web")),
        "PK_WORKERS": str(top.workers),
        "GRANIAN_WORKERS": "1",
        # A worker keeps a tab's state in memory while it holds the tab's Redis lock,
        # and writes it back within 5 s: a third of the Redis work per event. A crash
        # loses those seconds of tab state only, which the page rebuilds from the
        # session token and the database (nothing that matters lives only there).
        "REFLEX_OPLOCK_ENABLED": given.get("REFLEX_OPLOCK_ENABLED", "true"),
        "PK_TRUSTED_PROXIES": "127.0.0.1",
        # Each worker on its own CPU (deploy/serve.py, PIN): "0" lets them move.
        "PK_PIN_WORKERS": given.get("PK_PIN_WORKERS", "1"),
        "PK_DEVAUTH_DIR": str(top.path("devauth")),
        **_secrets(top),
    }
    local = []
    if not given.get("CLERK_PUBLISHABLE_KEY"):
        env["PK_IDENTITY_PROVIDER"] = "builtin"
        local.append("identity")
    else:
        env["PK_IDENTITY_PROVIDER"] = "clerk"
    if not given.get("CLOUDINARY_URL"):
        env["PK_MEDIA_STORAGE"] = "local"
        env["PK_MEDIA_DIR"] = str(top.path("media"))
        local.append("media")
    else:
        env["PK_MEDIA_STORAGE"] = "cloudinary"
    env["PK_LOCAL_TRIAL"] = "1" if local else "0"
    merged = {**given, **env, **top.extra_env}
    if not merged.get("REFLEX_REDIS_URL"):
        # One worker without Redis keeps tab state in its memory. Reflex's default, the
        # disk, pickles every tab's state every 2 s and lists the whole state folder,
        # which grows by ~10 files per tab an hour: 10-25 % of a worker's time under
        # load (BENCHMARKS.md, "Sixth pass"). After a restart a tab starts afresh and
        # rebuilds from its session token and the database, as with Redis.
        # Only without Redis: naming a mode turns Reflex's choice of Redis off.
        merged.setdefault("REFLEX_STATE_MANAGER_MODE", "memory")
    return merged


def content_security_policy(env: dict[str, str]) -> str:
    """Exactly the origins the app loads from: itself, plus Clerk's and Cloudinary's
    when they are used. Inline scripts: React Router's hydration data and the
    pre-paint theme script; eval: Reflex's ``call_script`` events."""
    public = urlsplit(env["PK_PUBLIC_URL"])
    ws = ("wss" if public.scheme == "https" else "ws") + f"://{public.netloc}"
    scripts, connects, images, frames = [], [ws], [], []
    if env.get("PK_IDENTITY_PROVIDER") == "clerk":
        frontend_api = clerk_frontend_api(env.get("CLERK_PUBLISHABLE_KEY", ""))
        clerk = [o for o in (frontend_api, _origin(env.get("CLERK_JS_URL", ""))) if o]
        scripts += [*clerk, "https://challenges.cloudflare.com"]
        connects += clerk
        images += ["https://img.clerk.com"]
        frames += ["https://challenges.cloudflare.com"]
    if env.get("PK_MEDIA_STORAGE") == "cloudinary":
        images += ["https://res.cloudinary.com", "https://api.cloudinary.com"]
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self' 'unsafe-inline' 'unsafe-eval'", *dict.fromkeys(scripts)]),
        "style-src 'self' 'unsafe-inline'",
        " ".join(["img-src 'self' data: blob:", *images]),
        "font-src 'self' data:",
        " ".join(["connect-src 'self'", *dict.fromkeys(connects)]),
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        " ".join(["frame-src", *frames]) if frames else "frame-src 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def clerk_frontend_api(publishable_key: str) -> str:
    """``pk_live_<base64 of "clerk.example.com$">`` -> ``https://clerk.example.com``."""
    encoded = publishable_key.split("_", 2)[-1]
    with contextlib.suppress(ValueError):
        host = base64.b64decode(encoded + "=" * (-len(encoded) % 4)).decode().rstrip("$")
        if re.fullmatch(r"[A-Za-z0-9.-]+", host):
            return f"https://{host}"
    return ""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# --- configuration files -------------------------------------------------------------


def render(template: str, values: dict[str, str]) -> str:
    """``{{name}}`` placeholders; an unknown or missing name is an error."""
    missing = set(re.findall(r"{{(\w+)}}", template)) - values.keys()
    if missing:
        raise KeyError(f"no value for {sorted(missing)}")
    return re.sub(r"{{(\w+)}}", lambda m: values[m.group(1)], template)


def write_configs(top: Topology, env: dict[str, str]) -> None:
    etc, run, logs = top.path("etc"), top.path("run"), top.path("log")
    for folder in (etc, run, logs):
        folder.mkdir(parents=True, exist_ok=True)
    root = os.geteuid() == 0
    https = urlsplit(top.url).scheme == "https"
    headers = [
        f'add_header Content-Security-Policy "{content_security_policy(env)}" always;',
        'add_header X-Frame-Options "DENY" always;',
        'add_header X-Content-Type-Options "nosniff" always;',
        'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
        'add_header Permissions-Policy "camera=(self), microphone=(), geolocation=(), '
        'payment=(), usb=()" always;',
        'add_header Cross-Origin-Opener-Policy "same-origin-allow-popups" always;',
    ]
    if https:  # only ever over https: a browser keeps it for two years
        headers.append(
            'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;'
        )
    (etc / "security-headers.conf").write_text("\n".join(headers) + "\n")
    devauth = ""
    if env["PK_IDENTITY_PROVIDER"] == "builtin":
        devauth = (
            "        # The built-in identity server (local trial only).\n"
            "        location /_devauth/ {\n"
            "            proxy_pass http://pk_backend;\n"
            "            client_max_body_size 64k;\n"
            "        }\n"
            "        # Its clerk-js, copied into the site with its compressed copies:\n"
            "        # versioned URLs, so a browser keeps each file for a year.\n"
            "        location ^~ /_devauth/clerk-js/ {\n"
            f"            include {etc}/security-headers.conf;\n"
            '            add_header Cache-Control "public, max-age=31536000, immutable" always;\n'
            "            try_files $uri =404;\n"
            "        }\n"
        )
    brotli = BROTLI_STATIC_MODULE.exists()
    values = {
        "load_modules": f"load_module {BROTLI_STATIC_MODULE};" if brotli else "",
        "brotli_static": "brotli_static on;" if brotli else "",
        "user_directive": "user www-data;" if root else "",
        "run_dir": str(run),
        "log_dir": str(logs),
        "etc_dir": str(etc),
        "site_dir": str(top.path("site")),
        "listen": f"127.0.0.1:{top.listen}",
        "upstream_servers": "\n".join(
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;"
            for port in top.worker_ports
        ),
        "event_servers": "\n".join(
            f"        server 127.0.0.1:{port} max_fails=0;" for port in top.worker_ports
        ),
        "devauth_location": devauth,
    }
    (etc / "nginx.conf").write_text(
        render((DEPLOY_DIR / "nginx.conf.template").read_text(), values)
    )
    pg_bin = postgres.binary("postgres").parent
    values = {
        "run_dir": str(run),
        "log_dir": str(logs),
        "etc_dir": str(etc),
        "supervisord_user": "user=root" if root else "",
        "pg_bin": str(pg_bin),
        "pg_data": str(top.path("postgres", "data")),
        "pg_port": str(top.pg_port),
        "pg_socket_dir": str(top.path("postgres")),
        "pg_user": "user=postgres" if root else "",
        "autostart_data": "true" if top.data_services else "false",
        "redis_server": shutil.which("redis-server") or "/usr/bin/redis-server",
        "redis_port": str(top.redis_port),
        "redis_dir": str(top.path("redis")),
        "workers": str(top.workers),
        "worker_port_base": str(top.worker_port_base),
        "python": sys.executable,
        "project_dir": str(top.app_dir),
        "project_root": str(PROJECT_ROOT),
        "nginx": shutil.which("nginx") or "/usr/sbin/nginx",
    }
    (etc / "supervisord.conf").write_text(
        render((DEPLOY_DIR / "supervisord.conf.template").read_text(), values)
    )


# --- steps ---------------------------------------------------------------------------


def _fingerprint(env: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in ("PK_PUBLIC_URL", "PK_IDENTITY_PROVIDER", "CLERK_PUBLISHABLE_KEY", "CLERK_JS_URL"):
        digest.update(f"{name}={env.get(name, '')}\n".encode())
    for source in SOURCES:
        path = PROJECT_ROOT / source
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" not in file.parts:
                digest.update(
                    f"{file.relative_to(PROJECT_ROOT)}:{file.stat().st_mtime_ns}\n".encode()
                )
    return digest.hexdigest()


def build_site(top: Topology, env: dict[str, str]) -> None:
    """The static export with the public URL baked in, copied to ``site/``."""
    site, stamp = top.path("site"), top.path("site.fingerprint")
    fingerprint = _fingerprint(env)
    if site.is_dir() and stamp.exists() and stamp.read_text() == fingerprint:
        return
    print(f"Building the static frontend for {top.url} ...", flush=True)
    client = top.path("web", "build", "client")
    command = ["reflex", "export", "--frontend-only", "--no-zip", "--env", "prod"]
    for _attempt in range(2):  # a first export into a new web folder may stop early
        shutil.rmtree(client, ignore_errors=True)
        log = top.path("log", "export.log")
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("w") as output:
            subprocess.run(
                command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        if (client / "index.html").exists() and (client / "assets").is_dir():
            break
    else:
        raise SystemExit(f"pk_rentals: the frontend export failed; see {log}")
    staging = top.path("site.new")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(client, staging)
    if env["PK_IDENTITY_PROVIDER"] == "builtin":
        _copy_clerk_js(staging)
    _brotli_copies(staging)
    shutil.rmtree(site, ignore_errors=True)
    staging.rename(site)
    stamp.write_text(fingerprint)


def _copy_clerk_js(site: Path) -> None:
    """The built-in identity server's clerk-js and its compressed copies, where nginx
    serves them without a worker (the same URLs the server answers)."""
    from pk_rentals.devauth import clerk_js, instance

    clerk_js.precompress()
    target = site / instance.CLERK_JS_PATH.lstrip("/").rsplit("/", 1)[0]
    target.mkdir(parents=True)
    for path in clerk_js.browser_files():
        for copy in (path, *(path.with_name(path.name + s) for s in (".br", ".gz"))):
            shutil.copy2(copy, target / copy.name)


def _brotli_copies(site: Path) -> None:
    """A .br beside every text file that lacks one (Brotli is ~15 % smaller than the
    export's gzip on JavaScript; nginx picks it when the browser accepts it)."""
    import brotli

    for path in site.rglob("*"):
        copy = path.with_name(path.name + ".br")
        if path.suffix in COMPRESSIBLE and path.is_file() and not copy.exists():
            copy.write_bytes(brotli.compress(path.read_bytes(), quality=11))


def init_postgres(top: Topology) -> None:
    data = top.path("postgres", "data")
    if not data.exists():
        postgres.init_cluster(data)


def supervisorctl(top: Topology, *args: str, check: bool = True) -> str:
    result = subprocess.run(
        ["supervisorctl", "-c", str(top.path("etc", "supervisord.conf")), *args],
        capture_output=True,
        text=True,
    )
    if check and result.returncode not in (0, 3):  # 3: some program not RUNNING
        raise RuntimeError(f"supervisorctl {' '.join(args)}: {result.stdout}{result.stderr}")
    return result.stdout


def worker_pids(top: Topology) -> dict[str, int]:
    """``{"worker-8101": pid, ...}`` for the backends supervisord has RUNNING."""
    status = supervisorctl(top, "status", "worker:*")
    return {
        name: int(pid) for name, pid in re.findall(r"(worker-\d+)\s+RUNNING\s+pid (\d+)", status)
    }


def wait(what: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if ready():
                return
        time.sleep(0.3)
    raise SystemExit(f"pk_rentals: {what} did not become ready in {timeout:.0f}s.")


def http_ok(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=3) as response:
        return response.status == 200


def create_database(top: Topology) -> None:
    import psycopg

    url = f"postgresql://postgres@127.0.0.1:{top.pg_port}/postgres"
    with psycopg.connect(url, autocommit=True, connect_timeout=3) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (top.database,)
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{top.database}"')


def up(top: Topology, *, timeout: float = 120) -> dict[str, str]:
    env = app_environment(top)
    check = subprocess.run(
        [sys.executable, "-m", "pk_rentals.cli", "check-settings"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        raise SystemExit(
            f"pk_rentals: the production settings are refused:\n{check.stdout}{check.stderr}"
        )
    for folder in ("redis", "media", "devauth"):
        top.path(folder).mkdir(parents=True, exist_ok=True)
    write_configs(top, env)
    build_site(top, env)
    init_postgres(top)
    start_supervisor(top, env)
    wait("PostgreSQL", lambda: create_database(top) is None, timeout)
    subprocess.run(
        [sys.executable, "-m", "pk_rentals.cli", "migrate"], cwd=PROJECT_ROOT, env=env, check=True
    )
    start_workers_and_nginx(top, "/healthz", timeout)
    return env


def start_supervisor(top: Topology, env: dict[str, str]) -> None:
    """supervisord with the rendered configuration (it starts the data services)."""
    if not top.path("run", "supervisord.pid").exists():
        subprocess.run(
            ["supervisord", "-c", str(top.path("etc", "supervisord.conf"))], env=env, check=True
        )


def start_workers_and_nginx(top: Topology, health: str, timeout: float) -> None:
    """The workers, each waited for on ``health``, then nginx in front of them."""
    supervisorctl(top, "start", "worker:*")
    for port in top.worker_ports:
        wait(
            f"the worker on port {port}",
            lambda p=port: http_ok(f"http://127.0.0.1:{p}{health}"),
            timeout,
        )
    supervisorctl(top, "start", "nginx")
    wait("nginx", lambda: http_ok(f"http://127.0.0.1:{top.listen}{health}"), 30)


def restarted(top: Topology, name: str, old_pid: int) -> bool:
    """Has supervisord replaced worker ``name`` (pid ``old_pid``) by one that is
    healthy? For the tests and the load benchmark's ``kill -9``."""
    pid = worker_pids(top).get(name)
    if not pid or pid == old_pid:
        return False
    port = int(name.split("-")[1])
    with contextlib.suppress(OSError):
        return http_ok(f"http://127.0.0.1:{port}/healthz")
    return False


def down(top: Topology) -> None:
    pid_file = top.path("run", "supervisord.pid")
    if not pid_file.exists():
        return
    supervisorctl(top, "shutdown", check=False)
    with contextlib.suppress(ValueError, FileNotFoundError):
        pid = int(pid_file.read_text())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
    pid_file.unlink(missing_ok=True)


def banner(top: Topology, env: dict[str, str]) -> str:
    lines = [f"pk_rentals (production topology) is running at {top.url}"]
    lines.append(
        f"  {top.workers} backend workers on 127.0.0.1:"
        f"{top.worker_ports[0]}-{top.worker_ports[-1]} "
        f"(supervisord), PostgreSQL :{top.pg_port}, Redis :{top.redis_port}, nginx :{top.listen}"
    )
    if env["PK_LOCAL_TRIAL"] == "1":
        lines.append(
            "  LOCAL TRIAL (PK_LOCAL_TRIAL=1): "
            + (
                f"built-in identity server, codes at {top.url}/_devauth/outbox; "
                if env["PK_IDENTITY_PROVIDER"] == "builtin"
                else ""
            )
            + ("media in " + env["PK_MEDIA_DIR"] if env["PK_MEDIA_STORAGE"] == "local" else "")
            + ". Not for real users."
        )
    lines.append(f"  logs: {top.path('log')}   stop: make prod-stop")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "down", "status"])
    args = parser.parse_args(argv)
    workers = int(os.environ.get("PK_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 2)
    top = Topology(workers=workers)
    if args.command == "up":
        env = up(top)
        print(banner(top, env))
    elif args.command == "down":
        down(top)
        print("pk_rentals: stopped (data kept in .prod/).")
    else:
        print(supervisorctl(top, "status", check=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
