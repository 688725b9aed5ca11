import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type UpdateAccountInput = RequestBody<"/api/v1/account", "patch">;

const PII_FIELDS = ["redact_emails", "redact_phones", "redact_ip_addresses"] as const;

/** Rename the account, or change its publishing policy or PII redaction (team admin+). */
export function useUpdateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccountInput) => unwrap(api.PATCH("/api/v1/account", { body })),
    onSuccess: (account, body) => {
      qc.setQueryData(queryKeys.account, account);
      const redactionChanged = PII_FIELDS.some((f) => f in body);
      return Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.account, exact: true }),
        // The header (and profile/home) show `account_name` from GET /me.
        qc.invalidateQueries({ queryKey: queryKeys.me, exact: true }),
        // What gets redacted changed: documentation and redaction previews are stale.
        ...(redactionChanged
          ? [qc.invalidateQueries({ queryKey: queryKeys.sessions.all }), qc.invalidateQueries({ queryKey: ["redaction-preview"] }), qc.invalidateQueries({ queryKey: ["account", "note-template", "preview"] })]
          : []),
      ]);
    },
  });
}
