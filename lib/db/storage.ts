// Browser storage health: ask for persistent storage, report usage, and turn a full disk into a typed error
// with a message a person can act on (never swallowed).

/** Thrown when IndexedDB refuses a write because the browser's storage quota is used up. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(action: string, options?: { cause?: unknown }) {
    super(
      `The browser has no storage space left for this extension, so ${action} was not saved (nothing was changed). ` +
        'Free disk space or clear other site data, then try again.',
      options,
    );
  }
}

function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  // Dexie wraps the DOMException; the original is kept in `inner`.
  for (let depth = 0; current && depth < 5; depth++) {
    const named = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (named.name === 'QuotaExceededError' || named.name === 'StorageFullError') return true;
    current = named.inner ?? named.cause;
  }
  return false;
}

/** Runs a database write; a quota failure becomes a StorageFullError naming `action`. */
export async function withStorageErrors<T>(action: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StorageFullError) throw error;
    if (isQuotaError(error)) throw new StorageFullError(action, { cause: error });
    throw error;
  }
}

export interface StorageStatus {
  /** True when the browser promised not to evict this extension's data; null when the API is missing. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks the browser to keep this extension's data under storage pressure. Returns the resulting state. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const manager = storageManager();
  if (!manager?.persist) return null;
  if (manager.persisted && (await manager.persisted())) return true;
  return manager.persist();
}

export async function getStorageStatus(): Promise<StorageStatus> {
  const manager = storageManager();
  const persisted = manager?.persisted ? await manager.persisted() : null;
  const estimate = manager?.estimate ? await manager.estimate() : undefined;
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** "12.3 MB" style sizes for the UI and error messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
