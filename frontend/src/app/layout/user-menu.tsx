/**
 * The user menu (menu button pattern): a button named "User menu" opens a role="menu" with
 * menuitems Profile, API tokens and Sign out, under the person's name, email and role.
 * Arrow keys/Home/End move between items, Escape closes and returns focus to the button, Tab
 * or a click outside closes it.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useLogout } from "@/features/auth/api/logout";
import type { CurrentUser } from "@/lib/current-user";
import { roleLabel } from "@/lib/roles";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

export function UserMenu({ me }: { me: CurrentUser }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const navigate = useNavigate();
  const logout = useLogout();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    function onDown(e: MouseEvent) {
      if (wrapRef.current && !wrapRef.current.contains(e.target as Node)) setOpen(false);
    }
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }

  function go(path: string) {
    close(false);
    navigate(path);
  }

  function signOut() {
    close(false);
    // The guard sends a signed-out person to /sign-in; navigating too covers a slow unmount.
    logout.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) });
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const list = items();
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
    if (next !== null) {
      e.preventDefault();
      list[next]?.focus();
    }
  }

  function onButtonKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
    }
  }

  const itemClass =
    "block w-full cursor-pointer rounded px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";

  return (
    <div ref={wrapRef} className="relative">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-label="User menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKeyDown}
        className="flex items-center gap-2 rounded-md px-1.5 py-1 hover:bg-slate-100"
      >
        <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700">
          {initials(me.name)}
        </span>
        <span aria-hidden="true" className="hidden text-sm text-slate-700 sm:inline">
          {me.name}
        </span>
        <span aria-hidden="true" className="text-xs text-slate-400">
          ▾
        </span>
      </button>
      {open && (
        <div className="absolute right-0 z-40 mt-1 w-60 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-900/10">
          <div className="border-b border-slate-100 px-2 pt-1.5 pb-2">
            <p className="truncate text-sm font-medium text-slate-900">{me.name}</p>
            <p className="truncate text-xs text-slate-500">{me.email}</p>
            <p className="mt-0.5 text-xs text-slate-500">{roleLabel(me.role)}</p>
          </div>
          <ul id={menuId} ref={menuRef} role="menu" aria-labelledby={buttonId} className="pt-1" onKeyDown={onMenuKeyDown}>
            <li role="none">
              <button type="button" role="menuitem" tabIndex={-1} className={itemClass} onClick={() => go("/profile")}>
                Profile
              </button>
            </li>
            <li role="none">
              <button type="button" role="menuitem" tabIndex={-1} className={itemClass} onClick={() => go("/tokens")}>
                API tokens
              </button>
            </li>
            <li role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={itemClass}
                onClick={signOut}
                disabled={logout.isPending}
              >
                Sign out
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
