"""Provider names → classes, and the config checks every provider shares."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

from resolutionflow.outbound.policy import OutboundPolicy
from resolutionflow.providers.psa.base import ConfigField, PsaProvider
from resolutionflow.providers.psa.http import RetryPolicy, Sleep

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class ProviderClass(Protocol):
    name: str
    label: str
    fields: tuple[ConfigField, ...]
    supports_status: bool
    supports_time_entries: bool

    def __call__(
        self,
        config: Mapping[str, str],
        *,
        timeout_s: float = ...,
        policy: RetryPolicy | None = ...,
        sleep: Sleep | None = ...,
    ) -> PsaProvider: ...


def _classes() -> dict[str, Any]:
    # Imported here so the registry can be read without importing every vendor module first.
    from resolutionflow.providers.psa.autotask import Autotask
    from resolutionflow.providers.psa.connectwise import ConnectWise
    from resolutionflow.providers.psa.halopsa import HaloPSA

    return {cls.name: cls for cls in (ConnectWise, Autotask, HaloPSA)}


def names() -> list[str]:
    return list(_classes())


def provider_class(name: str) -> ProviderClass:
    classes = _classes()
    if name not in classes:
        raise KeyError(name)
    cls: ProviderClass = classes[name]
    return cls


def provider_for(
    name: str,
    config: Mapping[str, str],
    *,
    timeout_s: float = 20.0,
    policy: RetryPolicy | None = None,
    sleep: Sleep | None = None,
) -> PsaProvider:
    return provider_class(name)(config, timeout_s=timeout_s, policy=policy, sleep=sleep)


def check_url(url: str) -> str | None:
    """None when `url` is acceptable: https, or http on loopback (local stand-ins in tests),
    to an address the outbound policy allows (a literal one is checked here, a name when
    connecting)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        # urlsplit refuses a broken IPv6 literal ("https://[x"): bad input, a 422 not a 500.
        return "is not a valid URL"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        return "is not a valid URL"  # httpx refuses control characters at request time
    if refused := OutboundPolicy.from_settings().check_url(url):
        return f"is {refused}; this server does not connect there"
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname in _LOOPBACK:
        return None
    if parts.scheme == "http":
        return "must use https:// (http is accepted only for 127.0.0.1 and localhost)"
    return "must be an https:// URL"


def validate_config(
    name: str, config: Mapping[str, str], *, have_secrets: set[str]
) -> dict[str, str]:
    """Field name → problem, for the provider's form. `have_secrets`: secrets already stored,
    so a form that leaves a secret blank keeps the saved one."""
    errors: dict[str, str] = {}
    for f in provider_class(name).fields:
        value = (config.get(f.name) or "").strip()
        if not value:
            if f.required and not (f.kind == "secret" and f.name in have_secrets):
                errors[f.name] = f"{f.label} is required"
            continue
        if len(value) > 500:
            errors[f.name] = f"{f.label} is too long (500 characters at most)"
        elif f.kind == "url" and (problem := check_url(value)):
            errors[f.name] = f"{f.label} {problem}"
    return errors
