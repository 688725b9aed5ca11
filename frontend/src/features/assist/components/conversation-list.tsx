/** The left column: your conversations, searchable (debounced), newest first. */
import { useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { formatDateTime, plural } from "@/lib/format";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useConversations } from "../api/list-conversations";

export function ConversationList({ activeId, onNew }: { activeId: string | undefined; onNew: () => void }) {
  const [q, setQ] = useState("");
  const debounced = useDebouncedValue(q.trim(), 300);
  const list = useConversations(debounced);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <aside aria-label="Conversations" className="flex min-h-0 flex-col rounded-lg bg-white ring-1 ring-slate-200">
      <div className="space-y-2 border-b border-slate-100 p-3">
        <Button className="w-full" onClick={onNew}>
          New conversation
        </Button>
        <label className="block">
          <span className="sr-only">Search conversations</span>
          <Input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search conversations"
            aria-label="Search conversations"
            className="w-full"
          />
        </label>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2" aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <div className="flex justify-center py-6">
            <Spinner label="Loading conversations" />
          </div>
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} title="Couldn't load conversations" />
        ) : items.length === 0 ? (
          <p className="px-2 py-6 text-center text-sm text-slate-500">
            {debounced ? `No conversations match “${debounced}”.` : "No conversations yet. Ask your first question."}
          </p>
        ) : (
          <ul aria-label="Conversation list" className="space-y-0.5">
            {items.map((c) => (
              <li key={c.id}>
                <Link
                  to={`/assist/${c.id}`}
                  aria-current={c.id === activeId ? "page" : undefined}
                  className={cn(
                    "block rounded-md px-2.5 py-2 focus-visible:outline-2 focus-visible:outline-indigo-500",
                    c.id === activeId ? "bg-indigo-50" : "hover:bg-slate-50",
                  )}
                >
                  <span className={cn("block truncate text-sm font-medium", c.id === activeId ? "text-indigo-800" : "text-slate-800")}>{c.title}</span>
                  <span className="block text-xs text-slate-500">
                    {plural(c.message_count, "message")} · {formatDateTime(c.updated_at)}
                    {c.session_id && " · session"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <Button variant="ghost" size="sm" className="mt-2 w-full" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Load more
          </Button>
        )}
      </div>
    </aside>
  );
}
