/**
 * The `Idempotency-Key` of a form's submission: one key per submission, the same key again when the same
 * body is sent again (a retry after a lost answer gets the stored answer, not a second request), and a
 * new key once the body changed or the submission went through.
 */
export class SubmissionKey {
  private key: string | null = null;
  private body: string | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key to send with this body. */
  for(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.key === null || this.body !== text) {
      this.key = this.newKey();
      this.body = text;
    }
    return this.key;
  }

  /** The submission was answered: the next one is a new one. */
  done(): void {
    this.key = null;
    this.body = null;
  }
}
