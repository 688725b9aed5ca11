"""Vendor API keys and tokens recognised by their own format (prefix, length, alphabet), and JWTs.

These need no surrounding keyword: the format alone says what the value is, so they are found
wherever they are pasted (command output, chat, a screenshot's OCR).
"""

from __future__ import annotations

import base64
import binascii
import bisect
import importlib
import json
import re
from collections.abc import Callable, Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import scan
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
    # Anthropic keys: about 93 characters and "AA" after the type ("api03", "admin01").
    ("anthropic", "anthropic_key", r"sk-ant-[a-z]{2,8}\d{0,3}-[A-Za-z0-9_-]{80,120}AA(?![\w-])"),
    ("openai", "openai_key", r"sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}"),
    ("npm", "npm_token", r"npm_[A-Za-z0-9]{36}" + _E),
    (
        "azure",
        "azure_client_secret",
        r"[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
    ),
    # Other vendors: redacted as the generic api_key kind.
    ("gcp", "api_key", r"AIza[0-9A-Za-z_-]{35}" + _E),
    # GitLab: each token type has its own body length (routable tokens add a dotted suffix).
    (
        "gitlab",
        "api_key",
        r"(?:gl(?:pat|dt|ft|soat|rt|rtr|wt|ffct|sat)-|GR1348941)[0-9A-Za-z_-]{20,50}"
        r"(?:\.[0-9a-z]{2}[0-9a-z]{7})?(?![\w-])"
        r"|glcbt-(?:[0-9a-fA-F]{2}_)?[0-9A-Za-z_-]{20,50}(?![\w-])"
        r"|glimt-[0-9A-Za-z_-]{25}(?![\w-])|glptt-[0-9A-Za-z_-]{40}(?![\w-])"
        r"|glagent-[0-9A-Za-z_-]{50,1024}(?![\w-])|gloas-[0-9A-Za-z_-]{64}(?![\w-])",
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
    ("notion", "api_key", r"ntn_[A-Za-z0-9]{46}" + _E),
    ("brevo", "api_key", r"xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}"),
    ("mailchimp", "api_key", r"[0-9a-f]{32}-us\d{1,2}" + _E),
    ("mailgun", "api_key", r"key-[0-9a-zA-Z]{32}" + _E),
    ("twilio", "api_key", r"(?:SK[0-9a-fA-F]{32}|AC[0-9a-f]{32})" + _E),
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
    ("sourcegraph", "api_key", r"sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}" + _E),
    ("tavily", "api_key", r"tvly-(?:dev-)?[A-Za-z0-9]{32}"),
    ("replicate", "api_key", r"r8_[A-Za-z0-9]{37}"),
    ("flyio", "api_key", r"fo1_[\w-]{43}|fm[12][ar]?_[a-zA-Z0-9+/]{100,}={0,3}"),
    ("airtable", "api_key", r"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}"),
    ("openshift", "api_key", r"sha256~[\w-]{43}"),
    ("clojars", "api_key", r"CLOJARS_[a-z0-9]{60}"),
    ("postman", "api_key", r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
    ("alibaba", "api_key", r"LTAI[a-zA-Z0-9]{12,20}" + _E),
    ("infracost", "api_key", r"ico-[a-zA-Z0-9]{32}" + _E),
    ("easypost", "api_key", r"EZ[AT]K[a-zA-Z0-9]{54}"),
    ("duffel", "api_key", r"duffel_(?:test|live)_[\w=-]{43}"),
    ("dynatrace", "api_key", r"dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}"),
    ("flutterwave", "api_key", r"FLW(?:SEC|PUB)K(?:_TEST)?-[a-hA-H0-9]{32}-X"),
    ("planetscale", "api_key", r"pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64}"),
    ("shippo", "api_key", r"shippo_(?:live|test)_[a-fA-F0-9]{40}"),
    ("netlify", "api_key", r"nf[pc]_[A-Za-z0-9]{36,}"),
    ("newrelic", "api_key", r"NR(?:AK|II|JS|RA|BR)-[A-Za-z0-9_-]{19,42}" + _E),
    ("newrelic_license", "api_key", r"[a-z0-9]{36}NRAL" + _E),
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
    ("discord_bot", "api_key", r"[MNO][A-Za-z0-9]{23,25}\.[\w-]{6}\.[\w-]{27,38}" + _E),
    ("harness", "api_key", r"pat\.[A-Za-z0-9_-]{22}\.[a-z0-9]{24}\.[A-Za-z0-9]{20}"),
    ("octopus_typeform", "api_key", r"(?:API-[A-Z0-9]{26,}|tfp_[a-z0-9_.=-]{59})"),
    ("artifactory", "api_key", r"(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})" + _E),
    ("salesforce", "api_key", r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,}"),
    (
        "azure_sas",
        "api_key",
        r"(?:AccountKey|SharedAccessKey|sig)=[A-Za-z0-9%+/]{30,}={0,2}(?:%3D)*",
    ),
    ("adobe", "api_key", r"p8e-[A-Za-z0-9]{32}" + _E),
    ("intra42", "api_key", r"s-s4t2(?:ud|af)-[a-f0-9]{64}" + _E),
    ("facebook_app", "api_key", r"\d{15,16}(?:\||%7C)[0-9A-Za-z_-]{27}" + _E),
    ("heroku", "api_key", r"HRKU-[A-Za-z0-9_-]{36,64}" + _E),
    ("instagram", "api_key", r"IGQV[A-Za-z0-9_-]{100,}"),
    ("llama", "api_key", r"llx-[A-Za-z0-9_-]{40,}"),
    ("mailgun_signing", "api_key", r"[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}" + _E),
    ("nkey", "api_key", r"S[UAONCX][A-Z2-7]{56}" + _E),
    ("ntlm", "api_key", r"TlRMTVNTUAAD[A-Za-z0-9+/]{20,}={0,2}"),
    ("nuget", "api_key", r"oy2[a-z0-9]{43}" + _E),
    ("braintree", "api_key", r"access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}"),
    ("posthog", "api_key", r"ph[csrax]_[A-Za-z0-9]{39,}" + _E),
    ("postman_team", "api_key", r"PMAT-[A-Z0-9]{26}" + _E),
    ("sonarqube", "api_key", r"sq[uap]_[A-Za-z0-9]{40}" + _E),
    ("supabase", "api_key", r"sbp_(?:v0_)?[a-f0-9]{40}" + _E),
    ("together", "api_key", r"tgp_v1_[A-Za-z0-9_-]{40,}"),
    ("vercel", "api_key", r"vc[pkiar]_[A-Za-z0-9]{24,}" + _E),
    ("wechat", "api_key", r"wx[a-f0-9]{16}" + _E),
    ("wundergraph", "api_key", r"cosmo_[a-f0-9]{32}" + _E),
    ("dropbox", "api_key", r"sl\.(?:u\.)?[A-Za-z0-9_-]{130,}"),
    ("dropbox_long", "api_key", r"[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}" + _E),
    ("twitter_bearer", "api_key", r"A{22}[A-Za-z0-9%]{80,}"),
    ("grafana_key", "api_key", r"eyJrIjoi[A-Za-z0-9+/]{60,400}={0,2}"),
    ("google_client", "api_key", r"\d{12}-[a-z0-9]{32}\.apps\.googleusercontent\.com"),
    ("atlassian_pat", "api_key", r"[MNO][A-Za-z0-9+/]{43}" + _E),
    ("rsa_der", "private_key", r"MII[A-Za-z0-9+/]{3}IBAA[JK][A-Za-z0-9+/]{40,}={0,2}"),
    ("softlayer_url", "api_key", r"(?:(?<=softlayer\.com/soap/v3/)|(?<=/v3\.1/))[a-z0-9]{64}" + _E),
    # JFrog Artifactory API keys (AKC...) and reference tokens (AP + hex digit ...).
    ("artifactory_ap", "api_key", r"(?:AKC[A-Za-z0-9]{10,}|AP[0-9A-F][A-Za-z0-9]{8,})" + _E),
]

# Vendors whose format starts with a character class cannot be dispatched on their first
# character; a literal that every match contains gates them instead.
_NEEDLES = {
    "azure": "Q~",
    "mailchimp": "-us",
    "telegram": ":AA",
    "terraform": ".atlasv1",
    "newrelic_license": "NRAL",
    "dropbox_long": "AAAAAAAAAA",
    "google_client": ".apps.googleusercontent.com",
    "softlayer_url": "softlayer.com/",
}
# Class-first formats dispatched on every character their class allows.
_FIRST_OVERRIDE = {
    "mailgun_signing": "0123456789abcdef",
    "facebook_app": "0123456789",
    "discord_bot": "MNO",
    "atlassian_pat": "MNO",
}


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
    for _ch in _FIRST_OVERRIDE.get(_name) or _first_chars(_rx):
        assert _ch.isalnum(), (_name, _ch)  # a class-first format needs an entry in _NEEDLES
        _BY_FIRST.setdefault(_ch, []).append((_name, _compiled))
_KIND_OF: dict[str, str] = {name: kind for name, kind, _rx in _VENDORS}
# One alternation per first character: a single match call finds which format (if any) starts
# here; the per-format list is the fallback when that format's validator refuses the value.
_COMBINED: dict[str, re.Pattern[str]] = {
    ch: re.compile("|".join(f"(?P<{name}>{rx.pattern})" for name, rx in group))
    for ch, group in _BY_FIRST.items()
}

# JWT/JWS/JWE: base64url JSON header, one to four more dot-separated parts.
_JWT_RE = re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]{4,}){1,4}(?:\.)?")
# Token-run characters with a one-character look-behind: matched inside token runs only.
_JWT_MIN = scan.shortest_match(_JWT_RE)
_JWT_NEEDS = ("eyJ",)


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


