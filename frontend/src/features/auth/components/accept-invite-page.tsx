import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { AuthLayout } from "@/components/auth-layout";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { roleLabel } from "@/lib/roles";
import { formatDateTime } from "@/lib/format";
import { newPasswordError, PASSWORD_HINT } from "@/lib/password";
import { ApiError, fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useAcceptInvite } from "../api/accept-invite";
import { type InvitePreview, useInvite } from "../api/get-invite";

export function AcceptInvitePage() {
  const { token = "" } = useParams();
  const invite = useInvite(token);

  if (invite.isPending) {
    return (
      <AuthLayout title="Join ResolutionFlow">
        <LoadingBlock label="Checking your invite" />
      </AuthLayout>
    );
  }
  if (invite.isError) {
    const status = invite.error instanceof ApiError ? invite.error.status : 0;
    if (status === 404 || status === 410) {
      return (
        <AuthLayout title={status === 410 ? "This invite can't be used any more" : "Invite not found"}>
          <p className="text-sm text-slate-600">
            {status === 410
              ? "It has expired, was already used, or was revoked. Ask your admin to send you a new invite."
              : "The link may be incomplete or mistyped. Check that you copied the whole link, or ask your admin for a new invite."}
          </p>
          <Link to="/sign-in" className={buttonClasses("secondary", "md", "mt-5 w-full")}>
            Go to sign in
          </Link>
        </AuthLayout>
      );
    }
    return (
      <AuthLayout title="Join ResolutionFlow">
        <ErrorState error={invite.error} onRetry={() => void invite.refetch()} title="Couldn't check your invite" />
      </AuthLayout>
    );
  }
  return <AcceptInviteForm token={token} invite={invite.data} />;
}

function AcceptInviteForm({ token, invite }: { token: string; invite: InvitePreview }) {
  const navigate = useNavigate();
  const accept = useAcceptInvite(token);
  const [name, setName] = useState(invite.name ?? "");
  const [password, setPassword] = useState("");
  const [touched, setTouched] = useState(false);

  const clientError = touched ? newPasswordError(password) : undefined;
  const problem = accept.error ? toProblem(accept.error) : null;
  const errors = problem ? fieldErrors(problem) : {};

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (newPasswordError(password)) return;
    accept.mutate(
      { password, name: name.trim() || undefined },
      { onSuccess: () => navigate("/", { replace: true }) },
    );
  }

  return (
    <AuthLayout
      title={`Join ${invite.account_name}`}
      subtitle={
        <>
          You're invited as <strong className="font-medium text-slate-700">{roleLabel(invite.role)}</strong>. This invite
          expires {formatDateTime(invite.expires_at)}.
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={problem ? formMessage(problem, ["name", "password"]) : null} />
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">Email</p>
          <p className="text-sm text-slate-900">{invite.email}</p>
        </div>
        <InputField
          label="Name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <InputField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          onBlur={() => password && setTouched(true)}
          hint={PASSWORD_HINT}
          error={clientError ?? errors.password}
        />
        <Button type="submit" className="w-full" loading={accept.isPending}>
          Create account and sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
