import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import type { User } from "../api/list-users";
import { useSignOutEverywhere } from "../api/sign-out-everywhere";

/** Confirms signing a person out on every device (a lost laptop, a shared browser). */
export function SignOutEverywhereDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const signOut = useSignOutEverywhere();
  const toast = useToast();
  return (
    <ConfirmDialog
      open
      title={`Sign ${user.name} out everywhere?`}
      confirmLabel="Sign out everywhere"
      danger
      pending={signOut.isPending}
      error={signOut.error ? errorMessage(signOut.error) : null}
      onConfirm={() =>
        signOut.mutate(user.id, {
          onSuccess: () => {
            toast.show(`${user.name} was signed out everywhere.`);
            onClose();
          },
        })
      }
      onClose={onClose}
    >
      <p>
        {user.email} will be signed out on every browser and device at once and must sign in again. Their personal API
        tokens keep working.
      </p>
    </ConfirmDialog>
  );
}
