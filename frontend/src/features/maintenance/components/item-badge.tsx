import { Badge } from "@/components/ui/badge";
import type { ItemStatus } from "../api/types";
import { ITEM_BADGE } from "../model/item-status";

export function ItemBadge({ status }: { status: ItemStatus }) {
  const b = ITEM_BADGE[status];
  return <Badge tone={b.tone}>{b.label}</Badge>;
}
