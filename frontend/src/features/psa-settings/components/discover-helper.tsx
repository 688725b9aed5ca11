/** "Discover from site" (ConnectWise): finds the API base URL from the site name and company id. */
import { type KeyboardEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/input";
import { fieldErrors, toProblem } from "@/lib/problem";
import { useDiscoverPsaSite } from "../api/discover-psa-site";
import { psaErrorMessage } from "../model/psa-errors";

export function DiscoverHelper({ companyId, onFound }: { companyId: string; onFound: (baseUrl: string) => void }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [site, setSite] = useState("");
  const discover = useDiscoverPsaSite();
  const problem = discover.error ? toProblem(discover.error) : null;
  const siteError = problem ? fieldErrors(problem).site : undefined;
  const canFind = site.trim() !== "" && companyId.trim() !== "";

  function find() {
    if (!canFind || discover.isPending) return;
    discover.mutate({ site: site.trim(), company_id: companyId.trim() }, { onSuccess: (found) => onFound(found.base_url) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    // Enter here finds the URL instead of submitting the settings form around it.
    if (e.key === "Enter") {
      e.preventDefault();
      find();
    }
  }

  return (
    <div className="space-y-2">
      <Button variant="ghost" size="sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Discover from site
      </Button>
      {open && (
        <div id={panelId} className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="psa-discover">
          <p className="text-xs text-slate-600">
            Give the address you sign in to ConnectWise at and fill in the Company ID above; the API URL is looked up and put in
            the base URL field.
          </p>
          <div className="flex flex-wrap items-end gap-2">
            <InputField
              label="ConnectWise site"
              className="min-w-64 flex-1"
              autoComplete="off"
              spellCheck={false}
              placeholder="na.myconnectwise.net"
              value={site}
              onChange={(e) => {
                setSite(e.target.value);
                if (discover.isError) discover.reset();
              }}
              onKeyDown={onKeyDown}
              error={siteError}
            />
            <Button variant="secondary" loading={discover.isPending} disabled={!canFind} onClick={find}>
              Find API URL
            </Button>
          </div>
          {!companyId.trim() && <p className="text-xs text-slate-500">Enter the Company ID first.</p>}
          <div role="status" aria-live="polite" data-testid="psa-discover-result" className="text-sm">
            {discover.data && !discover.isPending && (
              <p className="text-emerald-800">
                Found {discover.data.company_name ?? "the company"} (codebase {discover.data.codebase}). The base URL is filled in:{" "}
                <span className="font-mono text-xs break-all">{discover.data.base_url}</span>
              </p>
            )}
          </div>
          {discover.isError && !siteError && (
            <p role="alert" className="text-sm text-red-700">
              Couldn't discover the API URL: {psaErrorMessage(discover.error, ["site"])}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
