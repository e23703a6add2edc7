-- Alerts: the account's alert switches (Profile tab) and the alerts already claimed, so each is mailed once.
CREATE TABLE "AlertPreference" (
    "accountId" TEXT NOT NULL,
    "newCause" BOOLEAN NOT NULL DEFAULT true,
    "digest" BOOLEAN NOT NULL DEFAULT true,
    "reconnect" BOOLEAN NOT NULL DEFAULT true,
    "weekly" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertPreference_pkey" PRIMARY KEY ("accountId")
);
ALTER TABLE "AlertPreference" ADD CONSTRAINT "AlertPreference_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AlertSent" (
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subjectId" TEXT,
    "mailId" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSent_pkey" PRIMARY KEY ("accountId", "kind", "key")
);
ALTER TABLE "AlertSent" ADD CONSTRAINT "AlertSent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
