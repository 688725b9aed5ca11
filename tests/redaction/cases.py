"""Labelled MSP-style redaction cases (ours, shipped with the repo): ticket notes, command output,
config snippets and chat, each with the exact values that must be redacted and their kind.
Used by the unit tests and by bench/redaction.py.

Vendor-format tokens are assembled at import time so the source holds no string that GitHub push
protection or a secret scanner would take for a live credential.
"""

from __future__ import annotations

from dataclasses import dataclass

from resolutionflow.redaction import RedactionOptions


@dataclass(frozen=True)
class Case:
    text: str
    secrets: tuple[tuple[str, str], ...] = ()  # (kind, exact value that must be replaced)
    options: RedactionOptions | None = None


def _t(*parts: str) -> str:
    return "".join(parts)


GH_PAT = _t("gh", "p_", "R7kq2Lm9XvB4nT8wYc3Hd6Jf1Zs5Pa0Ue2Gi")
GH_OAUTH = _t("gh", "o_", "9xYb2Kc7LmN4pQ8rSt1Uv5Wx3Yz6Ab0Cd2Ef")
GH_FINE = _t(
    "github",
    "_pat_",
    "11ABCDEFG0",
    "aZ9yX8wV7uT6sR5qP4oN3m_",
    "L2kJ1iH0gF9eD8cB7aZ6yX5wV4uT3sR2qP1oN0mL9kJ8iH7gF6eD5cB4aZ3y",
)
SLACK_BOT = _t("xo", "xb-", "2456718903", "-", "5823469017254", "-", "Qw3rTy8UiOp2AsDf6GhJk1Lz")
SLACK_USER = _t(
    "xo",
    "xp-",
    "1234567890",
    "-",
    "9876543210",
    "-",
    "1122334455",
    "-",
    "a1b2c3d4e5f60718293a4b5c6d7e8f90",
)
STRIPE_LIVE = _t("sk", "_live_", "51Hx9KqLm2Np4Rs6Tu8Vw0Yz2Bd4Fh6Jk8Mn0Pq")
STRIPE_RESTRICTED = _t("rk", "_live_", "9aB8cD7eF6gH5iJ4kL3mN2oP1q")
OPENAI = _t("sk", "-proj-", "Zq8Xw2Ce4Rv6Tb8Yn0Um2Ki4Ol6Pa8Sd0Fg2Hj4Kl6Zx8Cv0Bn2Mq4We6Rt8Yu0Io")
OPENAI_LEGACY = _t("sk", "-", "Xi8tcNiHV9awbCcvilTe", "T3Blbk", "FJ3UDnpdEwNNm6wVBpYM0o")
ANTHROPIC = _t(
    "sk",
    "-ant-",
    "api03-",
    "Hh5Jj7Kk9Ll1Mm3Nn5Oo7Pp9Qq1Rr3Ss5Tt7Uu9Vv1Ww3Xx5Yy7Zz9Aa1Bb3Cc5Dd7Ee9Ff1Gg3Hh5Ii7Jj9Kk1Ll3Mm5Nn7Oo9Pp1-Qq3AA",
)
NPM = _t("np", "m_", "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5k")
AWS_ID = _t("AK", "IA", "Z7Q4M2XK9R3W5T8Y")
AWS_SECRET = _t("Lk8mQ2", "/x9Rt7Vb3Nw5Pz1Yc4Hd6Jf8Gs0Ua2E/Tn")
AZURE_SECRET = _t("Xy7", "8Q~", "aBcD1eFgH2iJkL3mNoP4qRsT5uVwX6yZ.7")
JWT = _t(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
    ".eyJzdWIiOiJhZG1pbkBjb250b3NvLmNvbSIsImV4cCI6MTczMDAwMDAwMH0",
    ".Qm9ndXNTaWduYXR1cmVGb3JUZXN0c09ubHkxMjM0NTY3OA",
)
PEM = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"
    "aNu3dfAOv1bJ7t5aB1cGgH4kL6mN8oP0qR2sT4uV6wX8yZ0aB2cD4eF6gH8iJ0kL\n"
    "-----END RSA PRIVATE KEY-----"
)
OPENSSH = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
    "QyNTUxOQAAACDk4f0rT7m2sQ9vX3yZ1aB2cD3eF4gH5iJ6kL7mN8oP9QAAAJgAAAAA\n"
    "-----END OPENSSH PRIVATE KEY-----"
)
BITLOCKER = "445907-219813-632357-701602-065769-293656-598477-110000"
BITLOCKER_2 = "031383-456742-195074-300388-588775-601535-041283-688732"
GENERIC_KEY = "f3a9c1e7b2d84a6f9e0c5b1d7a3e8f2c"
DATTO_KEY = "b8Kq3Zr7Wm1Xt5Yc9Pv2"

