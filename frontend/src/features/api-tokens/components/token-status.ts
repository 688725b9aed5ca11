import { isPast } from "@/lib/format";

export type TokenStatus = "active" | "revoked" | "expired";

export function tokenStatus(
  token: { revoked_at?: string | null; expires_at?: string | null },
  now: Date = new Date(),
): TokenStatus {
  if (token.revoked_at) return "revoked";
  if (isPast(token.expires_at, now)) return "expired";
  return "active";
}
