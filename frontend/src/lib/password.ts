/** Client-side checks for new passwords; the server has the final word (e.g. common passwords). */
export const MIN_PASSWORD_LENGTH = 12;
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A short phrase is easier to remember.`;

export function newPasswordError(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (${password.length} so far).`;
  }
  return undefined;
}

export function confirmPasswordError(password: string, confirm: string): string | undefined {
  return password === confirm ? undefined : "The passwords don't match.";
}
