/** The web interface: one page shell, a router, and the pages. Built by esbuild into dist/web/static/app.js. */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { AnalyticsPage, PayoutsPage } from './analytics.js';
import { AssessPage } from './assess-page.js';
import { CasePage } from './case-page.js';
import { CheckPage } from './check.js';
import { html } from './html.js';
import { interceptLinks, useLocation, type Loc } from './router.js';
import { SearchPage } from './search.js';

const NAV = [
  { href: '/search', label: 'Search', match: (p: string) => p === '/' || p === '/search' || p.startsWith('/case/') },
  { href: '/assess', label: 'Assess an incident', match: (p: string) => p === '/assess' },
  { href: '/check', label: 'Check a brief', match: (p: string) => p === '/check' },
  { href: '/analytics', label: 'Analytics', match: (p: string) => p === '/analytics' },
  { href: '/payouts', label: 'Who pays', match: (p: string) => p === '/payouts' },
];

function page(loc: Loc) {
  const m = /^\/case\/([^/]+)$/.exec(loc.path);
  if (m) return html`<${CasePage} id=${decodeURIComponent(m[1]!)} />`;
  if (loc.path === '/assess') return html`<${AssessPage} />`;
  if (loc.path === '/check') return html`<${CheckPage} />`;
  if (loc.path === '/analytics') return html`<${AnalyticsPage} />`;
  if (loc.path === '/payouts') return html`<${PayoutsPage} />`;
  if (loc.path === '/' || loc.path === '/search') return html`<${SearchPage} loc=${loc} />`;
  return html`<h1>Page not found</h1><p><a href="/search">Go to search</a></p>`;
}

function App() {
  const loc = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After a client-side navigation, move focus to the content so keyboard and screen-reader users land there.
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [loc.path]);
  return html`
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <a class="brand" href="/search">clearly</a>
      <nav aria-label="Main">
        ${NAV.map((n) => html`<a href=${n.href} aria-current=${n.match(loc.path) ? 'page' : undefined}>${n.label}</a>`)}
      </nav>
    </header>
    <main id="main" tabindex="-1" ref=${main}>${page(loc)}</main>
    <footer class="foot">
      <p><strong>Not legal advice.</strong> Research assistance from the cases in this store and the project's sourced rules; read the decisions before relying on them.</p>
      <p><a href="/openapi.json">API (OpenAPI)</a></p>
    </footer>`;
}

interceptLinks();
render(html`<${App} />`, document.getElementById('app')!);
