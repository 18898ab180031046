/** The sentence to show a person for a failed call: the server's message, never a stack. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : 'Something went wrong';
}
