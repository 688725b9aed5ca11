/**
 * /steps — the step library: full-text search with filters (kind, tag, category, owner team),
 * sort and paging; each row shows the step's kind, rating, verified uses and open flags.
 * Search, filters and sort live in the URL.
 */
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Snippet } from "@/components/snippet";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { errorMessage } from "@/lib/problem";
import { type LibraryStep, STEP_KIND_LABELS, STEP_KINDS } from "@/lib/steps";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useHasRole } from "@/lib/use-role";
import { useStepFacets } from "../api/get-step-facets";
import { useSteps } from "../api/list-steps";
import { useTeams } from "../api/list-teams";
import { filtersFrom, isFiltered, queryFor, SORT_LABELS, sortsFor } from "../model/filters";
import { FlagsBadge, KindBadge, VerifiedBadge } from "./step-badges";
import { Stars } from "./stars";

export function StepsPage() {
  const [params, setParams] = useSearchParams();
  const canCreate = useHasRole("engineer");
  const [text, setText] = useState(params.get("q") ?? "");
  const q = useDebouncedValue(text.trim(), 250);
  const filters = filtersFrom(params, q);
  const steps = useSteps(queryFor(filters));
  const facets = useStepFacets();
  const teams = useTeams();

  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        // The search box's words are ours, not the URL's: a filter chosen right after typing must
        // not drop them while the URL is still catching up.
        if (q) next.set("q", q);
        else next.delete("q");
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get("q") ?? "") !== q) set("q", q || null);
    // Only mirror the debounced query into the URL.
  }, [q]);

  const items = steps.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Step library"
        description="Reusable troubleshooting steps, rated by the people who use them. Insert them into flows from the editor's palette."
        actions={
          canCreate ? (
            <Link to="/steps/new" className={buttonClasses("primary")}>
              New step
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-3">
        <div className="flex flex-wrap items-end gap-2" role="search" aria-label="Search the step library">
          <div className="relative min-w-56 flex-1">
            <Input
              type="search"
              aria-label="Search steps"
              placeholder="Search titles, bodies, answers, tags…"
              value={text}
              onChange={(e) => setText(e.target.value)}
              className="w-full pr-8"
            />
            {steps.isFetching && !steps.isPending && (
              <span className="absolute top-1/2 right-2 -translate-y-1/2">
                <Spinner label="Searching" />
              </span>
            )}
          </div>
          <Select aria-label="Kind" value={filters.kind} onChange={(e) => set("kind", e.target.value)}>
            <option value="">All kinds</option>
            {STEP_KINDS.map((k) => (
              <option key={k} value={k}>
                {STEP_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
          <Select aria-label="Tag" value={filters.tag} onChange={(e) => set("tag", e.target.value)}>
            <option value="">All tags</option>
            {withCurrent(facets.data?.tags, filters.tag).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
          <Select aria-label="Category" value={filters.category} onChange={(e) => set("category", e.target.value)}>
            <option value="">All categories</option>
            {withCurrent(facets.data?.categories, filters.category).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
          <Select aria-label="Team" value={filters.team} onChange={(e) => set("team", e.target.value)}>
            <option value="">All teams</option>
            {teams.data?.items.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
          <Select aria-label="Sort by" value={filters.sort} onChange={(e) => set("sort", e.target.value)}>
            {sortsFor(q).map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        {facets.isError && <p className="text-xs text-amber-700">Tag and category filters are unavailable: {errorMessage(facets.error)}</p>}

        {steps.isPending ? (
          <LoadingBlock label="Loading steps" />
        ) : steps.isError && items.length === 0 ? (
          <ErrorState error={steps.error} onRetry={() => void steps.refetch()} title="Couldn't load the step library" />
        ) : items.length === 0 ? (
          isFiltered(filters) ? (
            <EmptyState
              title={q ? `No steps match “${q}”` : "No steps match these filters"}
              action={
                <Button
                  variant="secondary"
                  onClick={() => {
                    setText("");
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  Clear search and filters
                </Button>
              }
            >
              Try other words, or fewer filters.
            </EmptyState>
          ) : (
            <EmptyState
              title="No steps in the library yet"
              action={
                canCreate ? (
                  <Link to="/steps/new" className={buttonClasses("primary")}>
                    Create the first step
                  </Link>
                ) : undefined
              }
            >
              Steps are reusable checks, questions and actions. Create one here, or use “Save to library” on a node in the flow editor.
            </EmptyState>
          )
        ) : (
          <>
            <p className="text-xs text-slate-500" aria-live="polite">
              {items.length === 1 ? "1 step" : `${items.length}${steps.hasNextPage ? "+" : ""} steps`}
              {q ? ` matching “${q}”` : ""}
            </p>
            <StepsTable steps={items} />
            {steps.isFetchNextPageError && (
              <p role="alert" className="text-sm text-red-700">
                Couldn't load more: {errorMessage(steps.error)}
              </p>
            )}
            {steps.hasNextPage && (
              <div className="flex justify-center">
                <Button variant="secondary" loading={steps.isFetchingNextPage} onClick={() => void steps.fetchNextPage()}>
                  Load more
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}

/** The facet list, with the current choice kept even when the facet has gone (a deep link). */
function withCurrent(values: string[] | undefined, current: string): string[] {
  const list = values ?? [];
  return current && !list.includes(current) ? [current, ...list] : list;
}

function StepsTable({ steps }: { steps: LibraryStep[] }) {
  return (
    <Table label="Steps">
      <THead>
        <Th>Step</Th>
        <Th>Kind</Th>
        <Th>Rating</Th>
        <Th>Verified uses</Th>
        <Th>Flags</Th>
      </THead>
      <TBody>
        {steps.map((s) => (
          <Tr key={s.id} data-testid="step-row" data-step-id={s.id}>
            <Td className="max-w-md">
              <Link to={`/steps/${s.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                {s.title}
              </Link>
              {s.snippet && <Snippet text={s.snippet} className="mt-0.5 block truncate text-xs text-slate-500" />}
              {(s.tags.length > 0 || s.category || s.team_name) && (
                <p className="mt-0.5 truncate text-xs text-slate-500">
                  {[s.category, s.team_name, ...s.tags.map((t) => `#${t}`)].filter(Boolean).join(" · ")}
                </p>
              )}
            </Td>
            <Td>
              <KindBadge kind={s.kind} />
            </Td>
            <Td>
              <Stars avg={s.rating_avg} count={s.rating_count} />
            </Td>
            <Td>
              <VerifiedBadge uses={s.verified_uses} />
            </Td>
            <Td>{s.open_flags > 0 ? <FlagsBadge open={s.open_flags} /> : <span className="text-xs text-slate-400">None</span>}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
