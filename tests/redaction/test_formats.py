"""Formats added for the public-set gaps: each is found where an MSP engineer would paste it,
and the look-alikes next to it stay. Values are made up here (split so scanners skip them)."""

from __future__ import annotations

import pytest

from resolutionflow.redaction import redact


def _t(*parts: str) -> str:
    return "".join(parts)


B62 = "Qx7mK2pR9vT4wZ8nB3cD6fG1hJ5kL0sA"  # 32 characters, no runs


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        (f"runner token {_t('glr', 't-')}{B62[:24]} set", _t("glr", "t-") + B62[:24], "api_key"),
        (f"deploy: {_t('gl', 'ptt-')}{B62}{B62[:8]}", _t("gl", "ptt-") + B62 + B62[:8], "api_key"),
        (f"X-JFrog-Art-Api: {_t('AK', 'Cp')}{B62[:20]}", _t("AK", "Cp") + B62[:20], "api_key"),
        (f"posthog {_t('ph', 'x_')}{B62}{B62[:10]}", _t("ph", "x_") + B62 + B62[:10], "api_key"),
        (f"vercel token {_t('vc', 'p_')}{B62}", _t("vc", "p_") + B62, "api_key"),
        (
            f"nuget push -k {_t('oy', '2')}{B62.lower()}{B62.lower()[:11]}",
            _t("oy", "2") + B62.lower() + B62.lower()[:11],
            "api_key",
        ),
        (
            f"ntlm header: {_t('TlRMTVNTUAAD', 'AAAAGAAYAFYAAAAYABgAbgAAAAAA')}",
            _t("TlRMTVNTUAAD", "AAAAGAAYAFYAAAAYABgAbgAAAAAA"),
            "api_key",
        ),
        (
            "\x1b[93m" + _t("sk", "-") + "9f2c" + B62 + "\x1b[0m in the console",
            _t("sk", "-") + "9f2c" + B62,
            "openai_key",
        ),
    ],
)
def test_vendor_formats(text: str, value: str, kind: str) -> None:
    result = redact(text)
    assert f"[REDACTED:{kind}]" in result.redacted
    assert value not in result.redacted


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        (
            "Activation key : QWRTY-ZXCVB-PLMKO-NJIUH-BGTFR",
            "QWRTY-ZXCVB-PLMKO-NJIUH-BGTFR",
            "api_key",
        ),
        ("SECRET KEY:Rb7Kq2Xw9Lm4Tz", "Rb7Kq2Xw9Lm4Tz", "api_key"),
        (
            'const HELPDESK_KEY = "2c9a1f4e-7b3d-4e8a-9c1f-5d6e7f8a9b0c"',
            "2c9a1f4e-7b3d-4e8a-9c1f-5d6e7f8a9b0c",
            "api_key",
        ),
        (
            "the vendor secret is 2c9a1f4e-7b3d-4e8a-9c1f-5d6e7f8a9b0c",
            "2c9a1f4e-7b3d-4e8a-9c1f-5d6e7f8a9b0c",
            "api_key",
        ),
        ('curl -X PUT -u "admin:Tq8pZ2wL" https://nas01.local', "Tq8pZ2wL", "password"),
        ("ConvertTo-SecureString -String -Force Mz7!qPw2#x", "Mz7!qPw2#x", "password"),
        ("password is Nq7Hdx2Kv&lt;/div&gt;", "Nq7Hdx2Kv", "password"),
        ("Your password: &quot;Vb8nQ2!zx&quot;", "Vb8nQ2!zx", "password"),
        ("--backup-api-key " + "ab12cd34" * 8, "ab12cd34" * 8, "api_key"),
        # MySQL's grammar: a password, or the stored hash that stands for one.
        ("CREATE USER 'app'@'%' IDENTIFIED BY 'Kq7!vX2p';", "Kq7!vX2p", "password"),
        (
            "ALTER USER 'app'@'10.0.0.5' IDENTIFIED WITH 'mysql_native_password' AS "
            "'*6C8989366EAF75BB670AD8EA7A7FC1176A95CEF4';",
            "*6C8989366EAF75BB670AD8EA7A7FC1176A95CEF4",
            "password",
        ),
        (
            "GRANT ALL ON crm.* TO 'rpt'@'%' IDENTIFIED BY PASSWORD "
            "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19';",
            "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19",
            "password",
        ),
    ],
)
def test_keyword_and_command_forms(text: str, value: str, kind: str) -> None:
    result = redact(text)
    assert (kind, value) in {(f.kind, text[f.start : f.end]) for f in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        "RegKey = 4D36E972-E325-11CE-BFC1-08002BE10318",
        "ClassKey = {4D36E972-E325-11CE-BFC1-08002BE10318}",
        "Authentication-Results: mx1.eu.contoso.net; spf=pass",
        "AP5CORPOFFICE1 and AP3LOBBY01 rebooted after the firmware push",
        "APAdministrators group synced",
        "the secret is stored in the vault",
        "see " + "sk-ant-api03-short" + " in the vendor docs",
        "ghp_" + "0123456789abcdef0123456789abcdef0123",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text).findings == []
