import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime, plural } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { type SignIn, useSignIns, useSignOutDevice, useSignOutOthers } from "../api/sign-ins";

/** Profile → Signed-in devices: each browser or device signed in as you, this one marked. */
export function SignInsSection() {
  const signIns = useSignIns();
  const signOut = useSignOutDevice();
  const signOutOthers = useSignOutOthers();
  const toast = useToast();
  const [target, setTarget] = useState<SignIn | null>(null);
  const [othersOpen, setOthersOpen] = useState(false);
  const others = signIns.data?.items.filter((s) => !s.current).length ?? 0;

  return (
    <section aria-labelledby="sign-ins-heading">
      <div className="mb-3 flex items-center justify-between gap-4">
        <div>
          <h2 id="sign-ins-heading" className="text-base font-semibold text-slate-900">
            Signed-in devices
          </h2>
          <p className="text-sm text-slate-600">Browsers and devices signed in as you. Sign out any you don't recognise.</p>
        </div>
        {others > 0 && (
          <Button variant="secondary" onClick={() => setOthersOpen(true)}>
            Sign out all others
          </Button>
        )}
      </div>
      {signIns.isPending ? (
        <LoadingBlock label="Loading signed-in devices" />
      ) : signIns.isError ? (
        <ErrorState error={signIns.error} onRetry={() => void signIns.refetch()} />
      ) : signIns.data.items.length === 0 ? (
        <EmptyState title="No signed-in devices">You are using a token that is not a browser sign-in.</EmptyState>
      ) : (
        <Table label="Signed-in devices">
          <THead>
            <Th>Device</Th>
            <Th>IP address</Th>
            <Th>Signed in</Th>
            <Th>Last seen</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {signIns.data.items.map((s) => (
              <Tr key={s.id} data-testid="sign-in-row">
                <Td className="max-w-xs truncate text-slate-900" title={s.user_agent ?? undefined}>
                  {s.user_agent || "Unknown device"} {s.current && <Badge tone="green">This device</Badge>}
                </Td>
                <Td>{s.ip ?? "—"}</Td>
                <Td>{formatDateTime(s.created_at)}</Td>
                <Td>{formatDateTime(s.last_seen_at)}</Td>
                <Td className="text-right">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Sign out ${s.current ? "this device" : (s.user_agent ?? "device")}`}
                    onClick={() => setTarget(s)}
                  >
                    Sign out
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={target !== null}
        title={target?.current ? "Sign out here?" : "Sign out this device?"}
        confirmLabel="Sign out"
        danger
        pending={signOut.isPending}
        error={signOut.error ? errorMessage(signOut.error) : null}
        onConfirm={() => {
          if (!target) return;
          signOut.mutate(target, {
            onSuccess: () => {
              toast.show("Device signed out.");
              setTarget(null);
            },
          });
        }}
        onClose={() => {
          signOut.reset();
          setTarget(null);
        }}
      >
        <p>
          {target?.current
            ? "You will be signed out here and need to sign in again."
            : `“${target?.user_agent ?? "This device"}” will be signed out at once.`}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={othersOpen}
        title="Sign out all other devices?"
        confirmLabel="Sign out others"
        danger
        pending={signOutOthers.isPending}
        error={signOutOthers.error ? errorMessage(signOutOthers.error) : null}
        onConfirm={() =>
          signOutOthers.mutate(undefined, {
            onSuccess: (r) => {
              toast.show(`${plural(r.revoked, "device")} signed out.`);
              setOthersOpen(false);
            },
          })
        }
        onClose={() => {
          signOutOthers.reset();
          setOthersOpen(false);
        }}
      >
        <p>
          Every other browser and device signed in as you ({plural(others, "device")}) will be signed out at once. This one
          stays signed in.
        </p>
      </ConfirmDialog>
    </section>
  );
}
