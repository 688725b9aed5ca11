/**
 * /sessions/new[?flow=<id>][&mode=pilot] — a guided session (title, optional ticket, a flow or
 * freeform) or a FlowPilot one (describe the problem; FlowPilot triages it and proposes the first
 * step). Start opens the runner.
 */
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { ACCEPT, addAttachments, encodeAttachment, type PendingAttachment } from "@/lib/attachments";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormError, InputField, TextareaField } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { RadioCards } from "@/components/ui/radio-cards";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useCreateSession } from "../api/create-session";
import { useFlowTitle } from "../api/search-flows";
import { type FlowChoice, FlowPicker } from "./flow-picker";

type Mode = "guided" | "pilot";

const MODES = [
  { value: "guided", label: "Guided flow / freeform", description: "Follow a flow from the library, or just take notes." },
  { value: "pilot", label: "FlowPilot", description: "Describe the problem; FlowPilot walks you through it one step at a time." },
] as const;

/** A title from the description when none is given: its first line, shortened. */
function titleFrom(text: string): string {
  const line = text.trim().split("\n")[0]?.trim() ?? "";
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/** What the start page hands a ticket search another feature supplies (the route composes it in). */
export interface TicketPickerSlotProps {
  /** The ticket id in the "Ticket" field. */
  value: string;
  onChange: (ticketId: string) => void;
  /** A ticket was picked from the search: an empty title takes its summary. */
  onPick: (ticket: { id: string; summary: string }) => void;
}

export interface StartSessionSlots {
  /** A search over the PSA's open tickets, under the "Ticket" field (typing a number still works without it). */
  ticketPicker?: (props: TicketPickerSlotProps) => ReactNode;
}

export function StartSessionPage({ ticketPicker }: StartSessionSlots = {}) {
  const [params] = useSearchParams();
  const preselect = params.get("flow");
  const navigate = useNavigate();
  const create = useCreateSession();
  const preset = useFlowTitle(preselect);
  const [title, setTitle] = useState("");
  const [ticket, setTicket] = useState(params.get("ticket") ?? "");
  const [flow, setFlow] = useState<FlowChoice | null>(null);
  const [mode, setMode] = useState<Mode>(params.get("mode") === "pilot" && !preselect ? "pilot" : "guided");
  const [intake, setIntake] = useState("");
  const [files, setFiles] = useState<PendingAttachment[]>([]);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [encoding, setEncoding] = useState(false);
  const [touchedFlow, setTouchedFlow] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const problem = create.error ? toProblem(create.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const pilot = mode === "pilot";
  const titleError = (submitted && !pilot && !title.trim() ? "Give the session a title (what the ticket is about)." : undefined) ?? server.title;
  const intakeError = (submitted && pilot && intake.trim().length < 3 ? "Describe the problem: paste the ticket text or a log." : undefined) ?? server.text;

  useEffect(() => {
    if (!touchedFlow && preset.data && preset.data.latest_version !== null) {
      setFlow({ id: preset.data.id, title: preset.data.title, version: preset.data.latest_version });
    }
  }, [preset.data, touchedFlow]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (pilot) {
      if (intake.trim().length < 3) return;
      const ticketId = ticket.trim() || null;
      setEncoding(true);
      void Promise.all(files.map(encodeAttachment))
        .then((encoded) =>
          create.mutate(
            {
              title: title.trim() || titleFrom(intake),
              mode: "pilot",
              intake: { text: intake.trim(), ticket_id: ticketId, files: encoded.map(({ filename, data_base64 }) => ({ filename, data_base64 })) },
              ticket_id: ticketId,
            },
            { onSuccess: (session) => navigate(`/sessions/${session.id}`) },
          ),
        )
        .catch((err: unknown) => setFileProblems([err instanceof Error ? err.message : "Couldn't read a file."]))
        .finally(() => setEncoding(false));
      return;
    }
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
        <FormError message={problem ? formMessage(problem, ["title", "ticket_id", "flow_id", "text"]) : null} />
        <RadioCards legend="How to work it" name="mode" options={MODES} value={mode} onChange={setMode} />
        {pilot && (
          <TextareaField
            label="Describe the problem"
            rows={8}
            value={intake}
            maxLength={20000}
            autoFocus
            onChange={(e) => setIntake(e.target.value)}
            error={intakeError}
            placeholder="Paste the ticket text or a log, or say what's wrong, e.g. “GlobalProtect VPN won't connect from home, says gateway unreachable”"
            hint="FlowPilot reads this for the client, asset, category and evidence, and looks for a matching flow."
          />
        )}
        {pilot && (
          <div>
            <label className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-indigo-700 hover:text-indigo-900">
              <input
                type="file"
                multiple
                accept={ACCEPT}
                className="sr-only"
                data-testid="intake-files"
                aria-label="Attach screenshots or logs"
                onChange={(e) => {
                  const picked = Array.from(e.target.files ?? []);
                  e.target.value = "";
                  const { next, problems } = addAttachments(files, picked);
                  setFiles(next);
                  setFileProblems(problems);
                }}
              />
              Attach screenshots or logs
            </label>
            <span className="ml-2 text-xs text-slate-500">Up to 3 files, 5 MB each. Screenshots go to a vision model when one is configured; logs are read for evidence.</span>
            {files.length > 0 && (
              <ul aria-label="Attached files" className="mt-2 flex flex-wrap gap-2">
                {files.map((f) => (
                  <li key={f.key} className="flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                    {f.file.name}
                    <button type="button" aria-label={`Remove ${f.file.name}`} className="text-slate-500 hover:text-slate-900" onClick={() => setFiles(files.filter((x) => x.key !== f.key))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {fileProblems.map((p) => (
              <p key={p} role="alert" className="mt-1 text-xs text-red-700">
                {p}
              </p>
            ))}
          </div>
        )}
        <InputField
          label="Title"
          value={title}
          maxLength={200}
          required={!pilot}
          autoFocus={!pilot}
          onChange={(e) => setTitle(e.target.value)}
          error={titleError}
          placeholder="e.g. Sam can't connect to the VPN from home"
          hint={pilot ? "Optional. The description's first line when empty." : undefined}
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
        {ticketPicker?.({
          value: ticket,
          onChange: setTicket,
          onPick: (picked) => setTitle((current) => (current.trim() ? current : picked.summary.slice(0, 200))),
        })}
        {!pilot && (
          <>
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
          </>
        )}
        <div className="flex items-center justify-end gap-2 border-t border-slate-100 pt-4">
          <Link to="/sessions" className={buttonClasses("secondary")}>
            Cancel
          </Link>
          <Button type="submit" loading={create.isPending || encoding}>
            Start
          </Button>
        </div>
        <p className="text-right text-xs text-slate-500" aria-live="polite">
          {pilot
            ? create.isPending
              ? "FlowPilot is reading the problem and working out the first step…"
              : "FlowPilot triages the description and proposes the first step."
            : flow
              ? `Runs “${flow.title}”${flow.version != null ? ` v${flow.version}` : ""}.`
              : "Freeform: no flow, just notes and command output."}
        </p>
      </form>
    </div>
  );
}
