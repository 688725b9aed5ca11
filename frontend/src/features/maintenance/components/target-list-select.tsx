/** Picks one of the caller's target lists. */
import { SelectField } from "@/components/ui/input";
import { useTargetLists } from "../api/list-target-lists";

export function TargetListSelect({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const lists = useTargetLists();
  const none = lists.isSuccess && lists.data.items.length === 0;
  return (
    <SelectField
      label="Target list"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error ?? (lists.isError ? "Couldn't load the target lists." : undefined)}
      hint={none ? "No target lists yet: create one under Target lists." : undefined}
    >
      <option value="">{lists.isPending ? "Loading lists…" : "Choose a list…"}</option>
      {(lists.data?.items ?? []).map((l) => (
        <option key={l.id} value={l.id}>
          {l.name} ({l.target_count} targets)
        </option>
      ))}
    </SelectField>
  );
}
