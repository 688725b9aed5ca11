/**
 * `/shared/:token` — a session opened through an account link: read-only title, status, timeline and
 * the redacted ticket note. Anyone signed in to the same account may open it.
 */
import { useParams } from "react-router";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { formatDateTime } from "@/lib/format";
import { ApiError } from "@/lib/problem";
import { useSharedDocumentation } from "../api/get-shared-documentation";
import { type SharedEvent, type SharedSession, useSharedSession } from "../api/get-shared-session";
import { CopyButton } from "./copy-button";
import { Unavailable } from "./public-share-page";

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

const STATUS_TONE: Record<string, "green" | "amber" | "gray" | "red" | "indigo"> = {
  active: "indigo",
  paused: "amber",
  escalated: "red",
  resolved: "green",
  unresolved: "amber",
  abandoned: "gray",
};

const EVENT_LABELS: Record<string, string> = {
  started: "Started",
  step_shown: "Step",
  answer: "Answer",
  item_checked: "Ticked",
  item_unchecked: "Unticked",
  went_back: "Went back",
  flow_switched: "Switched flow",
  subflow_entered: "Entered subflow",
  subflow_returned: "Returned from subflow",
  flow_completed: "Flow finished",
  note: "Note",
  command_output: "Command output",
  paused: "Paused",
  resumed: "Resumed",
  resolved: "Resolved",
  unresolved: "Not resolved",
  abandoned: "Abandoned",
};

function text(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === "string" && value ? value : null;
}

function describe(e: SharedEvent): string {
  const p = e.payload as Record<string, unknown>;
  if (e.type === "answer") {
    const answer = text(p, "answer") ?? text(p, "value");
    return [text(p, "title"), answer].filter(Boolean).join(" → ");
  }
  return text(p, "text") ?? text(p, "summary") ?? text(p, "title") ?? text(p, "flow_title") ?? text(p, "item") ?? "";
}

export function SharedSessionPage() {
  const { token = "" } = useParams();
  if (!TOKEN.test(token)) return <Unavailable />;
  return <SharedSessionView token={token} />;
}

function SharedSessionView({ token }: { token: string }) {
  const session = useSharedSession(token);
  const note = useSharedDocumentation(token, session.isSuccess);
  if (session.isPending) return <LoadingBlock label="Loading the shared session" />;
  if (session.isError) {
    if (session.error instanceof ApiError && (session.error.status === 404 || session.error.status === 422)) return <Unavailable />;
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  const s = session.data;
  return (
    <div className="space-y-6">
      <Header session={s} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="shared-timeline" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <h2 id="shared-timeline" className="mb-3 text-sm font-semibold text-slate-900">
            Timeline
          </h2>
          <ol className="space-y-2">
            {s.timeline.map((e) => (
              <li key={e.id} data-event-type={e.type} className="text-sm">
                <div className="flex flex-wrap gap-x-2 text-xs text-slate-500">
                  <span>{formatDateTime(e.created_at)}</span>
                  {e.actor_name && <span>{e.actor_name}</span>}
                  <span className="font-medium text-slate-700">{EVENT_LABELS[e.type] ?? e.type}</span>
                </div>
                {e.type === "command_output" ? (
                  <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-2 font-mono text-xs text-slate-100">{describe(e)}</pre>
                ) : (
                  <p className="mt-0.5 whitespace-pre-wrap text-slate-800">{describe(e)}</p>
                )}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="shared-documentation" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <div className="mb-3 flex items-center justify-between gap-2">
            <h2 id="shared-documentation" className="text-sm font-semibold text-slate-900">
              Documentation
            </h2>
            {note.data !== undefined && <CopyButton text={note.data} />}
          </div>
          {note.isPending ? (
            <LoadingBlock label="Loading the note" />
          ) : note.isError ? (
            <ErrorState error={note.error} onRetry={() => void note.refetch()} title="Couldn't load the note" />
          ) : (
            <div data-testid="documentation-preview">
              <Markdown source={note.data} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function Header({ session }: { session: SharedSession }) {
  return (
    <div>
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Shared session · read-only</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold text-slate-900">{session.title}</h1>
        <Badge tone={STATUS_TONE[session.status] ?? "gray"}>{session.status}</Badge>
      </div>
      <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
        <div className="flex gap-1">
          <dt>Ticket</dt>
          <dd className="font-mono font-medium text-slate-700">{session.ticket_id ?? "—"}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Flow</dt>
          <dd className="font-medium text-slate-700">{session.flow_title ?? "Freeform"}</dd>
        </div>
        {session.owner_name && (
          <div className="flex gap-1">
            <dt>Owner</dt>
            <dd className="font-medium text-slate-700">{session.owner_name}</dd>
          </div>
        )}
        <div className="flex gap-1">
          <dt>Started</dt>
          <dd>{formatDateTime(session.created_at)}</dd>
        </div>
      </dl>
    </div>
  );
}
