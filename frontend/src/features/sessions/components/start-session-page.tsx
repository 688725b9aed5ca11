/** /sessions/new[?flow=<id>] — title, optional ticket, and a flow (or freeform); Start opens the runner. */
import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useCreateSession } from "../api/create-session";
import { useFlowTitle } from "../api/search-flows";
import { type FlowChoice, FlowPicker } from "./flow-picker";

export function StartSessionPage() {
  const [params] = useSearchParams();
  const preselect = params.get("flow");
  const navigate = useNavigate();
  const create = useCreateSession();
  const preset = useFlowTitle(preselect);
  const [title, setTitle] = useState("");
  const [ticket, setTicket] = useState(params.get("ticket") ?? "");
  const [flow, setFlow] = useState<FlowChoice | null>(null);
  const [touchedFlow, setTouchedFlow] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const problem = create.error ? toProblem(create.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const titleError = (submitted && !title.trim() ? "Give the session a title (what the ticket is about)." : undefined) ?? server.title;

  useEffect(() => {
    if (!touchedFlow && preset.data && preset.data.latest_version !== null) {
      setFlow({ id: preset.data.id, title: preset.data.title, version: preset.data.latest_version });
    }
  }, [preset.data, touchedFlow]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!title.trim()) return;
    create.mutate(
      { title: title.trim(), ticket_id: ticket.trim() || null, flow_id: flow?.id ?? null, mode: "guided" },
      { onSuccess: (session) => navigate(`/sessions/${session.id}`) },
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <Link to="/sessions" className="text-sm text-slate-500 hover:text-slate-900">
        ← Sessions
      </Link>
      <div className="mt-1">
        <PageHeader title="Start a session" description="Work the ticket step by step; the note writes itself from what you do." />
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <FormError message={problem ? formMessage(problem, ["title", "ticket_id", "flow_id"]) : null} />
        <InputField
          label="Title"
          value={title}
          maxLength={200}
          required
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
          error={titleError}
          placeholder="e.g. Sam can't connect to the VPN from home"
        />
        <InputField
          label="Ticket"
          value={ticket}
          maxLength={100}
          onChange={(e) => setTicket(e.target.value)}
          error={server.ticket_id}
          placeholder="e.g. 48213"
          hint="Optional. The PSA ticket number this work belongs to."
        />
        <FlowPicker
          value={flow}
          onChange={(f) => {
            setTouchedFlow(true);
            setFlow(f);
          }}
        />
        {server.flow_id && <p className="text-xs text-red-600">{server.flow_id}</p>}
        {preselect && preset.isError && !touchedFlow && (
          <p className="text-xs text-amber-700">The flow from the link isn't available; pick another, or run freeform.</p>
        )}
        {preselect && preset.data && preset.data.latest_version === null && !touchedFlow && (
          <p className="text-xs text-amber-700">“{preset.data.title}” has no published version yet, so it can't be run.</p>
        )}
        <div className="flex items-center justify-end gap-2 border-t border-slate-100 pt-4">
          <Link to="/sessions" className={buttonClasses("secondary")}>
            Cancel
          </Link>
          <Button type="submit" loading={create.isPending}>
            Start
          </Button>
        </div>
        <p className="text-right text-xs text-slate-500" aria-live="polite">
          {flow ? `Runs “${flow.title}”${flow.version != null ? ` v${flow.version}` : ""}.` : "Freeform: no flow, just notes and command output."}
        </p>
      </form>
    </div>
  );
}
