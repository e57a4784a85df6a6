// Checks whether web links still answer: HEAD with redirects followed (GET where a server refuses
// HEAD), a time limit per link and a few links at a time. `fetch` is injected so tests can play a
// machine without network; the real one is Node's.

export interface LinkResult {
  url: string;
  ok: boolean;
  /** The final HTTP status, when the server answered. */
  status?: number;
  /** Where the redirects ended, when that is another address. */
  redirectedTo?: string;
  /** Why it failed without an HTTP answer, in Dutch. */
  problem?: string;
  /** The failure says nothing about the link: the machine could not reach any network. */
  offline?: boolean;
}

export type Fetch = (
  url: string,
  init: { method: string; redirect: 'follow'; signal: AbortSignal; headers: Record<string, string> },
) => Promise<{
  status: number;
  url: string;
  body?: { cancel(): Promise<void> } | null;
}>;

export interface LinkCheckOptions {
  fetch: Fetch;
  timeoutMs: number;
  /** Links checked at the same time. */
  concurrency?: number;
}

/** Error codes of a machine that has no route to the internet at all (not of one dead host). */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN']);

const HEADERS = { 'user-agent': 'convenant-sources-check' };

export async function checkLink(url: string, options: LinkCheckOptions): Promise<LinkResult> {
  try {
    let response = await request(url, 'HEAD', options);
    // Some servers do not implement HEAD, or refuse it; ask for the page itself.
    if (response.status === 405 || response.status === 501 || response.status === 403) response = await request(url, 'GET', options);
    const ok = response.status >= 200 && response.status < 400;
    return { url, ok, status: response.status, ...(response.url && response.url !== url ? { redirectedTo: response.url } : {}) };
  } catch (error) {
    return { url, ok: false, ...describeFailure(error, options.timeoutMs) };
  }
}

async function request(url: string, method: string, options: LinkCheckOptions) {
  const response = await options.fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs), headers: HEADERS });
  await response.body?.cancel().catch(() => undefined);
  return response;
}

function describeFailure(error: unknown, timeoutMs: number): { problem: string; offline?: boolean } {
  const e = error as { name?: string; cause?: { code?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.cause?.name === 'TimeoutError') {
    return { problem: `geen antwoord binnen ${Math.round(timeoutMs / 1000)} s` };
  }
  const code = e?.cause?.code;
  if (code && OFFLINE_CODES.has(code)) return { problem: code === 'ENOTFOUND' ? 'de naam van de site is niet te vinden' : 'geen netwerk', offline: true };
  if (code === 'ECONNREFUSED') return { problem: 'de server weigert de verbinding' };
  if (code && /CERT|SSL|TLS/.test(code)) return { problem: `het certificaat van de site klopt niet (${code})` };
  return { problem: code ? `verbinding mislukt (${code})` : 'verbinding mislukt' };
}

/** Checks every link, a few at a time; results in the order of `urls`. */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions): Promise<LinkResult[]> {
  const results = new Array<LinkResult>(urls.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < urls.length) {
      const i = nextIndex++;
      results[i] = await checkLink(urls[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, urls.length) }, worker));
  return results;
}

/** True when nothing answered and every failure looks like a machine without network. */
export function looksOffline(results: readonly LinkResult[]): boolean {
  return results.length > 0 && results.every((r) => !r.ok && r.offline === true);
}
