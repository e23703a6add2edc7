import { env, sandboxUrl } from "../lib/config/env";
import { db } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed-demo";

// `npx prisma db seed`: the demo merchant (the app also does this itself on start in sandbox mode).
const { created } = await seedDemo(db(), env().APP_URL, sandboxUrl());
console.info(created ? "Seeded the demo merchant." : "Demo merchant already present.");
await db().$disconnect();
