/**
 * The escalation channels form's draft: a newly typed URL per channel (never filled from the
 * server) or "remove"; the PUT body carries only what changed.
 */
import type { EscalationChannelsInput } from "../api/escalation-channels";

export type ChannelKind = "slack" | "teams";

export interface ChannelDraft {
  /** A newly typed URL; empty keeps the saved one. */
  url: string;
  remove: boolean;
}

export type ChannelsDraft = Record<ChannelKind, ChannelDraft>;

export const EMPTY_DRAFT: ChannelsDraft = { slack: { url: "", remove: false }, teams: { url: "", remove: false } };

export const FIELD: Record<ChannelKind, "slack_webhook_url" | "teams_webhook_url"> = {
  slack: "slack_webhook_url",
  teams: "teams_webhook_url",
};

export const CHANNEL_LABEL: Record<ChannelKind, string> = { slack: "Slack", teams: "Teams" };

export function channelsBody(draft: ChannelsDraft): EscalationChannelsInput {
  const body: EscalationChannelsInput = {};
  for (const kind of ["slack", "teams"] as const) {
    const d = draft[kind];
    if (d.remove) body[FIELD[kind]] = "";
    else if (d.url.trim()) body[FIELD[kind]] = d.url.trim();
  }
  return body;
}

/** "Slack", "Slack and Teams"; names the server sends back ("slack", "teams"). */
export function channelNames(kinds: readonly string[]): string {
  const names = kinds.map((k) => (k === "slack" || k === "teams" ? CHANNEL_LABEL[k] : k));
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
