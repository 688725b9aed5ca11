/** Continue the session with another published flow (recorded on the timeline). */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/input";
import { errorMessage } from "@/lib/problem";
import { type FlowChoice, FlowPicker } from "./flow-picker";

export function SwitchFlowDialog({
  currentFlowId,
  onSwitch,
  onClose,
}: {
  currentFlowId: string | null;
  onSwitch: (flowId: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [flow, setFlow] = useState<FlowChoice | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    if (!flow) return;
    setPending(true);
    setError(null);
    try {
      await onSwitch(flow.id);
      onClose();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="Switch flow"
      description="The session continues with the other flow from its first step. What you did so far stays on the timeline."
      busy={pending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={!flow} loading={pending}>
            Switch
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <FormError message={error ? errorMessage(error) : null} />
        <FlowPicker value={flow} onChange={setFlow} allowFreeform={false} excludeId={currentFlowId} autoFocus />
      </div>
    </Dialog>
  );
}
