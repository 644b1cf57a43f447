/** A file the legacy import cannot read, with the Indonesian message the user sees; nothing is stored. */
export class LegacyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LegacyFileError";
  }
}
