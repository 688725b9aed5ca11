"""The one place settings are read: environment variables prefixed RESOLUTIONFLOW_ and `.env`."""

from __future__ import annotations

import ipaddress
import logging
import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _async_driver(url: str) -> str:
    # Operators paste plain postgres URLs; the app needs the asyncpg driver.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RESOLUTIONFLOW_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    environment: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("./data")
    # Empty means "a SQLite file in data_dir"; resolved in `effective_database_url`.
    database_url: str = ""
    # PostgreSQL with row-level security: the role that owns the schema and runs the migrations,
    # when the app's own role (database_url) is a non-owner. Empty: database_url does both.
    database_owner_url: str = ""
    # Connections each process keeps open per engine, and how many more it may open in a burst.
    # Kept above the requests one process serves at once: a connection beyond the kept ones is
    # closed when returned, and opening one (a new PostgreSQL backend, TLS negotiation, statements
    # prepared again) cost more than the request it served.
    database_pool_size: int = Field(default=20, ge=1, le=500)
    database_max_overflow: int = Field(default=10, ge=0, le=500)
    secret_key: SecretStr | None = None
    base_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = 8000

    access_token_ttl_s: int = 15 * 60
    refresh_token_ttl_s: int = 14 * 24 * 3600
    invite_ttl_s: int = 7 * 24 * 3600
    # Cookie `Secure` flag. Unset means: on in production, off elsewhere (the embedded default
    # is plain http on loopback, where a Secure cookie would never be sent back).
    cookie_secure: bool | None = None

    # Failed sign-in throttling (auth/throttle.py), over failures inside the window. Per email
    # *and* client address: after this many failures, each further one doubles the wait before
    # the next attempt from that address (1 s, 2 s, 4 s ... up to the maximum); an address with
    # no failures is never held back, so nobody elsewhere can lock a person out.
    login_free_failures: int = Field(default=3, ge=1)
    login_delay_base_s: float = Field(default=1.0, gt=0)
    login_delay_max_s: float = Field(default=300.0, gt=0)
    # Per address across every email (password spraying): this many failures lock the address
    # out until its oldest failure leaves the window.
    login_max_failures_per_ip: int = Field(default=20, ge=1)
    login_failure_window_s: int = Field(default=15 * 60, ge=60)
    # Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs
    # (e.g. "10.0.0.0/8,192.0.2.7"). From any other peer the header is ignored. Empty: none.
    trusted_proxies: str = ""

    max_body_bytes: int = 1_048_576
    # Flow documents, imports and library archives.
    max_upload_bytes: int = 16 * 1_048_576
    max_attachment_bytes: int = 10 * 1_048_576

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "ResolutionFlow <no-reply@resolutionflow.local>"
    smtp_starttls: bool = False
    smtp_timeout_s: float = 10.0

    # Comma-separated Fernet keys for secrets at rest; the first encrypts. Unset: derived from
    # secret_key (see common/crypto.py).
    encryption_keys: SecretStr | None = None

    # Redaction (accounts that redact phone numbers): the country a number without "+" is read
    # in, as an ISO 3166 code ("US", "GB", "DE"). International "+" numbers are found anyway.
    phone_region: str = Field(default="US", pattern=r"^[A-Za-z]{2}$")

    # Installation defaults for AI; each account may override them in AI settings.
    llm_provider: Literal["offline", "anthropic", "openai"] = "offline"
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_fast_model: str | None = None
    llm_deep_model: str | None = None
    # FlowPilot's flow matching reads openings with the bundled sentence encoder
    # (providers/embeddings/minilm.py) when it is installed; off: words alone (less memory).
    offline_encoder: bool = True
    # Optional semantic retrieval next to full-text search (providers/embeddings); off by default.
    embeddings_provider: Literal["none", "openai", "voyage", "local"] = "none"
    embeddings_model: str = ""
    embeddings_base_url: str | None = None
    embeddings_api_key: SecretStr | None = None
    llm_timeout_s: float = Field(default=30.0, gt=0)
    llm_max_retries: int = Field(default=3, ge=0, le=10)
    llm_backoff_base_s: float = Field(default=0.5, gt=0)
    # A fast answer below this confidence is asked again of the deep model.
    llm_escalate_below: float = Field(default=0.55, ge=0, le=1)
    # Comma-separated model names that accept images besides the known vision models (e.g. a
    # local llava behind an OpenAI-compatible server); see docs/ai.md.
    llm_vision_models: str = ""
    # Server-side requests to URLs a tenant configured (PSA, discover, Slack/Teams webhooks, an
    # account's LLM base URL) never reach loopback, private, link-local, CGNAT or reserved
    # addresses, except these: comma-separated CIDRs and host names ("*.corp.example" for a
    # domain's subdomains), e.g. "10.20.0.5/32,ollama.corp.example" for an on-premises
    # ConnectWise or Ollama. See outbound/policy.py.
    outbound_allow: str = ""
    # PSA calls: per-request timeout and in-call retries (429/5xx); the outbox then retries a
    # failed push with its own backoff, up to psa_outbox_max_attempts, before marking it failed.
    psa_timeout_s: float = Field(default=20.0, gt=0)
    psa_max_retries: int = Field(default=3, ge=0, le=10)
    psa_backoff_base_s: float = Field(default=0.5, gt=0)
    psa_outbox_backoff_s: float = Field(default=30.0, gt=0)
    psa_outbox_max_attempts: int = Field(default=8, ge=1, le=50)
    # Durable jobs: each serving process runs a worker unless this is false (then run
    # `resolutionflow worker` beside it); how many jobs one worker runs at once; how often an
    # idle worker looks for work it was not told about (a lost wake-up, an expired lease).
    jobs_in_process: bool = True
    jobs_concurrency: int = Field(default=4, ge=1, le=64)
    jobs_poll_s: float = Field(default=5.0, gt=0)
    # A running job's claim, renewed while it runs: a dead worker's jobs move on after this.
    jobs_lease_s: float = Field(default=60.0, ge=1)
    # Live session streams re-read the database this often even without a notification.
    sse_poll_interval_s: float = Field(default=5.0, gt=0)
    sse_heartbeat_s: float = Field(default=15.0, gt=0)
    # The longest a server-sent event stream stays open, whatever `max_seconds` a client asks
    # for; clients reconnect, and each (re)connection is authorised afresh.
    sse_max_stream_s: float = Field(default=300.0, gt=0, le=3600)
    # Attachments, knowledge documents and logos: empty keeps them on local disk under
    # data_dir/attachments; `s3://bucket/prefix` puts them in an S3-compatible object store
    # (credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or boto3's usual chain; see
    # docs/operations.md). A configured store is never swapped for local disk.
    storage_url: str = ""
    # The store's endpoint for MinIO, R2, a gateway (default: AWS_ENDPOINT_URL, else AWS).
    s3_endpoint_url: str | None = None
    # Default: AWS_REGION, else AWS_DEFAULT_REGION, else boto3's default.
    s3_region: str | None = None
    # "auto" means path-style with a custom endpoint, virtual-hosted on AWS.
    s3_addressing_style: Literal["auto", "path", "virtual"] = "auto"
    s3_timeout_s: float = Field(default=10.0, gt=0, le=300)
    s3_max_attempts: int = Field(default=3, ge=1, le=10)
    log_level: str = "INFO"
    # Argon2 cost knobs; tests lower them so the suite stays fast (never below OWASP minimums in prod).
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_cost: int = Field(default=65536, ge=1024)

    @field_validator("outbound_allow")
    @classmethod
    def _outbound_allow_parses(cls, v: str) -> str:
        from resolutionflow.outbound.policy import OutboundPolicy

        OutboundPolicy.parse(v)  # a typo fails at start, not on the first request
        return v

    @field_validator("storage_url")
    @classmethod
    def _storage_url_parses(cls, v: str) -> str:
        from resolutionflow.storage.s3 import parse_url

        if v.strip():
            try:
                parse_url(v)  # a typo fails at start, never by writing somewhere else
            except ValueError as exc:
                raise ValueError(f"RESOLUTIONFLOW_STORAGE_URL {exc}") from None
        return v.strip()

    @field_validator("s3_endpoint_url")
    @classmethod
    def _s3_endpoint_parses(cls, v: str | None) -> str | None:
        from resolutionflow.storage.s3 import parse_endpoint

        if v is None or not v.strip():
            return None
        try:
            return parse_endpoint(v)
        except ValueError as exc:
            raise ValueError(f"RESOLUTIONFLOW_S3_ENDPOINT_URL: {exc}") from None

    @model_validator(mode="after")
    def _trusted_proxies_parse(self) -> Settings:
        _networks(self.trusted_proxies)  # a typo fails at start, not at the first sign-in
        return self

    @property
    def trusted_proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return _networks(self.trusted_proxies)

    @model_validator(mode="after")
    def _production_needs_real_secrets(self) -> Settings:
        if self.environment == "production" and self.secret_key is None:
            raise ValueError("RESOLUTIONFLOW_SECRET_KEY must be set in production")
        return self

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return _async_driver(self.database_url)
        return f"sqlite+aiosqlite:///{(self.data_dir / 'resolutionflow.db').resolve()}"

    @property
    def migration_database_url(self) -> str:
        """Who runs the migrations: the schema owner when one is configured."""
        if self.database_owner_url:
            return _async_driver(self.database_owner_url)
        return self.effective_database_url

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.environment == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite")

    def signing_key(self) -> str:
        """The secret key; generated into the data dir on first start when unset."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        key_file = self.private_data_dir() / "secret_key"
        if key_file.exists():
            tighten(key_file, PRIVATE_FILE)
            key = key_file.read_text().strip()
        else:
            key = _create_key_file(key_file)
        self.secret_key = SecretStr(key)
        return key

    def private_data_dir(self) -> Path:
        """The data dir (the SQLite database, the generated key, attachments), readable by this
        user only: created 0700, an existing one tightened."""
        return private_dir(self.data_dir, tighten_existing=True)


@lru_cache(maxsize=16)
def _networks(value: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(
            ipaddress.ip_network(item.strip(), strict=False)
            for item in value.split(",")
            if item.strip()
        )
    except ValueError as exc:
        raise ValueError(f"RESOLUTIONFLOW_TRUSTED_PROXIES: {exc}") from None


@lru_cache
def get_settings() -> Settings:
    return Settings()


# --- the data dir: nothing in it is anyone else's business ------------------------------------

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
log = logging.getLogger("resolutionflow.config")


def private_dir(path: Path, *, tighten_existing: bool = False) -> Path:
    """Creates `path` and its missing parents 0700 (a mode given at creation, never a chmod
    after: no moment when others may look in). An existing `path` is left as it is unless
    `tighten_existing` (the data dir)."""
    missing: list[Path] = []
    at = path
    while not at.exists():
        missing.append(at)
        at = at.parent
    for d in reversed(missing):
        d.mkdir(mode=PRIVATE_DIR, exist_ok=True)  # exist_ok: another process may be first
    if tighten_existing and not missing:
        tighten(path, PRIVATE_DIR)
    return path


def tighten(path: Path, mode: int) -> None:
    """Takes group and other access away from a file or directory of ours made by an earlier
    version (or by hand); one that belongs to someone else is left alone."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    if st.st_mode & 0o077 and (not hasattr(os, "geteuid") or st.st_uid == os.geteuid()):
        os.chmod(path, mode)
        log.warning("restricted access to %s to its owner (it was %o)", path, st.st_mode & 0o777)


def private_file(path: Path) -> None:
    """Creates `path` empty, 0600 from its first moment, unless it exists (then tightened)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        tighten(path, PRIVATE_FILE)
    else:
        os.close(fd)


def _create_key_file(key_file: Path) -> str:
    """Writes a new key into `key_file`, 0600 from creation; of processes starting at once
    (`serve --workers N`), the first to publish its key wins and the others read it."""
    key = secrets.token_urlsafe(48)
    tmp = key_file.with_name(f".{key_file.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            # A hard link publishes the complete file at once and never replaces one.
            os.link(tmp, key_file)
        except FileExistsError:
            return key_file.read_text().strip()
    finally:
        tmp.unlink(missing_ok=True)
    return key
