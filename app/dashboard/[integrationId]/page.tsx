import { notFound, redirect } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";

/** /dashboard/<id>: the Report tab of the merchant's own integration; someone else's does not exist. */
export default async function IntegrationIndex({ params }: { params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  const { accountId } = await requireAccount();
  if (!(await findIntegration(db(), accountId, integrationId))) notFound();
  redirect(`/dashboard/${integrationId}/report`);
}
