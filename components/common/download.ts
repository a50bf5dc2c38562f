// Saves a Blob as a file through a temporary link (extension pages may not use the downloads API: no permission).
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the Blob URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
