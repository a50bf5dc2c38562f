// Host names where the content script runs by itself (manifest), and where a cross-origin frame may answer
// for itself. Kept equal to PORTAL_HOST_PATTERNS in wxt.config.ts (a unit test compares them).

export const PORTAL_HOST_SUFFIXES = ['.onetrust.com', '.service-now.com', '.servicenowservices.com', '.processunity.net'] as const;

export function isPortalHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return PORTAL_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) || host === suffix.slice(1));
}
