"""Generated flows for benchmarks: valid decision trees of any size, with searchable text."""

from __future__ import annotations

import random
from typing import Any

WORDS = [
    "outlook",
    "vpn",
    "printer",
    "spooler",
    "dns",
    "dhcp",
    "wifi",
    "mfa",
    "password",
    "licence",
    "mailbox",
    "backup",
    "vss",
    "firewall",
    "router",
    "switch",
    "teams",
    "onedrive",
    "sharepoint",
    "intune",
    "autopilot",
    "bitlocker",
    "driver",
    "certificate",
    "proxy",
    "latency",
    "packet",
    "reboot",
    "update",
    "patch",
    "disk",
    "memory",
    "cpu",
    "profile",
    "cache",
    "token",
    "sync",
    "calendar",
    "shared",
    "permission",
    "group",
    "policy",
    "gpo",
    "domain",
    "controller",
    "replication",
]


def sentence(rng: random.Random, n: int = 8) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def tree(node_count: int, seed: int = 1, title: str | None = None) -> dict[str, Any]:
    """A valid troubleshooting tree: questions branch Yes/No, actions chain, leaves resolve."""
    rng = random.Random(seed)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    open_ends = ["n0"]
    nodes.append({"id": "n0", "type": "question", "title": sentence(rng, 5), "body": sentence(rng)})
    next_id = 1

    # Grow until the budget is used; every open end finally becomes a resolution.
    def closing_cost() -> int:
        return sum(2 if nodes[int(e[1:])]["type"] == "question" else 1 for e in open_ends)

    while open_ends and next_id + closing_cost() + 2 <= node_count:
        parent = open_ends.pop(0)
        kind = nodes[int(parent[1:])]["type"]
        labels = ["Yes", "No"] if kind == "question" else [""]
        for label in labels:
            nid = f"n{next_id}"
            next_id += 1
            node_type = rng.choice(["question", "action", "action"])
            nodes.append(
                {"id": nid, "type": node_type, "title": sentence(rng, 5), "body": sentence(rng, 12)}
            )
            edges.append({"source": parent, "target": nid, "label": label})
            open_ends.append(nid)
    for parent in open_ends:
        kind = nodes[int(parent[1:])]["type"]
        for label in ["Yes", "No"] if kind == "question" else [""]:
            nid = f"n{next_id}"
            next_id += 1
            nodes.append(
                {
                    "id": nid,
                    "type": "resolution",
                    "title": sentence(rng, 3),
                    "outcome": rng.choice(["resolved", "unresolved", "escalate"]),
                }
            )
            edges.append({"source": parent, "target": nid, "label": label})
    return {
        "format": "resolutionflow.flow/1",
        "title": title or sentence(rng, 4)[:-1],
        "kind": "troubleshooting",
        "description": sentence(rng, 15),
        "category": rng.choice(["Email", "Network", "Identity", "Printing", "Backup"]),
        "tags": rng.sample(WORDS, 3),
        "start": "n0",
        "nodes": nodes,
        "edges": edges,
    }
