// Whether the browser keeps the library under storage pressure, and how much space it uses.
import { formatBytes, type StorageStatus } from '../../lib/db/storage';

export function StorageLine({ status }: { status: StorageStatus | undefined }) {
  if (!status) return null;
  const persisted =
    status.persisted === true
      ? 'Storage is persistent: the browser will not clear the library on its own.'
      : status.persisted === false
        ? 'Storage is not persistent: the browser may clear the library when disk space runs low. Keep an export.'
        : 'This browser does not report whether storage is persistent.';
  const usage =
    status.usageBytes !== null ? ` Using ${formatBytes(status.usageBytes)}${status.quotaBytes !== null ? ` of ${formatBytes(status.quotaBytes)}` : ''}.` : '';
  return (
    <p className="library-storage" data-persisted={String(status.persisted)}>
      {persisted}
      {usage}
    </p>
  );
}
