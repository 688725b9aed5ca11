import { NavLink } from "react-router";
import { ReviewCountBadge } from "@/features/proposals/components/review-count-badge";
import { useTicketDeskAvailable } from "@/features/tickets/api/get-desk";
import { cn } from "@/lib/cn";
import { hasRole } from "@/lib/roles";
import { groupedNavFor, NAV_ITEMS, type NavNeed } from "./nav-items";

const NOTHING: ReadonlySet<NavNeed> = new Set();
const PSA_TICKETS: ReadonlySet<NavNeed> = new Set<NavNeed>(["psa-tickets"]);

export function Sidebar({ role }: { role: string }) {
  // "Tickets" appears once the team's PSA is known to support them (viewers never ask).
  const tickets = useTicketDeskAvailable(hasRole(role, "engineer"));
  const groups = groupedNavFor(role, NAV_ITEMS, tickets ? PSA_TICKETS : NOTHING);
  return (
    <aside className="flex w-full shrink-0 flex-col border-b border-slate-200 bg-white md:min-h-screen md:w-56 md:border-r md:border-b-0">
      <div className="flex h-12 items-center gap-2 px-4">
        <span aria-hidden="true" className="grid size-6 place-items-center rounded bg-indigo-600 text-xs font-bold text-white">
          R
        </span>
        <span className="text-sm font-semibold tracking-tight text-slate-900">ResolutionFlow</span>
      </div>
      <nav aria-label="Main" className="flex-1 px-2 pb-4">
        {groups.map((g) => (
          <div key={g.group} className="mt-3 first:mt-1">
            {g.label && <h2 className="px-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{g.label}</h2>}
            <ul className="space-y-0.5">
              {g.items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === "/" || item.to === "/maintenance"}
                    className={({ isActive }) =>
                      cn(
                        "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium",
                        isActive ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                      )
                    }
                  >
                    {item.label}
                    {item.badge === "proposals" && <ReviewCountBadge />}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </aside>
  );
}
