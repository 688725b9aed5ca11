/**
 * The bell in the app header (menu button pattern, like the user menu): the unread count, live
 * from the notification stream; the newest notifications, unread ones bold. Choosing one marks
 * it read and opens its link (a handoff's pickup screen); "Mark all read". Arrow keys/Home/End
 * move, Escape closes and returns focus to the button, Tab or a click outside closes.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { cn } from "@/lib/cn";
import { formatDateTime, formatTimeSince } from "@/lib/format";
import { type Notification, useNotifications } from "../api/list-notifications";
import { useMarkRead } from "../api/mark-read";
import { useNotificationStream } from "../hooks/use-notification-stream";

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  useNotificationStream(true);

  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const menuItems = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    // The first notification, or (while loading / with none) the menu itself, so keys work.
    if (!menuRef.current?.contains(document.activeElement) || document.activeElement === menuRef.current) {
      (menuItems()[0] ?? menuRef.current)?.focus();
    }
    function onDown(e: MouseEvent) {
      if (wrapRef.current && !wrapRef.current.contains(e.target as Node)) setOpen(false);
    }
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
    // Focus the first item once the menu is open (and again when the list arrives).
  }, [open, items.length]);

  function toggle() {
    if (!open) void notifications.refetch();
    setOpen((o) => !o);
  }

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }

  function choose(n: Notification) {
    close(false);
    if (n.read_at === null) markRead.mutate([n.id]);
    if (n.link.startsWith("/")) navigate(n.link);
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const list = menuItems();
    const index = list.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (e.key === "ArrowDown") next = (index + 1) % list.length;
    else if (e.key === "ArrowUp") next = (index - 1 + list.length) % list.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = list.length - 1;
    else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
      return;
    } else if (e.key === "Tab") {
      close(false);
      return;
    }
    if (next !== null && list.length > 0) {
      e.preventDefault();
      list[next]?.focus();
    }
  }

  function onButtonKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) void notifications.refetch();
      setOpen(true);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close(true);
    }
  }

  const itemClass = "block w-full cursor-pointer rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";

  return (
    <div ref={wrapRef} className="relative">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
        onKeyDown={onButtonKeyDown}
        className="relative grid size-8 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <span className="sr-only">Notifications{unread > 0 ? `, ${unread} unread` : ""}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
          <path d="M10 2a5 5 0 0 0-5 5v2.59l-.9 1.8A1 1 0 0 0 5 13h10a1 1 0 0 0 .9-1.45l-.9-1.8V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 18Z" />
        </svg>
        <span
          aria-hidden="true"
          data-testid="notification-count"
          data-count={unread}
          hidden={unread === 0}
          className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      </button>
      {open && (
        <div className="absolute right-0 z-40 mt-1 w-80 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-900/10">
          <div className="flex items-center justify-between border-b border-slate-100 px-2 pt-1 pb-2">
            <p className="text-sm font-medium text-slate-900">Notifications</p>
            <p className="text-xs text-slate-500">{unread > 0 ? `${unread} unread` : "All read"}</p>
          </div>
          <ul id={menuId} ref={menuRef} role="menu" aria-labelledby={buttonId} tabIndex={-1} className="max-h-96 overflow-y-auto pt-1 focus:outline-none" onKeyDown={onMenuKeyDown}>
            {notifications.isPending ? (
              <li role="none" className="px-2 py-3 text-sm text-slate-500">
                Loading…
              </li>
            ) : notifications.isError ? (
              <li role="none" className="px-2 py-3 text-sm text-red-700">
                Couldn't load notifications.
              </li>
            ) : items.length === 0 ? (
              <li role="none" className="px-2 py-3 text-sm text-slate-500">
                No notifications yet.
              </li>
            ) : (
              items.map((n) => (
                <li role="none" key={n.id}>
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    data-testid="notification-item"
                    data-unread={n.read_at === null}
                    className={cn(itemClass, n.read_at === null ? "text-slate-900" : "text-slate-600")}
                    onClick={() => choose(n)}
                  >
                    <span className={cn("block", n.read_at === null ? "font-semibold" : "font-normal")}>
                      {n.read_at === null && <span className="sr-only">Unread: </span>}
                      {n.title}
                    </span>
                    {n.body && <span className="block truncate text-xs text-slate-500">{n.body}</span>}
                    <time dateTime={n.created_at} title={formatDateTime(n.created_at)} className="block text-[11px] text-slate-400">
                      {formatTimeSince(n.created_at)}
                    </time>
                  </button>
                </li>
              ))
            )}
            {items.length > 0 && (
              <li role="none" className="mt-1 border-t border-slate-100 pt-1">
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  aria-disabled={unread === 0}
                  className={cn(itemClass, unread === 0 ? "cursor-default text-slate-400" : "text-indigo-700")}
                  onClick={() => unread > 0 && markRead.mutate(undefined)}
                >
                  Mark all read
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
