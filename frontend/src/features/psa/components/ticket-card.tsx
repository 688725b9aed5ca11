/**
 * The runner's "PSA ticket" card (handed in by the route through the runner's `sideCards` slot):
 * the linked ticket's context (summary, company, board, status, priority, contact, devices),
 * "Refresh", a "Link a ticket" form when there is none, the last link failure with "Try again",
 * and the session's pushes. Hidden when no PSA is connected and no ticket is linked.
 */
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/input";
import { formatTimeSince } from "@/lib/format";
import { ApiError, errorMessage } from "@/lib/problem";
import { useSessionPsa } from "../api/get-session-psa";
import { useLinkTicket } from "../api/link-ticket";
import type { SessionDetail, SessionPsa, Ticket } from "../api/types";
import { usePsaFollowsTimeline } from "../hooks/use-psa-follows-timeline";
import { psaErrorMessage } from "../model/push";
import { PushList } from "./push-list";
import { TicketPicker } from "./ticket-picker";

export interface PsaTicketCardProps {
  session: SessionDetail;
  /** The signed-in person may work this session (link, refresh, retry). */
  canWork: boolean;
}

export function PsaTicketCard({ session, canWork }: PsaTicketCardProps) {
  const psa = useSessionPsa(session.id);
  usePsaFollowsTimeline(session, psa.data);

  if (psa.isPending) return null;
  if (psa.isError) {
    // Not visible (or no PSA endpoint): the runner says what matters about the session itself.
    if (psa.error instanceof ApiError && [401, 403, 404].includes(psa.error.status)) return null;
    return (
      <Card>
        <div role="alert" className="text-sm text-red-700">
          Couldn't load the PSA ticket: {errorMessage(psa.error)}{" "}
          <Button variant="secondary" size="sm" onClick={() => void psa.refetch()}>
            Try again
          </Button>
        </div>
      </Card>
    );
  }
  const data = psa.data;
  if (!data.connected && !data.ticket_id) return null;
  return <TicketCardBody session={session} psa={data} canWork={canWork} />;
}

function Card({ children, providerLabel, actions }: { children: ReactNode; providerLabel?: string | null; actions?: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="psa-ticket-card" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <div className="flex items-center gap-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          PSA ticket
        </h2>
        {providerLabel && <Badge tone="indigo">{providerLabel}</Badge>}
        <div className="ml-auto flex gap-2">{actions}</div>
      </div>
      <div className="mt-2 space-y-3">{children}</div>
    </section>
  );
}

