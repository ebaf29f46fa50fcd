/** A domain error whose message is meant for the user, in Chinese. */
export class JuesuanError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly cause?: unknown,
  ) {
    super(message);
    this.name = "JuesuanError";
  }
}

export class AmountParseError extends JuesuanError {
  constructor(public readonly input: unknown, message: string) {
    super("amount-parse", message);
    this.name = "AmountParseError";
  }
}
