/** Picks a published maintenance or procedural flow (what a batch can run). */
import { SelectField } from "@/components/ui/input";
import { useRunnableFlows } from "../api/list-flows";

export function FlowSelect({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const flows = useRunnableFlows();
  const none = flows.isSuccess && flows.data.length === 0;
  return (
    <SelectField
      label="Flow"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error ?? (flows.isError ? "Couldn't load the flows." : undefined)}
      hint={none ? "No published maintenance or procedural flow yet: publish one in Flows first." : "A published maintenance or procedural flow; each target runs its latest version."}
    >
      <option value="">{flows.isPending ? "Loading flows…" : "Choose a flow…"}</option>
      {(flows.data ?? []).map((f) => (
        <option key={f.id} value={f.id}>
          {f.title} ({f.kind}, v{f.latest_version})
        </option>
      ))}
    </SelectField>
  );
}
