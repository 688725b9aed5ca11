/** "This step is wrong": a reason is required; it goes to the review queue for the owner team's admins. */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useFlagStep } from "../api/flag-step";

export function FlagDialog({ stepId, stepTitle, onClose, onFlagged }: { stepId: string; stepTitle: string; onClose: () => void; onFlagged: () => void }) {
  const flag = useFlagStep(stepId);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const serverField = flag.error ? fieldErrors(toProblem(flag.error)).reason : undefined;
  const missing = touched && !reason.trim() ? "Say what is wrong, so a team admin can fix it." : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!reason.trim()) return;
    flag.mutate(reason.trim(), { onSuccess: onFlagged });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={flag.isPending}
      title="This step is wrong"
      description={<>Flag “{stepTitle}”. The flag goes to the review queue; a team admin of the step's team resolves or dismisses it.</>}
    >
      <form onSubmit={submit} className="space-y-3" noValidate>
        <TextareaField
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing ?? serverField}
          placeholder="e.g. The registry key moved in Office 2021; this fix no longer works."
          maxLength={2000}
        />
        <FormError message={flag.error && !serverField ? errorMessage(flag.error, ["reason"]) : null} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={flag.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={flag.isPending}>
            Flag step
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
