import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useCurrentUser } from "@/lib/current-user";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { type User, USERS_PAGE_SIZE, useUsers } from "../api/list-users";
import { AddPersonDialog } from "./add-person-dialog";
import { ChangeRoleDialog } from "./change-role-dialog";
import { InvitesSection } from "./invites-section";
import { UsersTable } from "./users-table";
import { SignOutEverywhereDialog } from "./sign-out-everywhere-dialog";
import { UserStatusDialog } from "./user-status-dialog";

export function PeoplePage() {
  const { data: me } = useCurrentUser();
  const searchId = useId();
  const [search, setSearch] = useState("");
  const [showInactive, setShowInactive] = useState(false);
  const q = useDebouncedValue(search.trim());
  const users = useUsers({ q, includeInactive: showInactive });
  const [adding, setAdding] = useState(false);
  const [roleFor, setRoleFor] = useState<User | null>(null);
  const [statusFor, setStatusFor] = useState<User | null>(null);
  const [signOutFor, setSignOutFor] = useState<User | null>(null);

  if (!me) return null;

  return (
    <div>
      <PageHeader
        title="People"
        description={`Everyone in ${me.account_name}, their role and their teams.`}
        actions={<Button onClick={() => setAdding(true)}>Add person</Button>}
      />

      <div className="mb-3 flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <label htmlFor={searchId} className="text-sm font-medium text-slate-700">
            Search
          </label>
          <Input
            id={searchId}
            type="search"
            placeholder="Name or email"
            className="w-64"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {users.isFetching && !users.isPending && <Spinner label="Updating" />}
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300 text-indigo-600"
            checked={showInactive}
            onChange={(e) => setShowInactive(e.target.checked)}
          />
          Show deactivated
        </label>
      </div>

      {users.isPending ? (
        <LoadingBlock label="Loading people" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        q ? (
          <EmptyState title="Nobody matches">
            No one's name or email contains “{q}”.{!showInactive && " Deactivated people are hidden — tick “Show deactivated” to include them."}
          </EmptyState>
        ) : (
          <EmptyState title="No people yet">
            Use “Add person” to invite your engineers, or create them with a password.
          </EmptyState>
        )
      ) : (
        <>
          <UsersTable users={users.data.items} currentUserId={me.id} currentUserIsSuperAdmin={me.role === "super_admin"} onChangeRole={setRoleFor} onToggleActive={setStatusFor} onSignOutEverywhere={setSignOutFor} />
          {users.data.next_cursor && (
            <p className="mt-2 text-xs text-slate-500">Showing the first {USERS_PAGE_SIZE}. Search to narrow the list.</p>
          )}
        </>
      )}

      <InvitesSection />

      <AddPersonDialog open={adding} onClose={() => setAdding(false)} actorRole={me.role} />
      {roleFor && <ChangeRoleDialog user={roleFor} actorRole={me.role} onClose={() => setRoleFor(null)} />}
      {statusFor && <UserStatusDialog user={statusFor} onClose={() => setStatusFor(null)} />}
      {signOutFor && <SignOutEverywhereDialog user={signOutFor} onClose={() => setSignOutFor(null)} />}
    </div>
  );
}
