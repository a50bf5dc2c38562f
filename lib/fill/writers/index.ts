// Every widget writer, looked up by RawQuestion.writer / DetectedQuestion.writer.
import type { FieldWriter } from '../types';

export const fieldWriters: FieldWriter[] = [];

export function findWriter(id: string): FieldWriter | undefined {
  return fieldWriters.find((w) => w.id === id);
}
