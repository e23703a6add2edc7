import { redirect } from "next/navigation";
import { requireOperatorRole } from "./access";

/** The operator area starts at the ticket inbox. */
export default async function OpsHome() {
  await requireOperatorRole();
  redirect("/ops/tickets");
}
