/**
 * "Build with AI": describe a problem, the model designs a draft flow, checks it and repairs its
 * own problems (up to twice), and the draft opens in the editor. Tens of seconds are normal, so
 * the wait shows progress and can be cancelled.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, toProblem } from "@/lib/problem";
import { type GeneratedFlow, type GenerateFlowInput, useGenerateFlow } from "../api/generate-flow";
import { isAbort } from "../model/generation";
import { DraftWithProblems, GenerationError, GenerationProgress } from "./generation-parts";

type Kind = GenerateFlowInput["kind"];
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 5000;

export function BuildWithAiDialog({ onClose }: { onClose: () => void }) {
  const generate = useGenerateFlow();
  const navigate = useNavigate();
  const toast = useToast();
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<Kind>("troubleshooting");
  const [submitted, setSubmitted] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [draft, setDraft] = useState<GeneratedFlow | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Closing the dialog (or leaving the page) stops waiting for the answer.
  useEffect(() => () => controller.current?.abort(), []);

  const trimmed = description.trim();
  const localError =
    trimmed.length > DESCRIPTION_MAX
      ? `At most ${DESCRIPTION_MAX} characters (${trimmed.length} now).`
      : submitted && trimmed.length < DESCRIPTION_MIN
        ? `Describe it in at least ${DESCRIPTION_MIN} characters.`
        : undefined;
  const failure = generate.error && !isAbort(generate.error) ? toProblem(generate.error) : null;
  const server = failure ? fieldErrors(failure) : {};
  const working = generate.isPending;

  function open(flow: GeneratedFlow) {
    toast.show(`Draft “${flow.title}” created.`);
    navigate(`/flows/${flow.flow_id}/edit`);
  }

  function start() {
    setSubmitted(true);
    setCancelled(false);
    if (trimmed.length < DESCRIPTION_MIN || trimmed.length > DESCRIPTION_MAX) return;
    const ctrl = new AbortController();
    controller.current = ctrl;
    generate.mutate(
      { body: { description: trimmed, kind }, signal: ctrl.signal },
      {
        onSuccess: (flow) => (flow.problems.length > 0 ? setDraft(flow) : open(flow)),
        onSettled: () => {
          if (controller.current === ctrl) controller.current = null;
        },
      },
    );
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    start();
  }

  function cancel() {
    controller.current?.abort();
    controller.current = null;
    setCancelled(true);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={working}
      title="Build a flow with AI"
      description="Describe the problem or procedure; the model designs a draft flow for you to review in the editor."
      size="lg"
      footer={
        draft ? (
          <>
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
            <Button onClick={() => open(draft)}>Open in editor</Button>
          </>
        ) : working ? (
          <Button variant="secondary" onClick={cancel}>
            Cancel
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" form="build-with-ai-form">
              Build flow
            </Button>
          </>
        )
      }
    >
      {draft ? (
        <DraftWithProblems title={draft.title} problems={draft.problems} />
      ) : (
        <form id="build-with-ai-form" onSubmit={onSubmit} noValidate className="space-y-4">
          <TextareaField
            label="Description"
            rows={6}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            disabled={working}
            error={localError ?? server.description}
            placeholder="e.g. Users on the Berlin office Wi-Fi lose their mapped drives after the laptop wakes from sleep. Check the network profile, the VPN and the credential manager before reimaging."
            hint={`What goes wrong, for whom, and what you would check. ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters.`}
          />
          <fieldset disabled={working}>
            <RadioCards<Kind>
              legend="Kind"
              name="build-kind"
              value={kind}
              onChange={setKind}
              options={[
                { value: "troubleshooting", label: "Troubleshooting", description: "A decision tree: questions branch to answers" },
                { value: "procedural", label: "Procedural", description: "Ordered steps, such as onboarding or a migration" },
              ]}
            />
          </fieldset>
          {working && <GenerationProgress message="Designing the flow… the model checks and repairs its own draft." />}
          {!working && cancelled && (
            <p role="status" className="text-sm text-slate-600">
              Cancelled. If the model had nearly finished, the draft may still appear in the library.
            </p>
          )}
          {!working && !cancelled && failure && <GenerationError problem={failure} onRetry={start} shownFields={["description", "kind"]} />}
        </form>
      )}
    </Dialog>
  );
}
