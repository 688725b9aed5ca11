import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { confirmPasswordError, newPasswordError, PASSWORD_HINT } from "@/lib/password";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useChangePassword } from "../api/change-password";

export function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const change = useChangePassword();
  const toast = useToast();

  const problem = change.error ? toProblem(change.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const errors = {
    current: submitted && !current ? "Enter your current password." : server.current_password,
    next: (submitted ? newPasswordError(next) : undefined) ?? server.new_password,
    confirm: submitted ? confirmPasswordError(next, confirm) : undefined,
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!current || newPasswordError(next) || confirmPasswordError(next, confirm)) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          setConfirm("");
          setSubmitted(false);
          toast.show("Password changed. Your other devices were signed out and your API tokens were revoked.");
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="password-form-title">
      <h2 id="password-form-title" className="text-sm font-semibold text-slate-900">
        Change password
      </h2>
      <FormError message={problem ? formMessage(problem, ["current_password", "new_password"]) : null} />
      <InputField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={errors.current}
      />
      <InputField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        hint={PASSWORD_HINT}
        error={errors.next}
      />
      <InputField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={errors.confirm}
      />
      <Button type="submit" loading={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
