import { Badge } from "@/components/ui/badge";

export function DocumentStatusBadge({ status }: { status: string }) {
  if (status === "indexed") return <Badge tone="green">Indexed</Badge>;
  if (status === "failed") return <Badge tone="red">Failed</Badge>;
  return <Badge>{status}</Badge>;
}
