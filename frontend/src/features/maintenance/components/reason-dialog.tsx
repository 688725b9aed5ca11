/**
 * Asks for a reason before an action that ends work (skip or fail a target, cancel a batch). The
 * reason is required; the server's error shows in the dialog, on the field when it names it.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";

export interface ReasonDialogProps {
  title: string;
  description: string;
  submitLabel: string;
  danger?: boolean;
  placeholder?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

export function ReasonDialog({ title, description, submitLabel, danger = false, placeholder, pending, error, onSubmit, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const serverField = error ? fieldErrors(toProblem(error)).reason : undefined;
  const missing = touched && !reason.trim() ? "Say why, for the report." : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!reason.trim()) return;
    onSubmit(reason.trim());
  }

  return (
    <Dialog open onClose={onClose} busy={pending} title={title} description={description}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <TextareaField
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing ?? serverField}
          placeholder={placeholder}
          maxLength={2000}
        />
        <FormError message={error && !serverField ? errorMessage(error, ["reason"]) : null} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant={danger ? "danger" : "primary"} loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
