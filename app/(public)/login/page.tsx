import { redirect } from "next/navigation";
import { currentAccount } from "@/lib/auth/session";
import { LoginForm } from "@/components/login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await currentAccount()) redirect("/dashboard");
  return (
    <main className="mx-auto mt-24 max-w-sm px-6">
      <h1 className="text-2xl font-semibold">Log in</h1>
      <p className="mt-2 text-sm text-slate-600">Use the email address and password from your registration mail.</p>
      <LoginForm />
    </main>
  );
}
