/**
 * A reason to stop publishing that is nobody's content: a ledger that cannot be read, credentials missing, WeChat
 * refusing the caller (IP, daily quota). The message says what to do; what was done is already recorded.
 */
export class PublishStop extends Error {
  override name = 'PublishStop';
  constructor(
    message: string,
    /** Whether the other accounts may go on (a ledger or credentials of one account) or nothing can (the IP, a quota). */
    readonly scope: 'account' | 'all' = 'account',
  ) {
    super(message);
  }
}
