"""Vendor API keys and tokens recognised by their own format (prefix, length, alphabet), and JWTs.

These need no surrounding keyword: the format alone says what the value is, so they are found
wherever they are pasted (command output, chat, a screenshot's OCR).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns.common import is_placeholder

# Token boundaries that also work next to digits and underscores. A token glued to a
# `[REDACTED:...]` marker is a fragment of something already redacted, so brackets count too
# (this keeps redaction idempotent).
_B = r"(?<![A-Za-z0-9_\]])"
_E = r"(?![A-Za-z0-9_\[])"

# (group name, kind, regex). One alternation, so the text is scanned once for all of them.
_VENDORS: list[tuple[str, str, str]] = [
    ("aws_id", "aws_access_key", r"(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}" + _E),
    ("gh_classic", "github_token", r"gh[pousr]_[A-Za-z0-9]{30,255}" + _E),
    ("gh_fine", "github_token", r"github_pat_[A-Za-z0-9_]{40,255}"),
    ("slack", "slack_token", r"xox[abposre](?:\.xox[a-z])?-[A-Za-z0-9-]{8,}"),
    ("slack_app", "slack_token", r"xapp-\d-[A-Z0-9]+-\d+-[A-Za-z0-9]+"),
    (
        "slack_hook",
        "slack_token",
        r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}",
    ),
    ("stripe", "stripe_key", r"(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}" + _E),
    ("stripe_hook", "stripe_key", r"whsec_[A-Za-z0-9+/=]{24,}"),
    ("anthropic", "anthropic_key", r"sk-ant-[a-z]{2,8}\d{0,3}-[A-Za-z0-9_-]{20,}"),
    ("openai", "openai_key", r"sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}"),
    ("npm", "npm_token", r"npm_[A-Za-z0-9]{36}" + _E),
    (
        "azure",
        "azure_client_secret",
        r"[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
    ),
    # Other vendors: redacted as the generic api_key kind.
    ("gcp", "api_key", r"AIza[0-9A-Za-z_-]{35}" + _E),
    (
        "gitlab",
        "api_key",
        r"gl(?:pat|dt|ptt|rt|cbt|imt|agent|oas|ft|soat|ffct|sat)-[0-9A-Za-z_.-]{20,}",
    ),
    ("huggingface", "api_key", r"(?:hf_|api_org_)[A-Za-z]{34}" + _E),
    ("pypi", "api_key", r"pypi-AgE[A-Za-z0-9_-]{50,}"),
    ("sendgrid", "api_key", r"SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}"),
    ("digitalocean", "api_key", r"do[opr]_v1_[a-f0-9]{64}"),
    ("shopify", "api_key", r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"),
    ("sentry", "api_key", r"sntry[su]_[A-Za-z0-9_=+/]{40,}"),
    ("perplexity", "api_key", r"pplx-[A-Za-z0-9]{40,}"),
    ("groq", "api_key", r"gsk_[A-Za-z0-9]{48,}"),
    ("linear", "api_key", r"lin_(?:api|oauth)_[A-Za-z0-9]{40}"),
    ("pulumi", "api_key", r"pul-[a-f0-9]{40}"),
    ("doppler", "api_key", r"dp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9]{40,}"),
    ("databricks", "api_key", r"dapi[a-f0-9]{32}(?:-\d)?" + _E),
    ("rubygems", "api_key", r"rubygems_[a-f0-9]{48}"),
    ("onepassword", "api_key", r"ops_eyJ[A-Za-z0-9+/=_-]{100,}"),
    ("age", "api_key", r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
    ("vault", "api_key", r"hv[sb]\.[A-Za-z0-9_-]{24,}"),
    ("terraform", "api_key", r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}"),
    ("square", "api_key", r"(?:sq0atp|sq0csp|EAAA)[0-9A-Za-z_-]{22,}"),
    ("facebook", "api_key", r"EAA[A-Za-z0-9]{90,}"),
    (
        "google_oauth",
        "api_key",
        r"ya29\.[0-9A-Za-z_-]{30,}|1//0[0-9A-Za-z_-]{30,}|GOCSPX-[A-Za-z0-9_-]{28}",
    ),
    ("figma", "api_key", r"figd_[A-Za-z0-9_-]{40}"),
    ("notion", "api_key", r"ntn_\d{11}[A-Za-z0-9]{35}" + _E),
    ("brevo", "api_key", r"xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}"),
    ("mailchimp", "api_key", r"[0-9a-f]{32}-us\d{1,2}" + _E),
    ("mailgun", "api_key", r"key-[0-9a-zA-Z]{32}" + _E),
    ("twilio", "api_key", r"SK[0-9a-fA-F]{32}" + _E),
    ("telegram", "api_key", r"\d{8,10}:AA[0-9A-Za-z_-]{33}" + _E),
    (
        "discord_hook",
        "api_key",
        r"https://discord(?:app)?\.com/api/webhooks/\d+/[A-Za-z0-9_-]{60,}",
    ),
    ("teams_hook", "api_key", r"https://[\w-]+\.webhook\.office\.com/webhookb2/[\w@/-]{40,}"),
    ("grafana", "api_key", r"glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}"),
    ("atlassian", "api_key", r"AT(?:ATT|CTT|BB)[A-Za-z0-9_=-]{30,}"),
    ("docker", "api_key", r"dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}"),
    ("sourcegraph", "api_key", r"sgp_(?:[a-fA-F0-9]{16}_)?[a-fA-F0-9]{40}" + _E),
    ("tavily", "api_key", r"tvly-(?:dev-)?[A-Za-z0-9]{32}"),
    ("replicate", "api_key", r"r8_[A-Za-z0-9]{37}"),
    ("flyio", "api_key", r"fo1_[\w-]{43}|fm[12][ar]?_[a-zA-Z0-9+/]{100,}={0,3}"),
    ("airtable", "api_key", r"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}"),
    ("openshift", "api_key", r"sha256~[\w-]{43}"),
    ("clojars", "api_key", r"CLOJARS_[a-z0-9]{60}"),
    ("postman", "api_key", r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
    ("alibaba", "api_key", r"LTAI[a-zA-Z0-9]{20}" + _E),
    ("infracost", "api_key", r"ico-[a-zA-Z0-9]{32}" + _E),
    ("easypost", "api_key", r"EZ[AT]K[a-zA-Z0-9]{54}"),
    ("duffel", "api_key", r"duffel_(?:test|live)_[\w=-]{43}"),
    ("dynatrace", "api_key", r"dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}"),
    ("flutterwave", "api_key", r"FLW(?:SEC|PUB)K(?:_TEST)?-[a-hA-H0-9]{32}-X"),
    ("planetscale", "api_key", r"pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64}"),
    ("shippo", "api_key", r"shippo_(?:live|test)_[a-fA-F0-9]{40}"),
    ("netlify", "api_key", r"nf[pc]_[A-Za-z0-9]{36,}"),
    ("newrelic", "api_key", r"NR(?:AK|II|JS|RA)-[A-Za-z0-9]{27,42}"),
    ("frameio", "api_key", r"fio-u-[\w=-]{64}"),
    ("prefect", "api_key", r"pnu_[A-Za-z0-9]{36}"),
    ("readme", "api_key", r"rdme_[a-z0-9]{70}"),
    ("scalingo", "api_key", r"tk-us-[\w-]{48}"),
    ("settlemint", "api_key", r"sm_(?:aat|pat|sat)_[a-zA-Z0-9]{16}" + _E),
    ("deepseek_xai", "api_key", r"xai-[A-Za-z0-9]{60,}"),
    (
        "bedrock",
        "api_key",
        r"ABSK[A-Za-z0-9+/]{100,}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=]{20,}",
    ),
    ("cloudflare", "api_key", r"cf(?:at|ut|k)_[A-Za-z0-9]{40,}"),
    ("docker_swarm", "api_key", r"SWM(?:TKN|KEY)-1-[A-Za-z0-9+/_-]{40,}"),
    ("defined_net", "api_key", r"dnkey-[A-Z0-9=_-]{26}-[A-Z0-9=_-]{52}"),
    ("bitbucket", "api_key", r"(?:BBDC|ATBB)-[A-Za-z0-9+/=_-]{40,}"),
    ("akamai", "api_key", r"akab-[a-z0-9]{16}-[a-z0-9]{16}"),
    ("discord_bot", "api_key", r"(?:M|N)[A-Za-z0-9]{23,25}\.[\w-]{6}\.[\w-]{27,38}" + _E),
    ("harness", "api_key", r"pat\.[A-Za-z0-9_-]{22}\.[a-z0-9]{24}\.[A-Za-z0-9]{20}"),
    ("octopus_typeform", "api_key", r"(?:API-[A-Z0-9]{26,}|tfp_[a-z0-9_.=-]{59})"),
    ("artifactory", "api_key", r"(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})" + _E),
    ("salesforce", "api_key", r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,}"),
    (
        "azure_sas",
        "api_key",
        r"(?:AccountKey|SharedAccessKey|sig)=[A-Za-z0-9%+/]{30,}={0,2}(?:%3D)*",
    ),
]

# Vendors whose format starts with a character class cannot be dispatched on their first
# character; a literal that every match contains gates them instead.
_NEEDLES = {"azure": "Q~", "mailchimp": "-us", "telegram": ":AA", "terraform": ".atlasv1"}


def _first_chars(rx: str) -> set[str]:
    """The literal first characters of `rx` ("ghp_..." -> {"g"}; "(?:sk|rk)_..." -> {"s", "r"})."""
    if rx.startswith("(?:"):
        depth, alt, alts = 0, "", []
        for ch in rx[3:]:
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            if ch == "|" and depth == 0:
                alts.append(alt)
                alt = ""
            else:
                alt += ch
        alts.append(alt)
        return {a[0] for a in alts}
    return {a[0] for a in rx.split("|")}


_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
_BY_NEEDLE: list[tuple[str, str, re.Pattern[str]]] = []
for _name, _kind, _rx in _VENDORS:
    _compiled = re.compile(f"{_B}(?:{_rx})")
    if _name in _NEEDLES:
        _BY_NEEDLE.append((_NEEDLES[_name], _name, _compiled))
        continue
    for _ch in _first_chars(_rx):
        assert _ch.isalnum(), (_name, _ch)  # a class-first format needs an entry in _NEEDLES
        _BY_FIRST.setdefault(_ch, []).append((_name, _compiled))
_KIND_OF: dict[str, str] = {name: kind for name, kind, _rx in _VENDORS}

# JWT/JWS/JWE: base64url JSON header, one to four more dot-separated parts.
_JWT_RE = re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]{4,}){1,4}(?:\.)?")


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _body_is_placeholder(value: str, prefix_len: int) -> bool:
    return is_placeholder(value[prefix_len:])


def _ok_slack(value: str) -> bool:
    if value.startswith("https://"):
        return True
    return len(value) >= 24 and _digits(value) >= 6 and not _body_is_placeholder(value, 5)


def _ok_openai(value: str) -> bool:
    body = value.split("-", 2)[-1] if value.count("-") >= 2 else value[3:]
    return (
        _digits(body) >= 2
        and any(c.isalpha() for c in body)
        and ("T3BlbkFJ" in value or len(body) >= 32)
        and not is_placeholder(body)
    )


def _ok_default(value: str) -> bool:
    cut = 4 if len(value) > 24 else 0
    return not _body_is_placeholder(value, cut) and not is_placeholder(value)


_VALIDATORS: dict[str, Callable[[str], bool]] = {
    "slack": _ok_slack,
    "openai": _ok_openai,
    "aws_id": lambda v: "EXAMPLE" not in v and not _body_is_placeholder(v, 4),
    "azure": lambda v: _digits(v) >= 2 and not _body_is_placeholder(v, 5),
    "stripe": lambda v: not _body_is_placeholder(v, 8),
    "anthropic": lambda v: not _body_is_placeholder(v, 14),
    "telegram": lambda v: not _body_is_placeholder(v, 12),
}


# Every vendor token is at least 16 characters from this alphabet. Finding such runs first is a
# fast scan; the many-branch vendor alternation then only looks inside the runs.
_RUN_RE = re.compile(r"[A-Za-z0-9_\-.~+/=:!%@]{16,}")
_DELIM_RE = re.compile(r"[-.~+/=:!%@]+")


def _match_at(text: str, pos: int, end: int) -> tuple[str, re.Match[str]] | None:
    for name, rx in _BY_FIRST.get(text[pos], ()):
        m = rx.match(text, pos)  # no endpos: it would hide the boundary after the run
        if m is not None and _VALIDATORS.get(name, _ok_default)(m.group()):
            return name, m
    return None


def detect_vendor_tokens(text: str) -> Iterator[Candidate]:
    for run in _RUN_RE.finditer(text):
        end = run.end()
        pos = run.start()
        # Tokens start at the run's start or right after a delimiter inside it ("token=ghp_...",
        # "https://ghp_...@github.com"); only those starts are tried, each against the few
        # formats that begin with that character.
        while pos < end:
            hit = _match_at(text, pos, end)
            if hit is not None:
                name, m = hit
                yield Candidate(_KIND_OF[name], m.start(), m.end())
                pos = m.end()
                continue
            nxt = _DELIM_RE.search(text, pos, end)
            if nxt is None:
                break
            pos = nxt.end()
        chunk = text[run.start() : end]
        for needle, name, rx in _BY_NEEDLE:
            if needle in chunk:
                for m in rx.finditer(text, run.start()):
                    if _VALIDATORS.get(name, _ok_default)(m.group()):
                        yield Candidate(_KIND_OF[name], m.start(), m.end())


def _json_part(part: str) -> bool:
    try:
        decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        return isinstance(json.loads(decoded), dict)
    except (binascii.Error, ValueError):
        return False


def detect_jwt(text: str) -> Iterator[Candidate]:
    if "eyJ" not in text:
        return
    for m in _JWT_RE.finditer(text):
        value = m.group().rstrip(".")
        header = value.split(".", 1)[0]
        # A header that is not JSON is not a JWT (detect-secrets' rule too); keyword context may
        # still catch the value as a generic token.
        if _json_part(header):
            yield Candidate("jwt", m.start(), m.start() + len(value))
