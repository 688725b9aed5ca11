/**
 * "Draft a flow for this gap": a title (the gap's label to start with), then the new_flow drafting
 * seeded with the gap's sessions builds a draft, and the editor opens on it. A problem naming the
 * title shows under it; any other shows above the buttons.
 */
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useDraftForGap } from "../api/gaps";
import type { Gap } from "../api/types";

export function DraftGapDialog({ gap, onClose }: { gap: Gap; onClose: () => void }) {
  const draft = useDraftForGap();
  const navigate = useNavigate();
  const toast = useToast();
  const [title, setTitle] = useState(gap.label.slice(0, 200));
  const fields = draft.error ? fieldErrors(toProblem(draft.error)) : {};

  function submit(e: FormEvent) {
    e.preventDefault();
    draft.mutate(
      { session_ids: gap.session_ids, title: title.trim() || null },
      {
        onSuccess: (r) => {
          toast.show("Draft created from the gap's sessions. Edit it, then publish.");
          navigate(`/flows/${r.flow_id}/edit`);
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={draft.isPending}
      title="Draft a flow for this gap"
      description={`A draft flow is built from the ${gap.session_ids.length} sessions of this gap (their common steps), then opens in the editor.`}
    >
      <form onSubmit={submit} className="space-y-3" noValidate>
        <InputField
          label="Flow title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          error={fields.title}
          hint="Leave empty to let the drafting name it."
        />
        <FormError message={draft.error && !fields.title ? errorMessage(draft.error, ["title"]) : null} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={draft.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={draft.isPending}>
            {draft.isPending ? "Drafting…" : "Draft the flow"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