function TicketCardBody({ session, psa, canWork }: { session: SessionDetail; psa: SessionPsa; canWork: boolean }) {
  const link = useLinkTicket(session.id);
  const ticketId = psa.ticket_id;
  const canLink = canWork && psa.connected;
  const refresh = () => ticketId && link.mutate(ticketId);

  return (
    <Card
      providerLabel={psa.provider_label}
      actions={
        canLink && ticketId ? (
          <Button variant="secondary" size="sm" onClick={refresh} loading={link.isPending} title="Pull the ticket's details from the PSA again">
            Refresh
          </Button>
        ) : null
      }
    >
      {!psa.connected && (
        <p className="text-xs text-slate-500" data-testid="psa-not-connected">
          No PSA connected — the details below are from when the ticket was linked; pushing needs a connection (ask a team admin).
        </p>
      )}
      {!ticketId ? (
        canLink ? (
          <LinkTicketForm sessionId={session.id} />
        ) : (
          <p className="text-sm text-slate-500">No ticket linked to this session.</p>
        )
      ) : (
        <>
          {psa.ticket ? (
            <TicketDetails ticket={psa.ticket} />
          ) : (
            <p className="text-sm text-slate-800" data-testid="psa-ticket-summary">
              <span className="font-mono text-xs text-slate-500">#{ticketId}</span>{" "}
              {psa.ticket_error ? null : <span className="text-slate-500">Its details haven't been pulled in from the PSA.</span>}
            </p>
          )}
          {psa.ticket_error && (
            <div role="alert" data-testid="psa-ticket-error" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
              <p>Couldn't get ticket #{ticketId} from the PSA: {psa.ticket_error}</p>
              {canLink && (
                <Button variant="secondary" size="sm" className="mt-2" onClick={refresh} loading={link.isPending}>
                  Try again
                </Button>
              )}
            </div>
          )}
          {link.isError && (
            <p role="alert" className="text-sm text-red-700">
              {psaErrorMessage(link.error)}
            </p>
          )}
        </>
      )}
      <PushList sessionId={session.id} pushes={psa.pushes} providerLabel={psa.provider_label} canRetry={canWork} />
    </Card>
  );
}

function TicketDetails({ ticket }: { ticket: Ticket }) {
  const rows: [string, string | null | undefined][] = [
    ["Company", ticket.company],
    ["Board", ticket.board],
    ["Status", ticket.status],
    ["Priority", ticket.priority],
  ];
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-900" data-testid="psa-ticket-summary">
        <span className="mr-1 font-mono text-xs text-slate-500">#{ticket.id}</span>
        {ticket.summary || <span className="text-slate-500">(no summary)</span>}
      </p>
      <dl aria-label="Ticket details" data-testid="psa-ticket-details" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words text-slate-800">{value || "—"}</dd>
          </div>
        ))}
        <dt className="text-slate-500">Contact</dt>
        <dd className="break-words text-slate-800">
          {ticket.contact_name || (ticket.contact_email ? null : "—")}
          {ticket.contact_email && (
            <>
              {ticket.contact_name ? " · " : null}
              <a href={`mailto:${ticket.contact_email}`} className="text-indigo-700 hover:underline">
                {ticket.contact_email}
              </a>
            </>
          )}
        </dd>
      </dl>
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Configurations</h3>
        {ticket.configurations.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No devices on this ticket.</p>
        ) : (
          <ul aria-label="Configurations" className="mt-1 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {ticket.configurations.map((c) => (
              <li key={c.id} data-testid="psa-configuration" className="px-2.5 py-1.5 text-sm">
                <div className="flex items-baseline gap-2">
                  <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{c.name}</span>
                  {c.type && <Badge>{c.type}</Badge>}
                </div>
                {(c.os || c.serial || c.ip_address) && (
                  <p className="mt-0.5 text-xs break-words text-slate-500">
                    {[c.os, c.serial ? `Serial ${c.serial}` : null, c.ip_address ? `IP ${c.ip_address}` : null].filter(Boolean).join(" · ")}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {ticket.fetched_at && <p className="text-xs text-slate-400">Pulled from the PSA {formatTimeSince(ticket.fetched_at)}</p>}
    </div>
  );
}

function LinkTicketForm({ sessionId }: { sessionId: string }) {
  const link = useLinkTicket(sessionId);
  const [number, setNumber] = useState("");
  const [empty, setEmpty] = useState(false);
  const headingId = useId();

  function submit(ticketId: string) {
    const id = ticketId.trim();
    setEmpty(!id);
    if (!id || link.isPending) return;
    link.mutate(id);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    submit(number);
  }

  const error = empty ? "Type a ticket number, or search for one." : link.isError ? psaErrorMessage(link.error) : undefined;
  return (
    <form aria-labelledby={headingId} onSubmit={onSubmit} noValidate className="space-y-2">
      <h3 id={headingId} className="text-sm font-medium text-slate-800">
        Link a ticket
      </h3>
      <p className="text-xs text-slate-500">Pulls the ticket's company, contact and devices in, and lets you push the note to it.</p>
      <div className="flex items-end gap-2">
        <InputField
          label="Ticket number"
          className="min-w-0 flex-1"
          value={number}
          maxLength={100}
          onChange={(e) => setNumber(e.target.value)}
          error={error}
          placeholder="e.g. 48213"
        />
        <Button type="submit" loading={link.isPending} className={error ? "mb-5" : undefined}>
          Link ticket
        </Button>
      </div>
      <TicketPicker value={number} onChange={setNumber} onPick={(t) => submit(t.id)} disabled={link.isPending} />
    </form>
  );
}
