// The offline web page as one HTML text: the browser bundle and its stylesheet inline, the protocol
// embedded as JSON, and a Content Security Policy that allows exactly those two inline blocks (by
// hash) and nothing else: no network, no other script, style, font, image or frame. Pure: the
// caller supplies the hash function (node:crypto at the CLI edge).
import type { Protocol } from '../model/core.js';

/** The `id` of the `<script type="application/json">` element that holds the data. */
export const DATA_ID = 'convenant-data';

/** What the page embeds: the protocol after it passed validation, and what names it. */
export interface WebData {
  protocol: Protocol;
  /** sha256 of the protocol files, as `incident --format json` reports it. */
  sha256: string;
  /** The convenant version that exported the page. */
  tool: string;
}

export interface PageParts {
  data: WebData;
  /** The browser bundle (an IIFE). */
  script: string;
  style: string;
  /** Base64 of the SHA-256 of a UTF-8 text. */
  sha256Base64: (text: string) => string;
}

/** JSON that can sit inside a `<script>` element: nothing in it can close the element or open a comment. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The policy: only the page's own inline script and style, by hash. */
export function contentSecurityPolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    `style-src 'sha256-${styleHash}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderPage(parts: PageParts): string {
  const { data, script, style } = parts;
  // Inline blocks end at the first "</script" or "</style"; the bundle and stylesheet must not hold one.
  if (/<\/script/i.test(script)) throw new Error('the browser bundle contains "</script"');
  if (/<\/style/i.test(style)) throw new Error('the stylesheet contains "</style"');
  const meta = data.protocol.meta;
  const csp = contentSecurityPolicy(parts.sha256Base64(script), parts.sha256Base64(style));
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="convenant ${escapeHtml(data.tool)}">
<title>Wat moet ik nu doen? · ${escapeHtml(meta.title)}</title>
<style>${style}</style>
</head>
<body>
<header class="site">
<p class="site-title">Wat moet ik nu doen?</p>
<p class="site-sub">${escapeHtml(meta.title)} · ${escapeHtml(meta.region)} · versie ${escapeHtml(meta.version)}</p>
</header>
<div id="nu" class="nu" aria-live="assertive" aria-atomic="true"></div>
<main id="main" tabindex="-1">
<noscript><p class="noscript">Deze pagina heeft JavaScript nodig om de vragen te stellen. Is er acuut gevaar: <strong>bel 112</strong>.</p></noscript>
</main>
<footer class="site">
<p>Deze pagina werkt zonder internet. Ze bewaart niets en verstuurt niets: je antwoorden verdwijnen als je de pagina sluit. Het advies vervangt je eigen oordeel niet. Is er acuut gevaar: <strong>bel 112</strong>.</p>
</footer>
<script type="application/json" id="${DATA_ID}">${embedJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
