/**
 * The version of the terms and conditions a merchant accepts at sign-up (stored on the
 * integration as termsVersion). Raise it whenever the text of /terms changes materially.
 */
export const TERMS_VERSION = "2026-11";
