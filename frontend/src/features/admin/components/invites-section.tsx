import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { roleLabel } from "@/lib/roles";
import { type Invite, type InviteStatusFilter, useInvites } from "../api/list-invites";
import { useResendInvite } from "../api/resend-invite";
import { useRevokeInvite } from "../api/revoke-invite";
import { InviteLinkNotice } from "./invite-link-notice";

const STATUS_TONE = { pending: "indigo", accepted: "green", expired: "amber", revoked: "gray" } as const;

export function InvitesSection() {
  const [status, setStatus] = useState<InviteStatusFilter>("pending");
  const invites = useInvites(status);
  const resend = useResendInvite();
  const revoke = useRevokeInvite();
  const toast = useToast();
  const [revoking, setRevoking] = useState<Invite | null>(null);
  const [resent, setResent] = useState<{ email: string; invite_url?: string | null; emailed: boolean } | null>(null);

  function onResend(inv: Invite) {
    resend.mutate(inv.id, {
      onSuccess: (res) => {
        if (res.invite_url) setResent({ email: inv.email, invite_url: res.invite_url, emailed: res.emailed });
        else toast.show(`Invite emailed to ${inv.email}.`);
      },
      onError: (err) => toast.show(errorMessage(err), "error"),
    });
  }

  return (
    <section aria-labelledby="invites-title" className="mt-10">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="invites-title" className="text-base font-semibold text-slate-900">
            Pending invites
          </h2>
          <p className="text-sm text-slate-500">People who were invited but haven't joined yet.</p>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300 text-indigo-600"
            checked={status === "all"}
            onChange={(e) => setStatus(e.target.checked ? "all" : "pending")}
          />
          Include accepted, expired and revoked
        </label>
      </div>
      {invites.isPending ? (
        <LoadingBlock label="Loading invites" />
      ) : invites.isError ? (
        <ErrorState error={invites.error} onRetry={() => void invites.refetch()} />
      ) : invites.data.items.length === 0 ? (
        <EmptyState title={status === "pending" ? "No pending invites" : "No invites yet"}>
          Use “Add person” above to invite someone; their invite shows here until they accept it.
        </EmptyState>
      ) : (
        <Table label="Invites">
          <THead>
            <Th>Email</Th>
            <Th>Name</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Expires</Th>
            <Th>Invited by</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {invites.data.items.map((inv) => {
              const open = inv.status === "pending" || inv.status === "expired";
              return (
                <Tr key={inv.id}>
                  <Td className="font-medium text-slate-900">{inv.email}</Td>
                  <Td>{inv.name || "—"}</Td>
                  <Td>{roleLabel(inv.role)}</Td>
                  <Td>
                    <Badge tone={STATUS_TONE[inv.status]}>{inv.status}</Badge>
                  </Td>
                  <Td>{formatDateTime(inv.expires_at)}</Td>
                  <Td>{inv.invited_by_name || "—"}</Td>
                  <Td className="text-right whitespace-nowrap">
                    {open && (
                      <>
                        <Button
                          variant="ghost"
                          size="sm"
                          onClick={() => onResend(inv)}
                          loading={resend.isPending && resend.variables === inv.id}
                        >
                          Resend<span className="sr-only"> the invitation for {inv.email}</span>
                        </Button>
                        {inv.status === "pending" && (
                          <Button variant="ghost" size="sm" onClick={() => setRevoking(inv)}>
                            Revoke<span className="sr-only"> the invitation for {inv.email}</span>
                          </Button>
                        )}
                      </>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}

      <Dialog open={resent !== null} onClose={() => setResent(null)} title="Invite sent again" footer={<Button onClick={() => setResent(null)}>Done</Button>}>
        {resent && <InviteLinkNotice email={resent.email} invite={resent} />}
        <p className="mt-3 text-xs text-slate-500">The previous link no longer works.</p>
      </Dialog>

      <ConfirmDialog
        open={revoking !== null}
        title="Revoke invite?"
        confirmLabel="Revoke invite"
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              toast.show(`Invite to ${revoking.email} revoked.`);
              setRevoking(null);
            },
          })
        }
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        <p>The link sent to {revoking?.email} will stop working. You can invite them again later.</p>
      </ConfirmDialog>
    </section>
  );
}
