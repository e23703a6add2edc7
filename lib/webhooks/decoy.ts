import { createHmac, randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "../crypto/secrets";

const decoyKey = randomBytes(32);
const decoyEnvelope = encryptSecret(JSON.stringify({ secret: randomBytes(32).toString("hex") }), decoyKey);

/**
 * The work a real verification does (open the sealed credentials, HMAC the raw body), for a
 * delivery to an address we do not know, so its refusal does not come back noticeably sooner.
 */
export function decoyVerification(body: string): void {
  const { secret } = JSON.parse(decryptSecret(decoyEnvelope, decoyKey)) as { secret: string };
  createHmac("sha512", secret).update(body, "utf8").digest("hex");
}
