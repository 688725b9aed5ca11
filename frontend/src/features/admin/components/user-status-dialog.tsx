import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import type { User } from "../api/list-users";
import { useUpdateUser } from "../api/update-user";

/** Confirms deactivating (or reactivating) a person. */
export function UserStatusDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const update = useUpdateUser();
  const toast = useToast();
  const deactivate = user.is_active;

  function onConfirm() {
    update.mutate(
      { id: user.id, body: { is_active: !deactivate } },
      {
        onSuccess: () => {
          toast.show(deactivate ? `${user.name} was deactivated.` : `${user.name} was reactivated.`);
          onClose();
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open
      title={deactivate ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}
      confirmLabel={deactivate ? "Deactivate" : "Reactivate"}
      danger={deactivate}
      pending={update.isPending}
      error={update.error ? errorMessage(update.error) : null}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        {deactivate
          ? `${user.email} will be signed out everywhere and can't sign in or use API tokens until reactivated. Their history stays.`
          : `${user.email} will be able to sign in again with their existing password.`}
      </p>
    </ConfirmDialog>
  );
}
