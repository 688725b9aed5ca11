/**
 * Screenshots and logs attached to a question or a FlowPilot intake, checked before they are
 * sent (the server checks again): at most 3, each up to 5 MiB, PNG/JPEG/GIF/WebP images or text
 * logs, sent as base64.
 */

export interface AttachmentInput {
  filename: string;
  content_type: string;
  data_base64: string;
}

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];
const TEXT_TYPES = ["application/json", "application/xml"];
const TEXT_EXTENSIONS = /\.(log|txt|text|csv|json|xml|ini|cfg|conf|yaml|yml|md|out|err)$/i;
export const ACCEPT = [...IMAGE_TYPES, "text/*", ...TEXT_TYPES, ".log", ".txt", ".csv", ".json", ".xml", ".ini", ".cfg", ".conf", ".yaml", ".yml", ".md"].join(",");

export interface PendingAttachment {
  key: string;
  file: File;
  contentType: string;
}

/** The type to send for a file, or null when it is neither an image we take nor a text log. */
export function contentTypeOf(file: Pick<File, "name" | "type">): string | null {
  const type = file.type.split(";")[0]!.trim().toLowerCase();
  if (IMAGE_TYPES.includes(type)) return type;
  if (type.startsWith("text/") || TEXT_TYPES.includes(type)) return type;
  // Logs often come without a type (or as application/octet-stream): go by the name.
  if (TEXT_EXTENSIONS.test(file.name)) return "text/plain";
  return null;
}

let counter = 0;

/** Adds what fits to `current`; says why anything else was left out. */
export function addAttachments(current: readonly PendingAttachment[], files: readonly File[]): { next: PendingAttachment[]; problems: string[] } {
  const next = [...current];
  const problems: string[] = [];
  for (const file of files) {
    const contentType = contentTypeOf(file);
    if (!contentType) {
      problems.push(`“${file.name}” isn't a screenshot (PNG, JPEG, GIF, WebP) or a text log.`);
    } else if (file.size > MAX_ATTACHMENT_BYTES) {
      problems.push(`“${file.name}” is larger than 5 MB.`);
    } else if (file.size === 0) {
      problems.push(`“${file.name}” is empty.`);
    } else if (next.length >= MAX_ATTACHMENTS) {
      problems.push(`At most ${MAX_ATTACHMENTS} files per message; “${file.name}” was left out.`);
    } else {
      next.push({ key: `${Date.now()}-${++counter}`, file, contentType });
    }
  }
  return { next, problems };
}

function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("Couldn't read the file."));
    reader.readAsDataURL(file);
  });
}

export async function encodeAttachment(a: PendingAttachment): Promise<AttachmentInput> {
  return { filename: a.file.name.slice(0, 200) || "attachment", content_type: a.contentType, data_base64: await base64Of(a.file) };
}
