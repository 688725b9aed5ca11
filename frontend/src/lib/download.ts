import { ApiError, parseProblem } from "./problem";

/** Saving a downloaded response to a file, named the way the server suggests. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Throws the problem for an error response; otherwise saves the blob under the server's name. */
export async function downloadResponse(
  result: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<string> {
  const { data, error, response } = await result;
  if (!response.ok) throw new ApiError(parseProblem(response, error));
  const blob = data instanceof Blob ? data : new Blob([JSON.stringify(data)], { type: "application/json" });
  const name = filenameFromDisposition(response.headers.get("Content-Disposition"), fallbackName);
  saveBlob(blob, name);
  return name;
}
