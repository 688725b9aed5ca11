/** "Skip <target>" / "Mark <target> failed": a reason is required; the server's error shows in the dialog. */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import type { Verdict } from "../api/close-item";

export function ReasonDialog({
  verdict,
  label,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  verdict: Verdict;
  label: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const skip = verdict === "skip";
  const serverField = error ? fieldErrors(toProblem(error)).reason : undefined;
  const missing = touched && !reason.trim() ? "Say why, for the report." : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!reason.trim()) return;
    onSubmit(reason.trim());
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={pending}
      title={skip ? `Skip ${label}` : `Mark ${label} failed`}
      description={
        skip
          ? "The target is left out of this run; its session ends as abandoned. The reason goes in the report."
          : "The target failed; its session ends unresolved. The reason goes in the report."
      }
    >
      <form onSubmit={submit} className="space-y-3" noValidate>
        <TextareaField
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing ?? serverField}
          placeholder={skip ? "e.g. Server decommissioned last week" : "e.g. Update KB5034441 fails with 0x80070643"}
          maxLength={2000}
        />
        <FormError message={error && !serverField ? errorMessage(error, ["reason"]) : null} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant={skip ? "primary" : "danger"} loading={pending}>
            {skip ? "Skip target" : "Mark failed"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
