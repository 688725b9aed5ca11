/** GET /scripts?q= — shared with the flow editor's script picker, so it lives in lib/scripts. */
export { scriptsQuery, useScripts } from "@/lib/scripts";