def _ok_exact(value: str) -> bool:
    """Formats with an exact length and alphabet: only an obviously filled-in body is refused."""
    return len(set(value)) >= 8


def _ok_artifactory(value: str) -> bool:
    body = value[3:]
    if set(body.lower()) == {"x"}:
        return True  # "AKCxxxxxxxxxx": a masked key still shows its format
    # Keys are mixed-case base62. "AP5CORPOFFICE1" (an access point) has no lower case;
    # "APAdministrators" is a word after "AP".
    has_lower = any(c.islower() for c in body)
    has_other = any(c.isdigit() or c.isupper() for c in body)
    return has_lower and has_other and not re.fullmatch(r"(?:[A-Z][a-z]+)+", body)


def _ok_atlassian(value: str) -> bool:
    """Atlassian PATs are base64 of "<numeric id>:<random>"."""
    try:
        decoded = base64.b64decode(value)
    except (binascii.Error, ValueError):
        return False
    return re.match(rb"\d{6,16}:", decoded) is not None


_SEQ = "0123456789abcdefghijklmnopqrstuvwxyz"
_SEQ_RUNS = tuple(_SEQ[i : i + 6] for i in range(len(_SEQ) - 5)) + tuple(
    _SEQ[i : i + 6][::-1] for i in range(len(_SEQ) - 5)
)


