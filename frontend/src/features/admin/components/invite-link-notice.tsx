import { CopyField } from "@/components/ui/copy-field";

/** After an invite is made or resent: a link to copy when SMTP didn't send it, else a confirmation. */
export function InviteLinkNotice({
  email,
  invite,
}: {
  email: string;
  invite: { invite_url?: string | null; emailed: boolean; expires_at?: string | null };
}) {
  if (invite.invite_url) {
    return (
      <div className="space-y-3">
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          SMTP isn't configured — copy this link and send it to {email}.
        </p>
        <CopyField label="Invite link" value={invite.invite_url} testId="invite-url" />
      </div>
    );
  }
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
      Invite emailed to {email}.
    </p>
  );
}
