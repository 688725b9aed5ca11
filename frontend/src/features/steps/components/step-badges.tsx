/** Small badges a step shows in the list and on its page: kind, verified uses, open flags. */
import { Badge } from "@/components/ui/badge";
import { plural } from "@/lib/format";
import { stepKindLabel } from "@/lib/steps";

export function KindBadge({ kind }: { kind: string }) {
  return <Badge tone={kind === "question" ? "indigo" : "gray"}>{stepKindLabel(kind)}</Badge>;
}

export function VerifiedBadge({ uses }: { uses: number }) {
  if (uses <= 0) return <span className="text-xs text-slate-400">No verified uses</span>;
  return (
    <span title="Resolved sessions that went through a flow node linked to this step" data-testid="verified-uses">
      <Badge tone="green">✓ {plural(uses, "verified use")}</Badge>
    </span>
  );
}

export function FlagsBadge({ open }: { open: number }) {
  if (open <= 0) return null;
  return (
    <span data-testid="open-flags">
      <Badge tone="red">⚑ {plural(open, "open flag")}</Badge>
    </span>
  );
}
