import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";

export function PublishDialog({
  nextVersion,
  warnings,
  pending,
  error,
  onPublish,
  onClose,
}: {
  nextVersion: number;
  warnings: number;
  pending: boolean;
  error: string | null;
  onPublish: (note: string) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState("");
  function submit(e: FormEvent) {
    e.preventDefault();
    onPublish(note.trim());
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Publish version ${nextVersion}`}
      description="Engineers starting a session get the new version; sessions already running keep theirs."
      busy={pending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" form="publish-form" loading={pending}>
            Publish
          </Button>
        </>
      }
    >
      <form id="publish-form" onSubmit={submit} className="space-y-3">
        <FormError message={error} />
        {warnings > 0 && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200 ring-inset">
            {warnings === 1 ? "There is 1 warning" : `There are ${warnings} warnings`}; you can still publish.
          </p>
        )}
        <TextareaField
          label="Change note"
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          placeholder="What changed, for the people who use this flow"
          hint="Optional, shown in the version history."
        />
      </form>
    </Dialog>
  );
}
