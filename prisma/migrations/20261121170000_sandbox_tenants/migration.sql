-- CreateTable
CREATE TABLE "SandboxTenant" (
    "system" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "requests" JSONB NOT NULL DEFAULT '[]',
    "faults" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxTenant_pkey" PRIMARY KEY ("system","tenant")
);
