/**
 * Query keys of the PSA settings. Everything sits under ["psa"]: saving or removing a connection
 * changes what a team inherits, whose members can be mapped and where pushes go, so a write
 * invalidates the lot. `scope` is a team id, or "account" for the account default.
 */
export type PsaScope = string | null;

export const scopeKey = (teamId: PsaScope) => teamId ?? "account";

export const psaKeys = {
  all: ["psa"] as const,
  providers: ["psa", "providers"] as const,
  settings: (teamId: PsaScope) => ["psa", "settings", scopeKey(teamId)] as const,
  members: (teamId: PsaScope) => ["psa", "members", scopeKey(teamId)] as const,
  activityAll: ["psa", "activity"] as const,
  activity: (teamId: PsaScope, state: string) => ["psa", "activity", scopeKey(teamId), state] as const,
};

/** The `team_id` query parameter: left out for the account default. */
export const teamQuery = (teamId: PsaScope) => (teamId ? { team_id: teamId } : {});
