import { NextResponse } from "next/server";
import { withAccount } from "@/lib/auth/api";
import { accountOwner } from "@/lib/billing/account-owner";
import { invoicePdf } from "@/lib/billing/invoice-pdf";
import { findInvoice, isAccountOwner } from "@/lib/billing/invoices";
import { db } from "@/lib/db/client";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

type Ctx = { params: Promise<{ invoiceId: string }> };

/** The merchant's invoice as a PDF download, for the account's owner only, in the merchant's language. */
export const GET = withAccount<Ctx>(async (_req, { userId, accountId }, { params }) => {
  const { invoiceId } = await params;
  const locale = await requestLocale();
  const invoice = (await isAccountOwner(db(), userId, accountId)) ? await findInvoice(db(), accountId, invoiceId) : null;
  if (!invoice) return NextResponse.json({ error: "not_found", message: translator(billingMessages, locale)("notFound") }, { status: 404 });
  const owner = await accountOwner(db(), accountId);
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { name: true, country: true } });
  const pdf = await invoicePdf(
    { ...invoice, licenseKey: invoice.integration.licenseKey },
    { company: account.name, name: owner?.name, email: owner?.email ?? "", country: account.country },
    locale,
  );
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="invoice-${invoice.number}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
