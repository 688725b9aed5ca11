/** "Settings" / "Usage" links shared by the two AI admin pages. */
import { NavLink } from "react-router";
import { cn } from "@/lib/cn";

const TABS = [
  { to: "/admin/ai", label: "Settings" },
  { to: "/admin/ai/usage", label: "Usage" },
] as const;

export function AITabs() {
  return (
    <nav aria-label="AI" className="mb-5 flex w-fit rounded-md bg-slate-100 p-0.5">
      {TABS.map((t) => (
        <NavLink
          key={t.to}
          to={t.to}
          end
          className={({ isActive }) =>
            cn("rounded px-3 py-1 text-sm font-medium", isActive ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")
          }
        >
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}
