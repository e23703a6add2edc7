import { NextResponse } from "next/server";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { countDocuments, findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";

type Ctx = { params: Promise<{ integrationId: string }> };

export const GET = withAccount<Ctx>(async (_req, { accountId }, { params }) => {
  const { integrationId } = await params;
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) return notFoundJson();
  const counts = await countDocuments(db(), accountId, integrationId);
  return NextResponse.json({
    ...integration,
    documents: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
  });
});
