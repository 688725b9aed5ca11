/**
 * Member mapping: which PSA member each of our people is, so notes and time entries are theirs.
 * Unmapped people are matched by email when the list loads ("matched by email"); a choice made
 * here is "set by hand" and always wins.
 */
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { plural } from "@/lib/format";
import type { PsaScope } from "../api/keys";
import { type PsaMember, type PsaMemberLink, usePsaMembers } from "../api/list-psa-members";
import { useSetPsaMember } from "../api/set-psa-member";
import { isPsaNotConfigured, psaErrorMessage } from "../model/psa-errors";
import { PsaErrorState } from "./psa-error-state";

export function MembersTab({ teamId, inherited, onConnect }: { teamId: PsaScope; inherited: boolean; onConnect: () => void }) {
  const members = usePsaMembers(teamId);
  const [onlyUnmapped, setOnlyUnmapped] = useState(false);
  const filterId = useId();

  if (members.isPending) return <LoadingBlock label="Loading PSA members" />;
  if (members.isError) {
    if (isPsaNotConfigured(members.error)) {
      return (
        <EmptyState
          title="Connect a PSA first"
          action={
            <Button variant="secondary" onClick={onConnect}>
              Go to the connection
            </Button>
          }
        >
          Once a PSA is connected and saved, its members are listed here to be matched with your people.
        </EmptyState>
      );
    }
    return <PsaErrorState title="Couldn't load the PSA members" message={psaErrorMessage(members.error)} onRetry={() => void members.refetch()} />;
  }

  const { links, unmapped } = members.data;
  const active = members.data.members;
  const shown = onlyUnmapped ? links.filter((l) => !l.member_id) : links;

  return (
    <div className="space-y-3">
      {inherited && (
        <p className="text-sm text-slate-600">This team inherits the account default, so this is the account default connection's mapping.</p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-sm text-slate-700" data-testid="psa-unmapped-count" data-count={unmapped} role="status">
          {unmapped === 0 ? "Everyone is mapped." : `${plural(unmapped, "person", "people")} not mapped.`}
        </p>
        <div className="flex items-center gap-2">
          <input
            id={filterId}
            type="checkbox"
            checked={onlyUnmapped}
            onChange={(e) => setOnlyUnmapped(e.target.checked)}
            className="size-4 accent-indigo-600"
          />
          <label htmlFor={filterId} className="text-sm text-slate-700">
            Show only unmapped people
          </label>
        </div>
      </div>
      {active.length === 0 && (
        <p className="text-sm text-amber-800" role="note">
          The PSA returned no active members, so there is nothing to map to yet.
        </p>
      )}
      {links.length === 0 ? (
        <EmptyState title="No people to map">Invite people to the account; each one gets a row here.</EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title="Everyone is mapped">Clear “Show only unmapped people” to see every row.</EmptyState>
      ) : (
        <Table label="Member mapping">
          <THead>
            <Th>Person</Th>
            <Th>PSA member</Th>
            <Th>Match</Th>
          </THead>
          <TBody>
            {shown.map((link) => (
              <MemberRow key={link.user_id} teamId={teamId} link={link} members={active} />
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}

function MemberRow({ teamId, link, members }: { teamId: PsaScope; link: PsaMemberLink; members: PsaMember[] }) {
  const setMember = useSetPsaMember(teamId);
  const toast = useToast();
  // A linked member the PSA no longer lists stays selectable, so the select shows the truth.
  const gone = link.member_id && !members.some((m) => m.id === link.member_id);

  function choose(value: string) {
    const memberId = value || null;
    if (memberId === link.member_id) return;
    setMember.mutate(
      { userId: link.user_id, memberId },
      {
        onSuccess: () => toast.show(memberId ? `${link.user_name} is mapped.` : `${link.user_name} is no longer mapped.`),
        onError: (error) => toast.show(`Couldn't change the mapping: ${psaErrorMessage(error)}`, "error"),
      },
    );
  }

  return (
    <Tr data-testid="psa-member-row" data-mapped={Boolean(link.member_id)} data-source={link.source ?? ""}>
      <Td>
        <div className="font-medium text-slate-900">{link.user_name}</div>
        <div className="text-xs text-slate-500">{link.user_email}</div>
      </Td>
      <Td>
        <Select
          aria-label={`PSA member for ${link.user_name}`}
          value={link.member_id ?? ""}
          disabled={setMember.isPending}
          aria-busy={setMember.isPending || undefined}
          onChange={(e) => choose(e.target.value)}
          className="w-64"
        >
          <option value="">Not mapped</option>
          {gone && link.member_id && (
            <option value={link.member_id}>
              {link.member_name ?? link.member_identifier ?? link.member_id} (not in the PSA's list)
            </option>
          )}
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.identifier})
            </option>
          ))}
        </Select>
      </Td>
      <Td>
        {!link.member_id ? (
          <Badge tone="amber">not mapped</Badge>
        ) : link.source === "auto" ? (
          <Badge tone="green">matched by email</Badge>
        ) : link.source === "manual" ? (
          <Badge tone="indigo">set by hand</Badge>
        ) : null}
      </Td>
    </Tr>
  );
}
