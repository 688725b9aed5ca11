import { useCurrentUser } from "./current-user";
import { hasRole, type Role } from "./roles";

/** True when the signed-in person has at least `minimum` (false while unknown). */
export function useHasRole(minimum: Role): boolean {
  const { data } = useCurrentUser();
  return hasRole(data?.role, minimum);
}
