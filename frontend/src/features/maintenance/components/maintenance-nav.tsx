/** The three parts of Maintenance, as links under each page's title. */
import { NavLink } from "react-router";
import { cn } from "@/lib/cn";

const PARTS = [
  { to: "/maintenance", label: "Schedules", end: true },
  { to: "/maintenance/batches", label: "Batches", end: false },
  { to: "/maintenance/target-lists", label: "Target lists", end: false },
];

export function MaintenanceNav() {
  return (
    <nav aria-label="Maintenance" className="mb-5 flex gap-1 border-b border-slate-200">
      {PARTS.map((p) => (
        <NavLink
          key={p.to}
          to={p.to}
          end={p.end}
          className={({ isActive }) =>
            cn(
              "-mb-px border-b-2 px-3 pt-1 pb-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500",
              isActive ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )
          }
        >
          {p.label}
        </NavLink>
      ))}
    </nav>
  );
}
