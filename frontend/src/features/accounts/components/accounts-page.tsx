import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { useAccounts } from "../api/list-accounts";
import { CreateAccountDialog } from "./create-account-dialog";

export function AccountsPage() {
  const accounts = useAccounts();
  const [creating, setCreating] = useState(false);

  return (
    <div>
      <PageHeader
        title="Accounts"
        description="Every MSP on this installation. Each account's data is kept apart from the others."
        actions={<Button onClick={() => setCreating(true)}>New account</Button>}
      />
      {accounts.isPending ? (
        <LoadingBlock label="Loading accounts" />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.data.items.length === 0 ? (
        <EmptyState title="No accounts yet">Create an account for each MSP that uses this installation.</EmptyState>
      ) : (
        <Table label="Accounts">
          <THead>
            <Th>Account</Th>
            <Th>Slug</Th>
            <Th>People</Th>
            <Th>Created</Th>
          </THead>
          <TBody>
            {accounts.data.items.map((a) => (
              <Tr key={a.id}>
                <Td className="font-medium text-slate-900">{a.name}</Td>
                <Td>
                  <code className="font-mono text-xs">{a.slug}</code>
                </Td>
                <Td>{a.user_count}</Td>
                <Td>{formatDate(a.created_at)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {creating && <CreateAccountDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
