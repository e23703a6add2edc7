/** The billing merchant of e2e/profile-billing.spec.ts (seeded by e2e/seeds/billing.ts), apart from the demo merchant other specs use. */
export const BILLING = { email: "billing@example.com", password: "billing-password", company: "Billing Webwinkel B.V." };

export const BILLING_KEYS = {
  /** Trial ended unpaid: paused, its renewal invoice open. */
  paused: { licenseKey: "BILLING-PAUSED-WEFACT", name: "Paused shop → WeFact" },
  /** Paid for a year, with a paid invoice to download. */
  paid: { licenseKey: "BILLING-PAID-ROMPSLOMP", name: "Paid shop → Rompslomp" },
  /** In its trial: the one the spec cancels and removes from the switcher. */
  trial: { licenseKey: "BILLING-TRIAL-EBOEKHOUDEN", name: "Trial shop → e-Boekhouden" },
} as const;
