/** The user interrupted (Ctrl-C): the CLI prints one line, exits 130 and writes nothing. */
export class Cancelled extends Error {
  constructor() {
    super('afgebroken');
  }
}
