// The bundle's entry (dist/convenant.cjs): bin/convenant.cjs calls run(), which is every command
// (bin answers a bare --version itself, before it loads the bundle). registerAddWorker is what a
// worker thread of `register add` calls after requiring the same file.
export { run } from './main.js';

export async function registerAddWorker(): Promise<void> {
  (await import('./commands/register-run.js')).registerAddWorker();
}
