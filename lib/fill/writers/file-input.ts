// Attachment inputs are detected (and tied to their question) but never filled: a file is the analyst's to pick.
import type { FieldWriter } from '../types';
import { FillRefusedError } from '../fill-errors';

export const fileWriter: FieldWriter = {
  id: 'file',
  read(el) {
    const files = (el as HTMLInputElement).files;
    return files && files.length > 0 ? Array.from(files, (f) => f.name).join(', ') : null;
  },
  async write() {
    throw new FillRefusedError('file inputs are never filled; attach the file by hand');
  },
};
