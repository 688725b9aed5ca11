import { type FormEvent, useState } from "react";
import { AuthLayout } from "@/components/auth-layout";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { useAuth } from "@/lib/auth-store";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useLogin } from "../api/login";

const FIELDS = ["email", "password"] as const;

export function SignInPage() {
  const { reason } = useAuth();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const problem = login.error ? toProblem(login.error) : null;
  const errors = problem ? fieldErrors(problem) : {};

  function onSubmit(e: FormEvent) {
    e.preventDefault();
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
        <Button type="submit" className="w-full" loading={login.isPending}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
