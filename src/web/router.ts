/**
 * A small History-API router: internal links change the page without a reload, Back and Forward work, and
 * every page has a real URL the server answers (src/http/static.ts lists them).
 */
import { useEffect, useState } from 'preact/hooks';

export interface Loc {
  path: string;
  params: URLSearchParams;
  hash: string;
}

const listeners = new Set<() => void>();
const current = (): Loc => ({ path: location.pathname, params: new URLSearchParams(location.search), hash: location.hash });

export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listeners.forEach((l) => l());
  if (!replace) window.scrollTo(0, 0);
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = (): void => setLoc(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return loc;
}

/** Sends same-origin link clicks through the router; modified clicks and downloads behave as usual. */
export function interceptLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (a.pathname.startsWith('/v1/') || a.pathname === '/openapi.json') return;
    e.preventDefault();
    navigate(a.pathname + a.search + a.hash);
  });
}
