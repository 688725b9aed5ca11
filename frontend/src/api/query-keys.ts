/**
 * Query keys shared by every feature, so a mutation in one screen invalidates what another
 * screen shows (e.g. adding a team member refreshes the people table).
 */
export const queryKeys = {
  me: ["me"] as const,
  account: ["account"] as const,
  escalationChannels: ["account", "escalation-channels"] as const,
  noteTemplate: {
    saved: ["account", "note-template"] as const,
    preview: (template: unknown) => ["account", "note-template", "preview", template] as const,
  },
  tokens: ["me", "tokens"] as const,
  users: {
    all: ["users"] as const,
    list: (params: Record<string, unknown>) => ["users", "list", params] as const,
  },
  invites: {
    all: ["invites"] as const,
    list: (status: string) => ["invites", "list", status] as const,
  },
  teams: {
    all: ["teams"] as const,
    list: ["teams", "list"] as const,
    detail: (id: string) => ["teams", "detail", id] as const,
  },
  audit: {
    all: ["audit-events"] as const,
    list: (action: string) => ["audit-events", "list", action] as const,
  },
  accounts: {
    all: ["accounts"] as const,
  },
  flows: {
    all: ["flows"] as const,
    lists: ["flows", "list"] as const,
    list: (params: Record<string, unknown>) => ["flows", "list", params] as const,
    facets: ["flows", "facets"] as const,
    detail: (id: string) => ["flows", "detail", id] as const,
    versions: (id: string) => ["flows", "detail", id, "versions"] as const,
    version: (id: string, n: number) => ["flows", "detail", id, "versions", n] as const,
    diff: (id: string, from: string, to: string) => ["flows", "detail", id, "diff", from, to] as const,
  },
  folders: {
    all: ["folders"] as const,
  },
  sessions: {
    all: ["sessions"] as const,
    lists: ["sessions", "list"] as const,
    list: (params: Record<string, unknown>) => ["sessions", "list", params] as const,
    detail: (id: string) => ["sessions", "detail", id] as const,
    documentation: (id: string) => ["sessions", "detail", id, "documentation"] as const,
    documentationAs: (id: string, format: string) => ["sessions", "detail", id, "documentation", format] as const,
    redactionReports: (id: string) => ["sessions", "detail", id, "redaction-reports"] as const,
  },
  ai: {
    settings: ["ai", "settings"] as const,
    usageAll: ["ai", "usage"] as const,
    usage: (range: Record<string, unknown>) => ["ai", "usage", range] as const,
  },
  knowledge: {
    all: ["knowledge"] as const,
    lists: ["knowledge", "list"] as const,
    list: (params: Record<string, unknown>) => ["knowledge", "list", params] as const,
    detail: (id: string) => ["knowledge", "detail", id] as const,
  },
  handoffs: {
    all: ["handoffs"] as const,
    lists: ["handoffs", "list"] as const,
    list: (params: Record<string, unknown>) => ["handoffs", "list", params] as const,
    detail: (id: string) => ["handoffs", "detail", id] as const,
    metrics: (days: number) => ["handoffs", "metrics", days] as const,
  },
  notifications: {
    all: ["notifications"] as const,
  },
  // Maintenance batches are read by the maintenance pages, the session runner's batch bar and Home.
  maintenance: {
    all: ["maintenance"] as const,
    batches: ["maintenance", "batches"] as const,
    batchList: (params: Record<string, unknown>) => ["maintenance", "batches", "list", params] as const,
    batch: (id: string) => ["maintenance", "batches", "detail", id] as const,
    schedules: ["maintenance", "schedules"] as const,
    agenda: (days: number) => ["maintenance", "schedules", "agenda", days] as const,
    targetLists: ["maintenance", "target-lists"] as const,
    targetList: (id: string) => ["maintenance", "target-lists", "detail", id] as const,
  },
  invitePreview: (token: string) => ["invite-preview", token] as const,
};
