import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { FormError, InputField, SelectField, TextareaField } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useSaveSecurity, useSecurity } from "../api/security";
import { type SsoConfig, type SsoInput, useDeleteSso, useSaveSso, useSso } from "../api/sso";

const FIELDS = ["issuer", "client_id", "client_secret", "domains", "default_role", "display_name"] as const;

const ROLES = [
  { value: "viewer", label: "Viewer" },
  { value: "engineer", label: "Engineer" },
  { value: "team_admin", label: "Team admin" },
] as const;

/** Account settings → Single sign-on: the account's OpenID Provider (Microsoft Entra ID, Google, Okta...). */
export function SsoSection() {
  const sso = useSso();
  return (
    <section className="space-y-4" aria-labelledby="sso-title">
      <h2 id="sso-title" className="text-sm font-semibold text-slate-900">
        Single sign-on
      </h2>
      {sso.isPending ? (
        <LoadingBlock label="Loading single sign-on" />
      ) : sso.isError ? (
        <ErrorState error={sso.error} onRetry={() => void sso.refetch()} />
      ) : (
        <>
          {!sso.data.configured && (
            <p className="text-sm text-slate-600">
              Not set up: everyone signs in with a password. Register ResolutionFlow with your identity provider
              (see docs/sso.md), then fill in what it gives you.
            </p>
          )}
          <SsoForm saved={sso.data} />
          {sso.data.configured && <RequiredToggle />}
          {sso.data.configured && <TurnOff />}
        </>
      )}
    </section>
  );
}

/** Field errors of the domain list: `domains` itself, or an index into it (["body", "domains", 1]). */
function domainsError(errors: Record<string, string>): string | undefined {
  const own = errors.domains;
  const indexed = Object.entries(errors)
    .filter(([key]) => /^\d+$/.test(key))
    .map(([, msg]) => msg);
  return [own, ...indexed].filter(Boolean).join(" ") || undefined;
}

function SsoForm({ saved }: { saved: SsoConfig }) {
  const [issuer, setIssuer] = useState(saved.issuer ?? "");
  const [clientId, setClientId] = useState(saved.client_id ?? "");
  const [secret, setSecret] = useState("");
  const [domains, setDomains] = useState(saved.domains.join("\n"));
  const [role, setRole] = useState<SsoInput["default_role"]>(saved.default_role ?? "engineer");
  const [displayName, setDisplayName] = useState(saved.display_name ?? "Microsoft");
  const save = useSaveSso();
  const toast = useToast();
  const problem = save.error ? toProblem(save.error) : null;
  const errors = problem ? fieldErrors(problem) : {};
  const shown = [...FIELDS, ...Object.keys(errors).filter((k) => /^\d+$/.test(k))];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body: SsoInput = {
      issuer: issuer.trim(),
      client_id: clientId.trim(),
      domains: domains
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      default_role: role,
      display_name: displayName.trim(),
      ...(secret ? { client_secret: secret } : {}),
    };
    save.mutate(body, {
      onSuccess: () => {
        setSecret("");
        toast.show("Single sign-on saved.");
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={problem ? formMessage(problem, shown) : null} />
      <CopyField label="Redirect URI (register this at your provider)" value={saved.redirect_uri} testId="sso-redirect-uri" />
      <div className="grid gap-4 md:grid-cols-2">
        <InputField
          label="Issuer URL"
          type="url"
          placeholder="https://login.microsoftonline.com/<tenant-id>/v2.0"
          value={issuer}
          onChange={(e) => setIssuer(e.target.value)}
          hint="Its discovery document is checked when you save."
          error={errors.issuer}
        />
        <InputField
          label="Client ID"
          autoComplete="off"
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          error={errors.client_id}
        />
        <InputField
          label="Client secret"
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          hint={saved.has_secret ? "A secret is stored; leave empty to keep it." : "Never shown again once saved."}
          error={errors.client_secret}
        />
        <InputField
          label="Button name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          hint={`The sign-in page shows “Sign in with ${displayName.trim() || "…"}”.`}
          error={errors.display_name}
        />
        <TextareaField
          label="Email domains"
          rows={3}
          value={domains}
          onChange={(e) => setDomains(e.target.value)}
          hint="One per line, e.g. contoso.com. People with these emails sign in here."
          error={domainsError(errors)}
        />
        <SelectField
          label="Role of new people"
          value={role}
          onChange={(e) => setRole(e.target.value as SsoInput["default_role"])}
          hint="Given to someone signing in for the first time."
          error={errors.default_role}
        >
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" loading={save.isPending}>
        Save single sign-on
      </Button>
    </form>
  );
}

/** "Require single sign-on": passwords refused, except a super admin's (the break-glass way in). */
function RequiredToggle() {
  const security = useSecurity();
  const save = useSaveSecurity();
  const toast = useToast();
  if (!security.data) return null;
  const current = security.data;
  const problem = save.error ? toProblem(save.error) : null;
  return (
    <div className="space-y-2 border-t border-slate-100 pt-4">
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={current.sso_required}
          disabled={save.isPending}
          onChange={(e) =>
            save.mutate(
              // The timeouts are replaced by this PUT: send them as they are.
              { idle_minutes: current.idle_minutes, absolute_hours: current.absolute_hours, sso_required: e.target.checked },
              {
                onSuccess: (s) =>
                  toast.show(s.sso_required ? "Passwords are now refused (super admins excepted)." : "Passwords are allowed again."),
              },
            )
          }
        />
        <span>
          <span className="font-medium">Require single sign-on</span>
          <span className="block text-slate-600">
            People of this account can no longer sign in with a password. A super admin still can, to get in when the
            provider is down.
          </span>
        </span>
      </label>
      <FormError message={problem ? formMessage(problem) : null} />
    </div>
  );
}

function TurnOff() {
  const [open, setOpen] = useState(false);
  const remove = useDeleteSso();
  const toast = useToast();
  return (
    <div className="border-t border-slate-100 pt-4">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Turn off single sign-on
      </Button>
      <ConfirmDialog
        open={open}
        title="Turn off single sign-on?"
        confirmLabel="Turn off"
        danger
        pending={remove.isPending}
        error={remove.error ? formMessage(toProblem(remove.error)) : null}
        onClose={() => setOpen(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              toast.show("Single sign-on is off. People sign in with passwords.");
            },
          })
        }
      >
        Passwords work again. People who only ever signed in with single sign-on have no password, so they cannot sign
        in until they are given one.
      </ConfirmDialog>
    </div>
  );
}
