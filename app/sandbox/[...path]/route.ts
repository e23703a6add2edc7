import { dispatchSandbox } from "@/connectors/sandbox/dispatch";
import { isSandbox } from "@/lib/config/env";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ path: string[] }> };

const handle = async (req: Request, { params }: Ctx) => dispatchSandbox(req, (await params).path, isSandbox());

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