CASES: tuple[Case, ...] = (
    # ---- user / password pairs and long "password ...: value" phrasings (no keyword next to
    # the value: the way engineers jot credentials down)
    Case("admin / zPde0IgxLd6Gnc", (("password", "zPde0IgxLd6Gnc"),)),
    Case("logged in as admin / Tr0ub4dor&3xyz", (("password", "Tr0ub4dor&3xyz"),)),
    Case(
        "temp password given to user over phone: Blue-Horse-42",
        (("password", "Blue-Horse-42"),),
    ),
    Case("RDP: 10.0.0.5 administrator Kx9#mPq2zz", (("password", "Kx9#mPq2zz"),)),
    Case(
        "creds for the NAS are CONTOSO\\svc_backup / Spring#2025.", (("password", "Spring#2025"),)
    ),
    Case("Login: admin/admin123 still works on the old switch", (("password", "admin123"),)),
    Case("ssh root@10.20.0.4 Pa55w0rd!x (jump host)", (("password", "Pa55w0rd!x"),)),
    # near misses: the same shapes in ordinary text
    Case("Upgraded Windows 10 / Server2019 hosts overnight."),
    Case("Checked the printer / scanner combo and the TCP/IP settings."),
    Case("admin / settings page was slow; support / helpdesk queue is full."),
    Case("RDP to FAB-DC01 as administrator worked after the reboot."),
    Case("maximum password age : 90 days, password history : 24 remembered."),
    Case("logged in as jsmith / checked mail flow, all fine."),
    Case("password reset required for user: yes"),
    # ---- passwords in prose (tickets, chat)
    Case(
        "Called user back. Her temp password is Welcome2024! and she must change it at next logon.",
        (("password", "Welcome2024!"),),
    ),
    Case(
        "Reset jdoe in ADUC, new password: Tr0ub4dor&3 (told him over the phone).",
        (("password", "Tr0ub4dor&3"),),
    ),
    Case("the local admin password for SRV-FS02 is Kx9#mPq2vL", (("password", "Kx9#mPq2vL"),)),
    Case(
        "[Teams 09:14] Dana: pw for the scanner mailbox is Sc4nner$2023 btw",
        (("password", "Sc4nner$2023"),),
    ),
    Case(
        "Set the svc_backup password to 'Backup#Veeam42' as agreed with the client.",
        (("password", "Backup#Veeam42"),),
    ),
    Case("Creds for the Synology: admin / pass: Nas!2024admin", (("password", "Nas!2024admin"),)),
    Case(
        "The firewall admin password was changed to Fortigate-77 by Kevin.",
        (("password", "Fortigate-77"),),
    ),
    Case("Voicemail PIN is 482913, user asked us to note it.", (("password", "482913"),)),
    Case("Mot de passe: Bonjour2024!", (("password", "Bonjour2024!"),)),
    Case(
        "user said the password is sunshine.",
        (("password", "sunshine"),),
    ),
    # ---- passwords in config and connection strings
    Case(
        "Server=tcp:sql01.contoso.local,1433;Database=PSA;User ID=rf_app;Password=Qz7!rT2#wX;Encrypt=True;",
        (("password", "Qz7!rT2#wX"),),
    ),
    Case(
        'appsettings.json:\n  "ConnectionStrings": { "Default": "Host=pg01;Username=app;Pwd=pgS3cret99;" }',
        (("password", "pgS3cret99"),),
    ),
    Case('smtp_password = "M@ilRelay2024"\nsmtp_port = 587', (("password", "M@ilRelay2024"),)),
    Case("DB_PASSWORD=hunter2hunter2\nDB_HOST=db01.internal", (("password", "hunter2hunter2"),)),
    Case("<adminPassword>Unattend#Pass1</adminPassword>", (("password", "Unattend#Pass1"),)),
    Case(
        "ldap:\n  bind_dn: cn=svc_ldap,ou=svc,dc=contoso,dc=local\n  bind_password: 'L!dap2024'",
        (("password", "L!dap2024"),),
    ),
    # ---- passwords on command lines
    Case(
        "C:\\> net use Z: \\\\fs01\\shared /user:CONTOSO\\jsmith Spring2024!\nThe command completed successfully.",
        (("password", "Spring2024!"),),
    ),
    Case(
        "net use \\\\nas01\\backup N4sBackup#1 /user:backupsvc /persistent:no",
        (("password", "N4sBackup#1"),),
    ),
    Case(
        "psexec \\\\WS-0142 -u CONTOSO\\admin -p Adm1n!Pass cmd.exe", (("password", "Adm1n!Pass"),)
    ),
    Case("mysql -u root -pR00tDbPass -h db01 wordpress", (("password", "R00tDbPass"),)),
    Case(
        '$secure = ConvertTo-SecureString "Ps#Remoting9" -AsPlainText -Force',
        (("password", "Ps#Remoting9"),),
    ),
    Case(
        "New-LocalUser -Name helpdesk -Password 'H3lpdesk!Local'", (("password", "H3lpdesk!Local"),)
    ),
    Case("net user tempadmin T3mpAdm!n /add", (("password", "T3mpAdm!n"),)),
    Case(
        "cmdkey /add:TERMSRV/rds01 /user:CONTOSO\\rdsadmin /pass:Rd5!Admin2024",
        (("password", "Rd5!Admin2024"),),
    ),
    Case(
        "switch01(config)# username netadmin privilege 15 secret 0 Sw1tch!Adm\nsnmp-server community Publ1cRO ro",
        (("password", "Sw1tch!Adm"), ("password", "Publ1cRO")),
    ),
    # ---- URL credentials
    Case(
        "Backup job target: sftp://veeam:Vb4ckup!2024@backup.contoso.net:22/repo",
        (("url_credentials", "Vb4ckup!2024"),),
    ),
    Case(
        "export DATABASE_URL=postgresql://rf:pg_pw_4471@pg01.internal:5432/rf",
        (("url_credentials", "pg_pw_4471"),),
    ),
    Case(
        "Mongo URI in the app config: mongodb+srv://app:Mng0Pass9@cluster0.abcde.mongodb.net/prod",
        (("url_credentials", "Mng0Pass9"),),
    ),
    # ---- Wi-Fi
    Case(
        "Guest wifi password is CoffeeBean2024 (SSID: Contoso-Guest)",
        (("wifi_passphrase", "CoffeeBean2024"),),
    ),
    Case(
        "Meraki MR: SSID Contoso-Corp, PSK: Corp#Wireless88",
        (("wifi_passphrase", "Corp#Wireless88"),),
    ),
    Case("Wi-Fi key: Bl4ckC0ffee!", (("wifi_passphrase", "Bl4ckC0ffee!"),)),
    Case(
        "The WPA2 passphrase is GreenHouse#42, printed on the router label.",
        (("wifi_passphrase", "GreenHouse#42"),),
    ),
    # ---- vendor tokens
    Case(
        f"[default]\naws_access_key_id = {AWS_ID}\naws_secret_access_key = {AWS_SECRET}\nregion = eu-west-1",
        (("aws_access_key", AWS_ID), ("aws_secret_key", AWS_SECRET)),
    ),
    Case(
        f"Found {AWS_ID} hardcoded in the backup script on SRV-APP03.",
        (("aws_access_key", AWS_ID),),
    ),
    Case(
        f"App registration 'Intune Sync' client secret: {AZURE_SECRET} (expires 2026-03-01)",
        (("azure_client_secret", AZURE_SECRET),),
    ),
    Case(f"git clone https://{GH_PAT}@github.com/contoso/scripts.git", (("github_token", GH_PAT),)),
    Case(f"GITHUB_TOKEN={GH_FINE}", (("github_token", GH_FINE),)),
    Case(f"oauth token in the log: {GH_OAUTH}", (("github_token", GH_OAUTH),)),
    Case(
        f"Slack alert bot token {SLACK_BOT} was pasted in the ticket", (("slack_token", SLACK_BOT),)
    ),
    Case(f"SLACK_USER_TOKEN: {SLACK_USER}", (("slack_token", SLACK_USER),)),
    Case(f"Billing portal uses {STRIPE_LIVE}", (("stripe_key", STRIPE_LIVE),)),
    Case(
        f"restricted key {STRIPE_RESTRICTED} for the reports job",
        (("stripe_key", STRIPE_RESTRICTED),),
    ),
    Case(f"FlowPilot test: OPENAI_API_KEY={OPENAI}", (("openai_key", OPENAI),)),
    Case(f"old key {OPENAI_LEGACY} still in n8n", (("openai_key", OPENAI_LEGACY),)),
    Case(f"export ANTHROPIC_API_KEY={ANTHROPIC}", (("anthropic_key", ANTHROPIC),)),
    Case(f"//registry.npmjs.org/:_authToken={NPM}", (("npm_token", NPM),)),
    Case(
        f"curl -H 'Authorization: Bearer {JWT}' https://api.contoso.com/v1/devices", (("jwt", JWT),)
    ),
    Case(f"Token from the browser dev tools: {JWT}", (("jwt", JWT),)),
    Case(f"Datto RMM API key: {DATTO_KEY}", (("api_key", DATTO_KEY),)),
    Case(f'{{"api_key": "{GENERIC_KEY}", "site": "contoso-hq"}}', (("api_key", GENERIC_KEY),)),
    Case(f"X-Api-Key: {GENERIC_KEY}", (("api_key", GENERIC_KEY),)),
    Case("client_secret=Zr8Kq2Lm5Np7Rs9Tu1Vw3Yx", (("api_key", "Zr8Kq2Lm5Np7Rs9Tu1Vw3Yx"),)),
    Case(
        "ITGlue secret ITG.7f3c9a2e1b5d4c8a9e0f1a2b3c4d5e6f",
        (("api_key", "ITG.7f3c9a2e1b5d4c8a9e0f1a2b3c4d5e6f"),),
    ),
    # ---- private keys, BitLocker
    Case(
        f"Customer emailed the cert key, pasting for the record:\n{PEM}\nInstalled on IIS01.",
        (("private_key", PEM),),
    ),
    Case(f"id_ed25519 from the jump host:\n{OPENSSH}", (("private_key", OPENSSH),)),
    Case(
        f"BitLocker recovery key for LAPTOP-7731 (ID 4F2A9C1B): {BITLOCKER}",
        (("bitlocker_key", BITLOCKER),),
    ),
    Case(
        f"manage-bde -protectors -get C:\n    Numerical Password:\n      ID: {{8A6C2F4E-1B3D-4E5F-9A7B-2C4D6E8F0A1B}}\n      Password:\n        {BITLOCKER_2}",
        (("bitlocker_key", BITLOCKER_2),),
    ),
    # ---- cards and national ids
    Case(
        "Client read out card 4111 1111 1111 1111 exp 08/27 for the renewal",
        (("card_number", "4111 1111 1111 1111"),),
    ),
    Case("Amex on file: 3782-822463-10005", (("card_number", "3782-822463-10005"),)),
    Case(
        "payment failed for 5555555555554444, asked accounts to retry",
        (("card_number", "5555555555554444"),),
    ),
    Case(
        "HR onboarding form attached, SSN 123-45-6789, start date 2024-11-18",
        (("national_id", "123-45-6789"),),
    ),
    Case(
        "Payroll mismatch for employee NI number AB 12 34 56 C", (("national_id", "AB 12 34 56 C"),)
    ),
    Case("NINO JH123456D on the P45", (("national_id", "JH123456D"),)),
    # ---- optional PII
    Case(
        "Contact: anna.kowalski@contoso.com, mobile +44 7700 900123, laptop on 192.168.20.44",
        (
            ("email", "anna.kowalski@contoso.com"),
            ("phone", "+44 7700 900123"),
            ("ip_address", "192.168.20.44"),
        ),
        RedactionOptions(emails=True, phones=True, ip_addresses=True),
    ),
    Case(
        "Call back on (555) 201-3344 after 3pm; VPN peer 203.0.113.17 and fe80::1c2b:3dff:fe4e:5f60",
        (
            ("phone", "(555) 201-3344"),
            ("ip_address", "203.0.113.17"),
            ("ip_address", "fe80::1c2b:3dff:fe4e:5f60"),
        ),
        RedactionOptions(emails=True, phones=True, ip_addresses=True),
    ),
    # ---- ordinary facts and near misses: nothing to redact
    Case("User reports password expired; reset via SSPR, password policy requires 14 chars."),
    Case("The password is not the issue, MFA prompt never arrives. Token expired at 09:12."),
    Case("Changed password on the service account and restarted the Veeam services."),
    Case("Password: see IT Glue entry 'SRV-DC01 local admin'."),
    Case("Password reset for jdoe completed, ticket #48213 closed."),
    Case("Please send the password to jsmith by phone, not email."),
    Case("Token: n/a, using certificate auth"),
    Case('api_key=${DATTO_API_KEY} and password = "<your password here>"'),
    Case("Secret question reset requested; client secret expires on 2025-06-30."),
    Case("Registry key HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate set to 1."),
    Case("Event ID 4625 (An account failed to log on), status 0xC000006A, sub status 0xC0000064."),
    Case(
        "Tenant ID: 72f988bf-86f1-41af-91ab-2d7cd011db47, object id 3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    ),
    Case("KB5034441 failed with 0x80070643 on build 10.0.19045.3930."),
    Case("Port 3389 open on FW01, NAT to 10.0.0.15:3389; interface GigabitEthernet0/1 up."),
    Case("Order 4111111111111112 and IMEI 356938035643809 on the phone."),
    Case("Serial number 5CG1234XYZ, asset tag 004512, MAC 00-1A-2B-3C-4D-5E"),
)

ORDINARY_TIMELINE = """\
2024-11-05 08:02 UTC  Ticket #48213 / T20241105.0012 opened by Contoso Ltd: "Outlook keeps asking for password".
08:05  Engineer: Started session from flow "Outlook credential prompts" v7.
08:07  Checked user's device LAPTOP-7731 (Dell Latitude 7440, BIOS 1.14.0, Windows 11 23H2 build 22631.4317).
08:09  Command output: ipconfig /all -> Ethernet adapter eth0: Physical Address 3C-52-82-1A-9F-07, DHCP enabled.
08:10  Adapter Wi-Fi: Intel(R) Wi-Fi 6E AX211 160MHz, driver 23.60.0.10, SSID Contoso-Corp, channel 149.
08:12  Event Viewer: Event ID 4625, Logon Type 3, Status 0xC000006D, Sub Status 0xC000006A, source WS-0142.
08:14  Event ID 1000 Application Error, faulting module OLMAPI32.DLL version 16.0.17928.20156, exception 0xc0000005.
08:15  Installed KB5034441 and KB5031455; KB5034441 failed with 0x80070643 (WinRE partition too small).
08:20  Credential Manager: removed 3 stale entries under MicrosoftOffice16_Data:SSPI:anna@contoso.com.
08:22  Ran: Get-ADUser anna -Properties PasswordLastSet, PasswordExpired, LockedOut | fl
08:22  Output: PasswordLastSet 2024-10-01 09:14:22, PasswordExpired False, LockedOut False, badPwdCount 4.
08:25  Entra sign-in log: error code 50126 (invalid username or password), correlation id 8d5e1f2a-3b4c-4d5e-9f6a-7b8c9d0e1f2a.
08:26  App registration object id 3f2504e0-4f89-11d3-9a0c-0305e82c3301, tenant 72f988bf-86f1-41af-91ab-2d7cd011db47.
08:30  FW01 (FortiGate 60F, FortiOS v7.2.8 build1639): policy 14 allows 10.20.0.0/16 -> any on port 443 and 587.
08:31  show interface GigabitEthernet0/1: up, line protocol up, MTU 1500, 1000Mb/s, CRC errors 0.
08:33  Switch port Gi1/0/24 in VLAN 30, MAC 00:1A:2B:3C:4D:5E learned, PoE 15.4 W.
08:35  Path checked: C:\\Users\\anna\\AppData\\Local\\Microsoft\\Outlook\\anna@contoso.com.ost (48.2 GB).
08:36  /var/log/mail.log: postfix/smtp[2231]: connect to mx01.contoso.com[203.0.113.25]:25: Connection timed out.
08:40  Token cache cleared: deleted %LOCALAPPDATA%\\Microsoft\\TokenBroker\\Cache, restarted TokenBroker service.
08:42  Password prompt no longer appears after re-adding the account; MFA via Authenticator approved.
08:45  Password policy note: 14 characters minimum, history 24, max age 365 days (GPO "Default Domain Policy").
08:47  Secret rotation for the app registration is scheduled 2025-06-30 (see change CHG-2291).
08:50  BitLocker status: Protection On, Encryption Method XTS-AES 128, Key Protectors TPM, Numerical Password.
08:52  Serial 5CG1234XYZ, asset tag 004512, warranty until 2027-03-31, order number 4481-2290-1187.
08:55  Ran sfc /scannow: Windows Resource Protection did not find any integrity violations.
09:00  Resolved: stale credentials + expired token in the Office identity cache. Time spent 0h58m. Ticket #48213.
"""
