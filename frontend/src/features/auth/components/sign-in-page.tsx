import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { AuthLayout } from "@/components/auth-layout";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { useAuth } from "@/lib/auth-store";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { ssoErrorMessage, ssoStartUrl, useSsoDiscovery } from "../api/discover-sso";
import { useLogin } from "../api/login";

const FIELDS = ["email", "password"] as const;

export function SignInPage() {
  const { reason } = useAuth();
  const login = useLogin();
  const [params] = useSearchParams();
  const ssoError = params.get("sso_error");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // A super admin of an account that requires single sign-on may still use a password (break-glass).
  const [usePassword, setUsePassword] = useState(false);
  const typed = useDebouncedValue(email.trim(), 300);
  const discovery = useSsoDiscovery(typed);
  const sso = discovery.data?.sso && typed === email.trim() ? discovery.data : null;
  const passwordHidden = sso !== null && !sso.password_allowed && !usePassword;

  const problem = login.error ? toProblem(login.error) : null;
  const errors = problem ? fieldErrors(problem) : {};

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (passwordHidden && sso) {
      window.location.assign(ssoStartUrl(sso, email.trim()));
      return;
    }
    login.mutate({ email: email.trim(), password });
  }

  return (
    <AuthLayout title="Sign in to ResolutionFlow">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {reason === "expired" && !problem && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
            Your session ended. Sign in again to continue.
          </p>
        )}
        {ssoError && !problem && <FormError message={ssoErrorMessage(ssoError)} />}
        <FormError message={problem ? formMessage(problem, FIELDS) : null} />
        <InputField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        {sso && (
          <a href={ssoStartUrl(sso, email.trim())} className={buttonClasses("primary", "md", "w-full")}>
            Sign in with {sso.display_name}
          </a>
        )}
        {passwordHidden ? (
          <p className="text-sm text-slate-600">
            Your organisation signs in with {sso?.display_name}; passwords are not used.{" "}
            <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={() => setUsePassword(true)}>
              Administrator? Use a password
            </button>
          </p>
        ) : (
          <>
            {sso && <p className="text-center text-xs text-slate-500">or with your password</p>}
            <InputField
              label="Password"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password}
            />
            <Button type="submit" variant={sso ? "secondary" : "primary"} className="w-full" loading={login.isPending}>
              Sign in
            </Button>
          </>
        )}
      </form>
    </AuthLayout>
  );
}
