import { requireAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export default async function ProfilePage() {
  const { userId, accountId } = await requireAccount();
  const [user, account] = await Promise.all([
    db().user.findFirst({ where: { id: userId, accountId }, select: { email: true, name: true, lastLoginAt: true } }),
    db().account.findUnique({ where: { id: accountId }, select: { name: true, createdAt: true } }),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Profile</h1>
      <dl className="mt-6 grid max-w-lg grid-cols-[10rem_1fr] gap-y-2 text-sm">
        <dt className="text-slate-500">Company</dt><dd>{account?.name}</dd>
        <dt className="text-slate-500">Name</dt><dd>{user?.name}</dd>
        <dt className="text-slate-500">Email address</dt><dd>{user?.email}</dd>
        <dt className="text-slate-500">Customer since</dt><dd>{account?.createdAt.toISOString().slice(0, 10)}</dd>
      </dl>
    </>
  );
}
