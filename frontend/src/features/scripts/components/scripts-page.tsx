/**
 * /scripts — the script library: search, each script's language and risk, a link to run it; and
 * the script builder ("Describe what the script should do").
 */
import { useState } from "react";
import { Link } from "react-router";
import { RiskBadge } from "@/components/scripts/risk-badge";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { languageLabel } from "@/lib/scripts";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useHasRole } from "@/lib/use-role";
import { useScripts } from "../api/list-scripts";
import { ScriptBuilder } from "./script-builder";

export function ScriptsPage() {
  const canCreate = useHasRole("engineer");
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const scripts = useScripts(q);
  const items = scripts.data?.items ?? [];

  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader
        title="Scripts"
        description="Script templates with typed parameters. Every value is checked and quoted for the script's language when you copy it."
        actions={
          canCreate ? (
            <Link to="/scripts/new" className={buttonClasses("primary")}>
              New script
            </Link>
          ) : undefined
        }
      />
      {canCreate && <ScriptBuilder />}
      <div role="search" aria-label="Search scripts" className="relative max-w-xl">
        <Input type="search" aria-label="Search scripts" placeholder="Search titles, descriptions, tags, parameters…" value={text} onChange={(e) => setText(e.target.value)} className="w-full pr-8" />
        {scripts.isFetching && !scripts.isPending && (
          <span className="absolute top-1/2 right-2 -translate-y-1/2">
            <Spinner label="Searching" />
          </span>
        )}
      </div>
      {scripts.isPending ? (
        <LoadingBlock label="Loading scripts" />
      ) : scripts.isError ? (
        <ErrorState error={scripts.error} onRetry={() => void scripts.refetch()} title="Couldn't load the scripts" />
      ) : items.length === 0 ? (
        q ? (
          <EmptyState title={`No scripts match “${q}”`}>Try other words.</EmptyState>
        ) : (
          <EmptyState
            title="No scripts yet"
            action={
              canCreate ? (
                <Link to="/scripts/new" className={buttonClasses("primary")}>
                  Create the first script
                </Link>
              ) : undefined
            }
          >
            Scripts are PowerShell, Bash, cmd or Python templates with {"{{parameters}}"} that engineers fill in and copy.
          </EmptyState>
        )
      ) : (
        <Table label="Scripts">
          <THead>
            <Tr>
              <Th>Title</Th>
              <Th>Language</Th>
              <Th>Risk</Th>
              <Th>Parameters</Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((s) => (
              <Tr key={s.id} data-testid="script-row">
                <Td>
                  <Link to={`/scripts/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                    {s.title}
                  </Link>
                  {s.description && <p className="text-xs text-slate-500">{s.description}</p>}
                </Td>
                <Td>{languageLabel(s.language)}</Td>
                <Td>
                  <RiskBadge risk={s.risk} />
                </Td>
                <Td className="font-mono text-xs">{s.params.map((p) => p.name).join(", ") || "—"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
