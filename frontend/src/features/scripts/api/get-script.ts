/** GET /scripts/{id} — shared with the session runner's script card, so it lives in lib/scripts. */
export { scriptQuery, useScript } from "@/lib/scripts";