def has_sequence(value: str) -> bool:
    """ "123456", "abcdef", "654321" where a body starts or ends: typed by a person filling in a
    sample, never drawn at random (a run of six in random base-62 is about one in a billion)."""
    ends = value[:16].lower() + " " + value[-8:].lower()
    return any(run in ends for run in _SEQ_RUNS)


_AFTER_PREFIX_RE = re.compile(r"[_.-]")


def _ok_default(value: str) -> bool:
    cut = 4 if len(value) > 24 else 0
    return (
        not _body_is_placeholder(value, cut)
        and not is_placeholder(_AFTER_PREFIX_RE.split(value, maxsplit=1)[-1])
        and not is_placeholder(value)
        and not has_sequence(value)
    )


_VALIDATORS: dict[str, Callable[[str], bool]] = {
    "slack": _ok_slack,
    "openai": _ok_openai,
    "aws_id": lambda v: "EXAMPLE" not in v and not _body_is_placeholder(v, 4),
    "azure": lambda v: _digits(v) >= 2 and not _body_is_placeholder(v, 5),
    "stripe": lambda v: not _body_is_placeholder(v, 8),
    "anthropic": _ok_exact,
    "artifactory_ap": _ok_artifactory,
    "atlassian_pat": _ok_atlassian,
    "telegram": lambda v: not _body_is_placeholder(v, 12),
}


