/**
 * "The target was just asked for this reference and did not have it, and nothing has been sent to
 * create it since": noted in memory when the pipeline's look-up finds nothing, taken (once) by
 * the create step, which may then skip the target's own look-up right before creating.
 *
 * Only ever a reason to skip a call, never to book: a create step that finds no note (a retry
 * after a lost answer, a restarted process, another worker) looks the reference up as before,
 * because the note is taken before the create is sent.
 */
const TTL_MS = 2 * 60_000;
const notes = new Map<string, number>();

const keyOf = (integrationId: string, reference: string) => `${integrationId}|${reference}`;

export function noteNotFound(integrationId: string, reference: string, now = Date.now()): void {
  if (notes.size > 10_000) for (const [key, at] of notes) if (at + TTL_MS < now) notes.delete(key);
  notes.set(keyOf(integrationId, reference), now);
}

/** True once after noteNotFound (within the TTL); the note is gone afterwards. */
export function takeNotFound(integrationId: string, reference: string, now = Date.now()): boolean {
  const key = keyOf(integrationId, reference);
  const at = notes.get(key);
  notes.delete(key);
  return at !== undefined && at + TTL_MS >= now;
}

/** Tests only. */
export const forgetLookups = () => notes.clear();
