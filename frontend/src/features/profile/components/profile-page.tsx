import { PageHeader } from "@/components/ui/page-header";
import { useCurrentUser } from "@/lib/current-user";
import { roleLabel } from "@/lib/roles";
import { NameForm } from "./name-form";
import { PasswordForm } from "./password-form";
import { SignInsSection } from "./sign-ins-section";

export function ProfilePage() {
  const { data: me } = useCurrentUser();
  if (!me) return null;
  return (
    <div>
      <PageHeader title="Profile" description={`${roleLabel(me.role)} in ${me.account_name}`} />
      <div className="grid max-w-3xl gap-6 md:grid-cols-2">
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <NameForm me={me} />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <PasswordForm />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200 md:col-span-2">
          <SignInsSection />
        </div>
      </div>
    </div>
  );
}
