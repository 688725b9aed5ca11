import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField, SelectField } from "@/components/ui/input";
import { FLOW_FORMAT, FLOW_KIND_LABELS, FLOW_KINDS, type FlowKind } from "@/lib/flow-graph/types";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useCreateFlow } from "../api/create-flow";
import { useFlowFacets } from "../api/get-flow-facets";

export function NewFlowDialog({ folderId, onClose }: { folderId: string | null; onClose: () => void }) {
  const create = useCreateFlow();
  const facets = useFlowFacets();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<FlowKind>("troubleshooting");
  const [category, setCategory] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const listId = useId();
  const problem = create.error ? toProblem(create.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const titleError = (submitted && !title.trim() ? "Give the flow a title." : undefined) ?? server.title;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!title.trim()) return;
    create.mutate(
      {
        format: FLOW_FORMAT,
        title: title.trim(),
        kind,
        category: category.trim(),
        description: "",
        tags: [],
        start: null,
        nodes: [],
        edges: [],
        folder_id: folderId,
      },
      { onSuccess: (flow) => navigate(`/flows/${flow.id}/edit`) },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="New flow"
      busy={create.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="new-flow-form" loading={create.isPending}>
            Create
          </Button>
        </>
      }
    >
      <form id="new-flow-form" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={problem ? formMessage(problem, ["title", "kind", "category"]) : null} />
        <InputField
          label="Title"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={titleError}
          placeholder="e.g. Outlook will not start"
        />
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as FlowKind)}
          error={server.kind}
          hint={
            kind === "troubleshooting"
              ? "A decision tree: questions branch to answers."
              : kind === "procedural"
                ? "An ordered list of steps, such as onboarding or a migration."
                : "Procedural steps run on a schedule."
          }
        >
          {FLOW_KINDS.map((k) => (
            <option key={k} value={k}>
              {FLOW_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <InputField
          label="Category"
          value={category}
          maxLength={100}
          list={listId}
          onChange={(e) => setCategory(e.target.value)}
          error={server.category}
          placeholder="e.g. Email"
          hint="Optional. Groups flows in the library."
        />
        <datalist id={listId}>
          {facets.data?.categories.map((c) => (
            <option key={c.name} value={c.name} />
          ))}
        </datalist>
      </form>
    </Dialog>
  );
}
