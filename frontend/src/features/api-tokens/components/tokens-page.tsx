import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDate, formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { type ApiToken, useTokens } from "../api/list-tokens";
import { useRevokeToken } from "../api/revoke-token";
import { CreateTokenDialog } from "./create-token-dialog";
import { tokenStatus } from "./token-status";

const STATUS_TONE = { active: "green", revoked: "gray", expired: "amber" } as const;

export function TokensPage() {
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useRevokeToken();
  const toast = useToast();

  function confirmRevoke() {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        toast.show(`Token “${revoking.name}” revoked.`);
        setRevoking(null);
      },
    });
  }

  const addButton = <Button onClick={() => setCreating(true)}>Create token</Button>;

  return (
    <div>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts call the ResolutionFlow API as you. They expire within a year, and changing your password revokes them all."
        actions={addButton}
      />
      {tokens.isPending ? (
        <LoadingBlock label="Loading tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title="No API tokens yet">
          Create a token to use the API from scripts or the command line. You'll see its secret once, when you create it.
        </EmptyState>
      ) : (
        <Table label="API tokens">
          <THead>
            <Th>Name</Th>
            <Th>Prefix</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th>Expires</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {tokens.data.items.map((t) => {
              const status = tokenStatus(t);
              return (
                <Tr key={t.id}>
                  <Td className="font-medium text-slate-900">{t.name}</Td>
                  <Td>
                    <code className="font-mono text-xs">{t.prefix}…</code>
                  </Td>
                  <Td>{formatDate(t.created_at)}</Td>
                  <Td>{t.last_used_at ? formatDateTime(t.last_used_at) : "never"}</Td>
                  <Td>{t.expires_at ? formatDate(t.expires_at) : "never"}</Td>
                  <Td>
                    <Badge tone={STATUS_TONE[status]}>{status}</Badge>
                  </Td>
                  <Td className="text-right">
                    {status === "active" && (
                      <Button variant="ghost" size="sm" onClick={() => setRevoking(t)}>
                        Revoke<span className="sr-only"> {t.name}</span>
                      </Button>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke token?"
        confirmLabel="Revoke token"
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={confirmRevoke}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        <p>
          Anything using “{revoking?.name}” will stop working immediately. This can't be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
