import { redirect } from "next/navigation";

export default async function IntegrationIndex({ params }: { params: Promise<{ integrationId: string }> }) {
  redirect(`/dashboard/${(await params).integrationId}/report`);
}
