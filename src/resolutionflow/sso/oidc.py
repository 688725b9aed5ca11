"""Talking to an OpenID Provider: discovery, the authorization URL (PKCE), the code exchange, and
the ID token's validation against the provider's JWKS. Authlib and joserfc do the protocol and
the checks (signature, issuer, audience, expiry, nonce); every request to the tenant-given
issuer goes through the outbound policy."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import httpx2
from authlib.integrations.httpx_client import AsyncOAuth2Client
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import (
    BadSignatureError,
    ClaimError,
    ExpiredTokenError,
    InvalidKeyIdError,
    JoseError,
)
from joserfc.jwk import KeySet

from resolutionflow.outbound.policy import OutboundPolicy, describe, literal_address

log = logging.getLogger("resolutionflow.sso")

SCOPE = "openid email profile"
_TIMEOUT_S = 10.0
_LEEWAY_S = 60
_DISCOVERY_TTL_S = 300.0
# Asymmetric algorithms only: "none" and the HMAC ones (keyed by the client secret) are refused.
_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")


class SsoFailure(Exception):
    """A sign-in that cannot go on; `code` is what the sign-in page shows (never a token)."""

    def __init__(self, code: str, note: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.note = note


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    algorithms: tuple[str, ...]
    token_auth_method: str


def url_problem(url: str, policy: OutboundPolicy | None = None) -> str | None:
    """Why `url` cannot be a provider URL: https only, except http to a loopback address or a
    host the installation allows (RESOLUTIONFLOW_OUTBOUND_ALLOW); literal addresses the outbound
    policy refuses are refused here already."""
    policy = policy or OutboundPolicy.from_settings()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "is not a URL"
    if parts.scheme not in ("https", "http") or not host:
        return "must be an https:// URL"
    if parts.query or parts.fragment or parts.username or parts.password:
        return "must not carry a query, fragment or credentials"
    if parts.scheme == "http" and not _plain_http_allowed(host, policy):
        return "must use https (http only for loopback or an allowed on-premises host)"
    return policy.check_url(url)


def _plain_http_allowed(host: str, policy: OutboundPolicy) -> bool:
    if policy.host_allowed(host):
        return True
    ip = literal_address(host)
    if ip is None:
        return False
    if ip.is_loopback:
        return True
    return any(ip.version == n.version and ip in n for n in policy.networks)


_discovered: dict[str, tuple[float, ProviderMetadata]] = {}


async def discover(issuer: str, *, fresh: bool = False) -> ProviderMetadata:
    """The provider's discovery document, checked: it names this issuer and endpoints this
    server may reach. Raises SsoFailure("provider_unreachable" | "bad_discovery", note)."""
    cached = _discovered.get(issuer)
    if cached is not None and not fresh and cached[0] > time.monotonic():
        return cached[1]
    policy = OutboundPolicy.from_settings()
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    async with policy.client(timeout=_TIMEOUT_S) as http:
        try:
            response = await http.get(url, headers={"Accept": "application/json"})
        except httpx.HTTPError as exc:
            raise SsoFailure("provider_unreachable", describe(exc)[1]) from None
    if response.status_code != 200:
        raise SsoFailure("provider_unreachable", f"discovery answered {response.status_code}")
    try:
        data = response.json()
    except ValueError:
        raise SsoFailure("bad_discovery", "the discovery document is not JSON") from None
    if not isinstance(data, dict):
        raise SsoFailure("bad_discovery", "the discovery document is not a JSON object")
    if str(data.get("issuer", "")).rstrip("/") != issuer.rstrip("/"):
        named = str(data.get("issuer", ""))[:200]
        raise SsoFailure("bad_discovery", f"the discovery document names the issuer {named!r}")
    endpoints: dict[str, str] = {}
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        value = data.get(name)
        if not isinstance(value, str) or url_problem(value, policy) is not None:
            raise SsoFailure("bad_discovery", f"the discovery document has no usable {name}")
        endpoints[name] = value
    offered = data.get("id_token_signing_alg_values_supported") or ["RS256"]
    algorithms = tuple(a for a in _ALGORITHMS if a in offered)
    if not algorithms:
        raise SsoFailure(
            "bad_discovery", "the provider signs ID tokens with no supported algorithm"
        )
    methods = data.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    metadata = ProviderMetadata(
        issuer=str(data["issuer"]),
        algorithms=algorithms,
        token_auth_method=(
            "client_secret_basic" if "client_secret_basic" in methods else "client_secret_post"
        ),
        **endpoints,
    )
    _discovered[issuer] = (time.monotonic() + _DISCOVERY_TTL_S, metadata)
    return metadata


def authorization_url(
    metadata: ProviderMetadata,
    *,
    client_id: str,
    redirect_uri: str,
    state: str,
    nonce: str,
    code_verifier: str,
    login_hint: str,
) -> str:
    client = AsyncOAuth2Client(
        client_id=client_id,
        scope=SCOPE,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
    )
    url, _ = client.create_authorization_url(
        metadata.authorization_endpoint,
        state=state,
        code_verifier=code_verifier,
        nonce=nonce,
        login_hint=login_hint,
    )
    return str(url)


async def exchange_code(
    metadata: ProviderMetadata,
    *,
    client_id: str,
    client_secret: str,
    redirect_uri: str,
    code: str,
    code_verifier: str,
) -> dict[str, Any]:
    """The token response for `code` (PKCE). SsoFailure("token_exchange_failed") otherwise."""
    policy = OutboundPolicy.from_settings()
    async with AsyncOAuth2Client(
        client_id=client_id,
        client_secret=client_secret,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method=metadata.token_auth_method,
        transport=policy.transport2(),
        follow_redirects=False,
        timeout=_TIMEOUT_S,
        trust_env=False,
    ) as client:
        try:
            token = await client.fetch_token(
                metadata.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=code_verifier,
            )
        except httpx2.HTTPError as exc:
            raise SsoFailure("token_exchange_failed", describe(exc)[1]) from None
        except Exception as exc:  # Authlib's OAuthError and malformed answers
            # The error code only: descriptions may echo what was sent.
            raise SsoFailure(
                "token_exchange_failed", str(getattr(exc, "error", "refused"))
            ) from None
    if not isinstance(token, dict) or not isinstance(token.get("id_token"), str):
        raise SsoFailure("token_exchange_failed", "no id_token in the token response")
    return dict(token)


# The provider's signing keys, by JWKS address, until they expire or a token names a key they do
# not hold (the provider rotated): sign-ins do not fetch them each time, and a rotation costs
# one fetch.
_JWKS_TTL_S = 3600.0
_key_sets: dict[str, tuple[float, KeySet]] = {}


async def _jwks(metadata: ProviderMetadata, *, fresh: bool = False) -> KeySet:
    cached = _key_sets.get(metadata.jwks_uri)
    if cached is not None and not fresh and cached[0] > time.monotonic():
        return cached[1]
    keys = await _fetch_jwks(metadata)
    _key_sets[metadata.jwks_uri] = (time.monotonic() + _JWKS_TTL_S, keys)
    return keys


async def _fetch_jwks(metadata: ProviderMetadata) -> KeySet:
    policy = OutboundPolicy.from_settings()
    async with policy.client(timeout=_TIMEOUT_S) as http:
        try:
            response = await http.get(metadata.jwks_uri, headers={"Accept": "application/json"})
        except httpx.HTTPError as exc:
            raise SsoFailure("provider_unreachable", describe(exc)[1]) from None
    if response.status_code != 200:
        raise SsoFailure("provider_unreachable", f"JWKS answered {response.status_code}")
    try:
        return KeySet.import_key_set(response.json())
    except (ValueError, JoseError, TypeError, KeyError):
        raise SsoFailure("invalid_token", "the JWKS could not be read") from None


async def validate_id_token(
    metadata: ProviderMetadata,
    *,
    id_token: str,
    access_token: str | None,
    client_id: str,
    nonce: str,
    now: float,
) -> dict[str, Any]:
    """The ID token's claims once its signature (the provider's JWKS), issuer, audience,
    expiry and nonce are checked; SsoFailure with the reason otherwise."""
    try:
        try:
            token = jwt.decode(
                id_token, await _jwks(metadata), algorithms=list(metadata.algorithms)
            )
        except (BadSignatureError, InvalidKeyIdError):
            # Keys kept from an earlier sign-in may be out of date: judge with the current ones.
            fresh = await _jwks(metadata, fresh=True)
            token = jwt.decode(id_token, fresh, algorithms=list(metadata.algorithms))
    except (BadSignatureError, InvalidKeyIdError):
        raise SsoFailure("bad_signature") from None
    except (JoseError, ValueError):
        raise SsoFailure("invalid_token", "the ID token could not be read") from None
    claims = CodeIDToken(
        token.claims,
        token.header,
        {
            "iss": {"essential": True, "value": metadata.issuer},
            "aud": {"essential": True, "value": client_id},
            "sub": {"essential": True},
        },
        {"nonce": nonce, "client_id": client_id, "access_token": access_token},
    )
    try:
        claims.validate(now=int(now), leeway=_LEEWAY_S)
    except ExpiredTokenError:
        raise SsoFailure("token_expired") from None
    except ClaimError as exc:
        reason = {"aud": "wrong_audience", "iss": "wrong_issuer", "nonce": "bad_nonce"}
        raise SsoFailure(reason.get(exc.claim, "invalid_token"), f"claim {exc.claim}") from None
    except JoseError:
        raise SsoFailure("invalid_token") from None
    return dict(claims)
