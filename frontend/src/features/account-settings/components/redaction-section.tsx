/**
 * "Redaction": personal data the account also redacts from ticket notes, shares and exports.
 * Each box saves on change (optimistic; back to the saved value if the change fails).
 */
import { useId } from "react";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import type { Account } from "../api/get-account";
import { useUpdateAccount } from "../api/update-account";

type PiiField = "redact_emails" | "redact_phones" | "redact_ip_addresses";

const OPTIONS: { field: PiiField; label: string; what: string }[] = [
  { field: "redact_emails", label: "Also redact email addresses", what: "Email addresses" },
  { field: "redact_phones", label: "Also redact phone numbers", what: "Phone numbers" },
  { field: "redact_ip_addresses", label: "Also redact IP addresses", what: "IP addresses" },
];

export function RedactionSection({ account }: { account: Account }) {
  const titleId = useId();
  const hintId = useId();
  return (
    <section className="space-y-4" aria-labelledby={titleId}>
      <div className="space-y-0.5">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Redaction
        </h2>
        <p id={hintId} className="text-xs text-slate-500">
          Passwords, keys and tokens are always redacted; these add personal data to what ticket notes, share links and exports leave out.
        </p>
      </div>
      <div className="space-y-3">
        {OPTIONS.map((o) => (
          <PiiToggle key={o.field} account={account} describedBy={hintId} {...o} />
        ))}
      </div>
    </section>
  );
}

function PiiToggle({ account, field, label, what, describedBy }: { account: Account; field: PiiField; label: string; what: string; describedBy: string }) {
  // One mutation per box, so changing two boxes quickly doesn't make one wait for the other.
  const update = useUpdateAccount();
  const toast = useToast();
  const id = useId();
  const requested = update.isPending ? update.variables[field] : undefined;
  const checked = requested ?? account[field] ?? false;

  function onChange(next: boolean) {
    update.mutate(
      { [field]: next },
      {
        onSuccess: (saved) => toast.show(saved[field] ? `${what} will now be redacted.` : `${what} are no longer redacted.`),
        onError: (error) => toast.show(`Couldn't change redaction: ${errorMessage(error)}`, "error"),
      },
    );
  }

  return (
    <div className="flex items-center gap-3">
      <input
        id={id}
        type="checkbox"
        className="size-4 rounded border-slate-300 accent-indigo-600"
        checked={checked}
        disabled={update.isPending}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
    </div>
  );
}
