-- Sandboxes: the request log becomes rows (one insert per request instead of rewriting a JSON array),
-- and the tenant state gets a stamp so the serving process can keep it in memory while it is current.
ALTER TABLE "SandboxTenant" DROP COLUMN "requests";
ALTER TABLE "SandboxTenant" ADD COLUMN "stamp" TEXT NOT NULL DEFAULT '';

CREATE TABLE "SandboxRequest" (
    "id" BIGSERIAL NOT NULL,
    "system" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxRequest_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SandboxRequest_system_tenant_id_idx" ON "SandboxRequest"("system", "tenant", "id");
