/** Checks of the branding form, the same the server makes, so mistakes show before saving. */
export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_FOOTER = 200;
export const HEX = /^#[0-9a-fA-F]{6}$/;

export function colorError(value: string): string | null {
  if (value.trim() === "") return null;
  return HEX.test(value.trim()) ? null : "Use a colour like #1d4ed8 (# and six hex digits).";
}

export function footerError(value: string): string | null {
  if (value.length > MAX_FOOTER) return `Keep the footer to ${MAX_FOOTER} characters (it has ${value.length}).`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return "The footer is one line of text.";
  return null;
}

export function logoError(file: File): string | null {
  if (file.type !== "image/png" && file.type !== "image/jpeg") return "Choose a PNG or JPEG image.";
  if (file.size > MAX_LOGO_BYTES) return `The logo can be at most ${MAX_LOGO_BYTES / 1024} KB (this one is ${Math.ceil(file.size / 1024)} KB).`;
  if (file.size === 0) return "The file is empty.";
  return null;
}
