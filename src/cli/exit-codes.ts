export const EXIT = {
  ok: 0,
  /** Findings at or above --fail-on, or failing scenarios. */
  findings: 1,
  /** Usage or I/O error: wrong flags, missing files, invalid protocol for a command that needs a valid one. */
  usage: 2,
  /** A bug in convenant itself. */
  internal: 3,
  /** Interrupted by the user (Ctrl-C), shell convention 128 + SIGINT. */
  cancelled: 130,
} as const;

/** A problem the user can fix; printed as one line (plus hint), exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
