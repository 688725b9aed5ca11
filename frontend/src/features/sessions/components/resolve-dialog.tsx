/**
 * "Resolve…": end the session as resolved, resolved with a workaround (the cause is still there),
 * not resolved (summary required) or abandoned.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import type { EventInput } from "../api/types";

type Outcome = "resolve" | "workaround" | "mark_unresolved" | "abandon";

const OPTIONS = [
  { value: "resolve", label: "Resolved", description: "The problem is fixed." },
  { value: "workaround", label: "Workaround", description: "The user can work; the cause is still there." },
  { value: "mark_unresolved", label: "Not resolved", description: "Stopped without a fix; say what's left." },
  { value: "abandon", label: "Abandon", description: "Not worth finishing (duplicate, user gone…)." },
] as const;

const SUBMIT: Record<Outcome, string> = {
  resolve: "Resolve session",
  workaround: "Resolve with a workaround",
  mark_unresolved: "Mark not resolved", abandon: "Abandon session" };

export function ResolveDialog({
  initialSummary,
  onSubmit,
  onClose,
}: {
  initialSummary: string;
  onSubmit: (input: EventInput) => Promise<unknown>;
  onClose: () => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>("resolve");
  const [summary, setSummary] = useState(initialSummary);
  const [followUps, setFollowUps] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = error ? toProblem(error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const summaryMissing = outcome === "mark_unresolved" && !summary.trim();
  const summaryError = (submitted && summaryMissing ? "Say what was tried and what's still wrong." : undefined) ?? server.summary;
  const items = followUps
    .split("\n")
    .map((l) => l.replace(/^\s*[-*•]\s*/, "").trim())
    .filter(Boolean);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (summaryMissing) return;
    const text = summary.trim();
    const input: EventInput =
      outcome === "resolve" || outcome === "workaround"
        ? { type: "resolve", outcome: outcome === "workaround" ? "workaround" : "resolved", summary: text, follow_ups: items }
        : outcome === "mark_unresolved"
          ? { type: "mark_unresolved", summary: text, follow_ups: items }
          : { type: "abandon", summary: text };
    setPending(true);
    setError(null);
    try {
      await onSubmit(input);
      onClose();
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="End the session"
      size="lg"
      busy={pending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" form="resolve-form" variant={outcome === "abandon" ? "danger" : "primary"} loading={pending}>
            {SUBMIT[outcome]}
          </Button>
        </>
      }
    >
      <form id="resolve-form" onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <FormError message={problem ? formMessage(problem, ["summary", "follow_ups"]) : null} />
        <RadioCards legend="Outcome" name="outcome" options={OPTIONS} value={outcome} onChange={setOutcome} />
        <TextareaField
          label="Summary"
          rows={4}
          value={summary}
          maxLength={20000}
          onChange={(e) => setSummary(e.target.value)}
          error={summaryError}
          hint={
            outcome === "mark_unresolved"
              ? "Required: what was tried, and what's still wrong."
              : outcome === "workaround"
                ? "Say what the workaround is and what is still to fix. Goes at the top of the ticket note."
                : "Optional. Markdown. Goes at the top of the ticket note."
          }
        />
        {outcome !== "abandon" && (
          <TextareaField
            label="Follow-ups"
            rows={3}
            value={followUps}
            onChange={(e) => setFollowUps(e.target.value)}
            hint={items.length > 0 ? `${items.length} follow-up${items.length > 1 ? "s" : ""}, one per line.` : "Optional. One per line, e.g. “Replace the user's dock on Friday”."}
          />
        )}
      </form>
    </Dialog>
  );
}
