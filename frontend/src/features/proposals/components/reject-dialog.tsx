/**
 * Reject a proposal: a reason is required (the flywheel never proposes the same thing again, and
 * the reason tells the team why). The server's problem shows on the field when it names `reason`.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";

export function RejectDialog({
  title,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const serverField = error ? fieldErrors(toProblem(error)).reason : undefined;
  const missing = touched && !reason.trim() ? "Say why, so the team knows and it is not proposed again." : undefined;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setTouched(true);
    if (!reason.trim()) {
      e.currentTarget.querySelector("textarea")?.focus();
      return;
    }
    onSubmit(reason.trim());
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={pending}
      title="Reject this proposal?"
      description={<>“{title}” will not be proposed again. Dismiss it instead if it may be useful once more sessions agree.</>}
    >
      <form onSubmit={submit} className="space-y-3" noValidate>
        <TextareaField
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing ?? serverField}
          placeholder="e.g. We replace these printers next month"
          maxLength={2000}
        />
        <FormError message={error && !serverField ? errorMessage(error, ["reason"]) : null} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={pending}>
            Reject
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
