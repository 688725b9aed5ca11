import { Badge } from "@/components/ui/badge";
import { riskLabel, riskTone } from "@/lib/scripts";

/** How risky running a script is: read-only (green), changes state (amber), destructive (red). */
export function RiskBadge({ risk }: { risk: string }) {
  return (
    <span data-testid="risk-badge" title="Risk of running this script">
      <Badge tone={riskTone(risk)}>{riskLabel(risk)}</Badge>
    </span>
  );
}
