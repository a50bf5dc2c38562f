// Errors a writer throws before it changes anything; the fill engine reports them as `refused` with the message.

export class FillRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FillRefusedError';
  }
}

export function requireText(value: unknown, writer: string): string {
  if (value === null) return '';
  if (typeof value !== 'string') throw new FillRefusedError(`the ${writer} writer takes text, got a list of ${(value as unknown[]).length} labels`);
  return value;
}
