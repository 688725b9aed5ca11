/**
 * "Share…" in the runner header: create a public (redacted note) or account-only link, see its URL
 * once, and manage the session's existing links (views, expiry, revoke).
 */
import { type FormEvent, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useCurrentUser } from "@/lib/current-user";
import { formatDate, formatDateTime, isPast } from "@/lib/format";
import { errorMessage, fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useCreateShare } from "../api/create-share";
import { type Share, useShares } from "../api/list-shares";
import { useRevokeShare } from "../api/revoke-share";

type Kind = "public" | "account";

const EXPIRY = [
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
];

/** The header button; renders nothing for viewers (sharing needs engineer or above). */
export function ShareButton({ sessionId, title }: { sessionId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const allowed = useHasRole("engineer");
  if (!allowed) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Share…
      </Button>
      <ShareDialog open={open} onClose={() => setOpen(false)} sessionId={sessionId} title={title} />
    </>
  );
}

export function ShareDialog({ open, onClose, sessionId, title }: { open: boolean; onClose: () => void; sessionId: string; title: string }) {
  const me = useCurrentUser();
  const create = useCreateShare(sessionId);
  const [kind, setKind] = useState<Kind>("public");
  const [expiry, setExpiry] = useState("7");
  const accountName = me.data?.account_name ?? "this account";

  function close() {
    create.reset();
    setKind("public");
    setExpiry("7");
    onClose();
  }

  function onKind(next: Kind) {
    setKind(next);
    // Public links always expire.
    if (next === "public" && expiry === "never") setExpiry("7");
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ public: kind === "public", expires_in_days: expiry === "never" ? null : Number(expiry) });
  }

  const problem = create.error ? toProblem(create.error) : null;
  const errors = problem ? fieldErrors(problem) : {};
  const created = create.data;

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Share session"
      description={`“${title}”`}
      size="lg"
      busy={create.isPending}
      footer={
        <Button variant="secondary" onClick={close} disabled={create.isPending}>
          Close
        </Button>
      }
    >
      <div className="space-y-6">
        {created ? (
          <div className="space-y-3">
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
              You won't see this link again. Copy it now.
            </p>
            <CopyField label={created.public ? "Public link" : "Account link"} value={created.url} testId="share-url" />
            <p className="text-sm text-slate-500">
              {created.public ? "Anyone with the link sees the redacted ticket note" : `Colleagues signed in to ${accountName} see the session`}
              {created.expires_at ? ` until ${formatDateTime(created.expires_at)}.` : "; it never expires."}
            </p>
            <Button variant="secondary" size="sm" onClick={() => create.reset()}>
              Create another link
            </Button>
          </div>
        ) : (
          <form id="share-form" onSubmit={onSubmit} noValidate className="space-y-4">
            <FormError message={problem ? formMessage(problem, ["public", "expires_in_days"]) : null} />
            <RadioCards<Kind>
              legend="Who can open the link"
              name="share-kind"
              value={kind}
              onChange={onKind}
              options={[
                { value: "public", label: "Public link", description: "Anyone with the link sees the redacted note" },
                { value: "account", label: "Account only", description: `Colleagues signed in to ${accountName}` },
              ]}
            />
            <SelectField label="Expires after" value={expiry} onChange={(e) => setExpiry(e.target.value)} error={errors.expires_in_days}>
              {EXPIRY.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              {kind === "account" && <option value="never">Never</option>}
            </SelectField>
            <Button type="submit" loading={create.isPending}>
              Create link
            </Button>
          </form>
        )}
        <ShareList sessionId={sessionId} enabled={open} />
      </div>
    </Dialog>
  );
}

function shareState(share: Share): "active" | "revoked" | "expired" {
  if (share.revoked_at) return "revoked";
  if (isPast(share.expires_at)) return "expired";
  return "active";
}

const STATE_TONE = { active: "green", revoked: "gray", expired: "amber" } as const;

function ShareList({ sessionId, enabled }: { sessionId: string; enabled: boolean }) {
  const shares = useShares(sessionId, enabled);
  const revoke = useRevokeShare(sessionId);
  const [revoking, setRevoking] = useState<Share | null>(null);
  const toast = useToast();

  function confirmRevoke() {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        toast.show("Link revoked.");
        setRevoking(null);
      },
    });
  }

  return (
    <section aria-labelledby="share-list-heading" className="space-y-2">
      <h3 id="share-list-heading" className="text-sm font-medium text-slate-900">
        Links to this session
      </h3>
      {shares.isPending ? (
        <LoadingBlock label="Loading links" />
      ) : shares.isError ? (
        <ErrorState error={shares.error} onRetry={() => void shares.refetch()} title="Couldn't load the links" />
      ) : shares.data.items.length === 0 ? (
        <p className="text-sm text-slate-500">No links yet.</p>
      ) : (
        <Table label="Share links">
          <THead>
            <Th>Type</Th>
            <Th>Created</Th>
            <Th>Expires</Th>
            <Th>Views</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {shares.data.items.map((s) => {
              const state = shareState(s);
              return (
                <Tr key={s.id}>
                  <Td className="font-medium text-slate-900">{s.public ? "Public" : "Account only"}</Td>
                  <Td>{formatDateTime(s.created_at)}</Td>
                  <Td>{s.expires_at ? formatDate(s.expires_at) : "never"}</Td>
                  <Td>{s.view_count}</Td>
                  <Td>
                    <Badge tone={STATE_TONE[state]}>{state}</Badge>
                  </Td>
                  <Td className="text-right">
                    {state === "active" && (
                      <Button variant="ghost" size="sm" onClick={() => setRevoking(s)}>
                        Revoke
                      </Button>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke link?"
        confirmLabel="Revoke link"
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={confirmRevoke}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        <p>Anyone opening this {revoking?.public ? "public" : "account"} link will see that it is no longer available. This can't be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
