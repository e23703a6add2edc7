import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "../config/env";
import { authSecret } from "../crypto/keys";
import { db } from "../db/client";
import { authenticate } from "./authenticate";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

// next-auth v4 builds its callback URLs from NEXTAUTH_URL.
process.env.NEXTAUTH_URL ??= env().APP_URL;

function clientIp(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? forwarded.split(",")[0]!.trim() : undefined;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error("Enter your email address and password.");
          const result = await authenticate(db(), parsed.data.email, parsed.data.password, clientIp(req?.headers));
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, accountId: result.user.accountId };
          if (result.reason === "throttled") {
            const minutes = Math.max(1, Math.ceil(((result.retryAt?.getTime() ?? Date.now()) - Date.now()) / 60_000));
            throw new Error(`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
          }
          throw new Error("That email address and password do not match.");
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.accountId = (user as unknown as { accountId: string }).accountId;
        }
        return token;
      },
      async session({ session, token }) {
        session.userId = token.userId as string;
        session.accountId = token.accountId as string;
        return session;
      },
    },
  };
}