# Every vendor token is at least 13 characters from this alphabet (scan.TOKEN_RUN_RE). Finding
# such runs first is a fast scan; the many-branch vendor alternation then only looks inside them.
_DELIM_RE = re.compile(r"[-.~+/=:!%@]+")
_TOKEN_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_]")

_META = frozenset("[](){}?*+|\\.^$")


def _alternatives(rx: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in rx:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def _literal_prefixes(rx: str) -> list[str]:
    """The literal text each alternative of `rx` starts with ("" when it starts with a class):
    "(?:sk|rk)_(?:live|test)..." -> ["sk", "rk"]."""
    out: list[str] = []
    for alt in _alternatives(rx):
        if alt.startswith("(?:"):
            depth, i = 0, 0
            while i < len(alt):
                depth += (alt[i] == "(") - (alt[i] == ")")
                if depth == 0:
                    break
                i += 1
            quantified = alt[i + 1 : i + 2] in ("?", "*", "{")
            out += [""] if quantified else _literal_prefixes(alt[3:i])
            continue
        prefix = ""
        for ch in alt:
            if ch in _META:
                break
            prefix += ch
        if alt[len(prefix) : len(prefix) + 1] in ("?", "*", "{"):
            prefix = prefix[:-1]  # "A{22}": the last letter is repeated, not literal
        out.append(prefix)
    return out


# Formats that begin with a literal prefix are tried only where a prefix stands at a token start
# (the shared keyword sweep finds the prefixes, lower-cased); the few that begin with a character
# class are at least this long, so only runs that long are walked delimiter by delimiter for them.
# The regex parser tells how long a format is at least.
_parser = importlib.import_module("re._parser")
_PREFIXES: set[str] = set()
_UNANCHORED_MIN = 10_000
for _name, _kind, _rx in _VENDORS:
    if _name in _NEEDLES:
        continue
    _prefixes = _literal_prefixes(_rx)
    if all(len(p) >= 2 for p in _prefixes):
        _PREFIXES.update(p.lower() for p in _prefixes)
    else:
        _UNANCHORED_MIN = min(_UNANCHORED_MIN, _parser.parse(_rx).getwidth()[0])
# A prefix that starts with a shorter one adds nothing ("sk-ant-" after "sk").
scan.register_group(
    "vendor_prefix",
    {p for p in _PREFIXES if not any(p != q and p.startswith(q) for q in _PREFIXES)},
)
# Needle formats, facebook_app's "|" and JWTs: literals that gate them (lower-cased).
scan.register(sorted({n.lower() for n in _NEEDLES.values()} | {"|", "eyj"}))
scan.register_pattern("vendor_long_run", r"[a-z0-9_\-.~+/=:!%@]{" + str(_UNANCHORED_MIN) + "}")


def _match_at(text: str, pos: int, end: int) -> tuple[str, re.Match[str]] | None:
    combined = _COMBINED.get(text[pos])
    if combined is None:
        return None
    first = combined.match(text, pos)
    if first is None:
        return None
    name = first.lastgroup or ""
    if _VALIDATORS.get(name, _ok_default)(first.group()):
        return name, first
    for name, rx in _BY_FIRST[text[pos]]:
        m = rx.match(text, pos)  # no endpos: it would hide the boundary after the run
        if m is not None and _VALIDATORS.get(name, _ok_default)(m.group()):
            return name, m
    return None


def _walk_run(text: str, pos: int, end: int) -> Iterator[Candidate]:
    # Tokens start at the run's start or right after a delimiter inside it ("token=ghp_...",
    # "https://ghp_...@github.com"); only those starts are tried, each against the few formats
    # that begin with that character.
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


class _NeedleMatches:
    """The matches of one needle format from a position on (what `rx.finditer(text, start)`
    yields), each with its validator's verdict, scanned once and reused for later starts.

    The matches a scan from `origin` finds at or after a later `start` are the ones a scan from
    `start` finds, provided none of the earlier ones straddles `start`: the scan then reaches
    `start` in the same state (it tries each position in turn, and look-behinds see the text
    before the scan's start either way). Where one does straddle it, the scan is redone from
    `start`. So every run holding the needle yields the same candidates, in the same order, as
    its own scan from the run's start did, without scanning the rest of the text again.
    """

    __slots__ = ("ends", "kind", "name", "needle", "ok", "rx", "scanned", "starts")

    def __init__(self, needle: str, name: str, rx: re.Pattern[str]) -> None:
        self.needle, self.name, self.rx, self.kind = needle, name, rx, _KIND_OF[name]
        self.scanned = False
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.ok: list[bool] = []

    def _scan_from(self, text: str, start: int) -> None:
        validate = _VALIDATORS.get(self.name, _ok_default)
        self.starts, self.ends, self.ok = [], [], []
        for m in self.rx.finditer(text, start):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.ok.append(validate(m.group()))
        self.scanned = True

    def from_(self, text: str, start: int) -> Iterator[Candidate]:
        i = bisect.bisect_left(self.starts, start)
        if not self.scanned or (i > 0 and max(self.ends[:i]) > start):
            self._scan_from(text, start)
            i = 0
        for j in range(i, len(self.starts)):
            if self.ok[j]:
                yield Candidate(self.kind, self.starts[j], self.ends[j])


def detect_vendor_tokens(text: str, lower: str) -> Iterator[Candidate]:
    found = scan.hits(lower)
    needles = [_NeedleMatches(n, name, rx) for n, name, rx in _BY_NEEDLE if n in text]
    walked: list[tuple[int, int]] = []
    # facebook_app: digits, then "|" (outside the run alphabet), then the secret.
    if needles or found.has("vendor_long_run") or "|" in text:
        for start, end in found.token_runs(text):
            if end - start >= _UNANCHORED_MIN or text.startswith("|", end):
                walked.append((start, end))
                yield from _walk_run(text, start, end)
            for matches in needles:
                # `needle in text[start:end]`, without the copy.
                if text.find(matches.needle, start, end) != -1:
                    yield from matches.from_(text, start)
    done = 0
    w = 0
    for pos in found.token_starts("vendor_prefix"):
        if pos < done or (pos and text[pos - 1] in _TOKEN_BEFORE):
            continue
        while w < len(walked) and walked[w][1] <= pos:
            w += 1
        if w < len(walked) and walked[w][0] <= pos:
            continue  # that run was walked whole above
        hit = _match_at(text, pos, len(text))
        if hit is not None:
            name, m = hit
            yield Candidate(_KIND_OF[name], m.start(), m.end())
            done = m.end()


def _json_part(part: str) -> bool:
    try:
        decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        return isinstance(json.loads(decoded), dict)
    except (binascii.Error, ValueError):
        return False


def detect_jwt(text: str, lower: str) -> Iterator[Candidate]:
    if "eyJ" not in text:
        return
    runs = scan.hits(lower).token_runs(text)
    for m in scan.finditer_in_runs(_JWT_RE, text, runs, _JWT_MIN, _JWT_NEEDS):
        value = m.group().rstrip(".")
        header = value.split(".", 1)[0]
        # A header that is not JSON is not a JWT (detect-secrets' rule too); keyword context may
        # still catch the value as a generic token.
        if _json_part(header):
            yield Candidate("jwt", m.start(), m.start() + len(value))
