import type Decimal from "decimal.js";
import { cents, money } from "@/lib/domain/money";
import { PAYMENT_TERM_DAYS, type EboekhoudenSettings } from "./config";

/**
 * PURE: a shop payment as e-Boekhouden's payment mutation, following the manual's table
 * "Specification at field level e-Boekhouden payment mutation" (type "invoice payment received").
 */
export type PaymentInput = {
  /** The sales number the sale was booked under (the mutation's invoice number). */
  salesNumber: string;
  amount: string;
  /** YYYY-MM-DD or an ISO timestamp. */
  paidAt: string;
  /** The sale's date: the manual's payment mutation table dates the payment "Sales date"; absent = the payment's date. */
  salesDate?: string;
  /** The shop's payment method, e.g. "iDEAL". */
  method?: string;
  transactionId?: string;
  /** The financial account chosen for this payment's method by the pipeline; absent = the settings' own. */
  account?: string;
};

export type PaymentEntry = {
  invoiceNumber: string;
  relationCode: string;
  date: string;
  amount: Decimal;
  /** "Payment method - sales number - transaction id". */
  description: string;
  /** Entry document (Boekstuk): the transaction id. */
  entryNumber?: string;
  /** The financial account the money arrives on. */
  account: string;
  /** The debtors ledger the payment settles. */
  offsetLedger: string;
  paymentTerm: number;
};

export function buildPaymentEntry(p: PaymentInput, relationCode: string, settings: EboekhoudenSettings): PaymentEntry {
  const method = p.method?.trim();
  const transactionId = p.transactionId?.trim() || undefined;
  return {
    invoiceNumber: p.salesNumber,
    relationCode,
    date: (p.salesDate || p.paidAt).slice(0, 10),
    amount: cents(money(p.amount, "payment amount")),
    description: [method, p.salesNumber, transactionId].filter(Boolean).join(" - "),
    entryNumber: transactionId,
    account: p.account?.trim() || (method && settings.paymentAccounts[method]) || settings.paymentAccount,
    offsetLedger: settings.debtorLedger,
    paymentTerm: PAYMENT_TERM_DAYS,
  };
}
