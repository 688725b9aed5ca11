"""Generated session content for benchmarks: notes, command output, and a walker that runs a
published flow through the real sessions API until a session holds enough events."""

from __future__ import annotations

import random
from typing import Any

import httpx

NOTES = [
    "Called the user back; they can reproduce it on demand.",
    "User is working from home on a **Virgin Media** hub, no other devices affected.",
    "Checked the ticket history: same issue closed last month after a client reinstall.",
    "User confirmed the laptop was restarted this morning after updates.",
    "Told the user to keep the call open while the client reconnects.",
    "Temporary password for the test account was `Summer2024!` (reset afterwards).",
    "The gateway admin said password: Tr0ub4dor&3 works for the break-glass account.",
    "Asked the user to send a screenshot of the error to support@acme.example.",
    "Remote session via ScreenConnect; user on Windows 11 23H2, client 6.1.3.",
    "No change after flushing DNS; trying the next branch of the flow.",
]

COMMANDS = [
    ("ipconfig /all", "ipconfig"),
    ("nslookup intranet.acme.local", "nslookup"),
    ("Test-NetConnection vpn.acme.example -Port 443", "tnc"),
    ("route print -4", "route"),
]


def command_output(rng: random.Random, kind: str) -> str:
    """Terminal output of the given kind, some 5 to 30 lines, occasionally with a secret in it."""
    octet = rng.randint(2, 250)
    if kind == "ipconfig":
        lines = [
            "Windows IP Configuration",
            "",
            f"   Host Name . . . . . . . . . . . . : ACME-LT-0{rng.randint(100, 999)}",
            "   Primary Dns Suffix  . . . . . . . : acme.local",
            "",
            "Ethernet adapter Ethernet 3 (PANGP Virtual Ethernet Adapter):",
            "",
            f"   IPv4 Address. . . . . . . . . . . : 10.20.{octet}.{rng.randint(2, 250)}",
            "   Subnet Mask . . . . . . . . . . . : 255.255.255.0",
            "   DNS Servers . . . . . . . . . . . : 10.20.0.10",
            "                                       10.20.0.11",
            "",
            "Wireless LAN adapter Wi-Fi:",
            "",
            f"   IPv4 Address. . . . . . . . . . . : 192.168.1.{octet}",
            "   Default Gateway . . . . . . . . . : 192.168.1.1",
        ]
    elif kind == "nslookup":
        lines = [
            "Server:  dc01.acme.local",
            "Address:  10.20.0.10",
            "",
            "Name:    intranet.acme.local",
            f"Address:  10.20.{octet}.15",
        ]
    elif kind == "tnc":
        lines = [
            "ComputerName     : vpn.acme.example",
            f"RemoteAddress    : 203.0.113.{octet}",
            "RemotePort       : 443",
            "InterfaceAlias   : Wi-Fi",
            f"SourceAddress    : 192.168.1.{octet}",
            f"TcpTestSucceeded : {rng.choice(['True', 'False'])}",
        ]
    else:
        lines = ["IPv4 Route Table", "=" * 60, "Active Routes:"]
        lines += [
            f"  10.{rng.randint(0, 40)}.0.0    255.255.0.0    10.20.0.1    10.20.{octet}.7    {n}"
            for n in range(rng.randint(8, 20))
        ]
    if rng.random() < 0.15:
        lines.append("Authorization: Bearer " + "".join(rng.choices("abcdef0123456789", k=40)))
    return "\n".join(lines) + "\n"


def note(rng: random.Random) -> str:
    return rng.choice(NOTES)


async def post_event(
    client: httpx.AsyncClient, headers: dict[str, str], session_id: str, body: dict[str, Any]
) -> httpx.Response:
    return await client.post(f"/api/v1/sessions/{session_id}/events", json=body, headers=headers)


async def walk(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    session_id: str,
    target_events: int,
    seed: int = 1,
) -> dict[str, int]:
    """Run the session's flow over and over (going back from every end it reaches, with notes and
    command output on the way) until it holds at least `target_events` events. Returns counts of
    the event types appended. Every answer comes from the current step the API reports."""
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    r = await client.get(f"/api/v1/sessions/{session_id}", headers=headers)
    r.raise_for_status()
    session = r.json()
    while session["last_seq"] < target_events:
        step = session["current_step"]
        roll = rng.random()
        if roll < 0.12:
            body: dict[str, Any] = {"type": "note", "text": note(rng)}
        elif roll < 0.18:
            command, kind = rng.choice(COMMANDS)
            body = {"type": "command_output", "command": command, "text": command_output(rng, kind)}
        elif step is None or step["type"] == "resolution":
            body = {"type": "back"}
        elif step["type"] == "question":
            body = {
                "type": "answer",
                "node_id": step["node_id"],
                "answer": rng.choice(step["answers"]),
            }
        elif step["type"] == "input":
            value = rng.choice(["GlobalProtect 6.1.3", "FortiClient 7.2", "AnyConnect 4.10"])
            body = {"type": "answer", "node_id": step["node_id"], "answer": "", "value": value}
        elif step["type"] == "checklist":
            items = list(range(len(step["items"])))
            body = {"type": "answer", "node_id": step["node_id"], "answer": "", "items": items}
        else:
            result = rng.choice([None, "Done; no change.", "Done, the client now gets further."])
            body = {"type": "answer", "node_id": step["node_id"], "answer": "", "result": result}
        r = await post_event(client, headers, session_id, body)
        if r.status_code == 409 and body["type"] == "back":
            raise RuntimeError("reached an end with nothing to go back to")
        if r.status_code != 201:
            raise RuntimeError(f"append {body['type']} failed: {r.status_code} {r.text[:300]}")
        out = r.json()
        session = out["session"]
        for event in out["events"]:
            counts[event["type"]] = counts.get(event["type"], 0) + 1
        # After reaching an end, sometimes go back further than one step before answering again.
        if step is not None and step["type"] == "resolution" and body["type"] == "back":
            for _ in range(rng.randint(0, 3)):
                r = await post_event(client, headers, session_id, {"type": "back"})
                if r.status_code != 201:
                    break
                session = r.json()["session"]
                counts["went_back"] = counts.get("went_back", 0) + 1
    return counts
