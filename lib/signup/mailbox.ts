import type { Db } from "../db/client";

export const MAILBOX_PAGE_SIZE = 100;

/** The kept mails, newest first, optionally only those to one address (also when it was a copy). */
export function listMails(db: Db, to?: string) {
  const address = to?.trim();
  return db.mail.findMany({
    where: address ? { to: { contains: address, mode: "insensitive" } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAILBOX_PAGE_SIZE,
    select: { id: true, to: true, subject: true, kind: true, createdAt: true, sentAt: true, error: true },
  });
}

export const findMail = (db: Db, id: string) => db.mail.findUnique({ where: { id } });

export type TextPart = { text: string } | { url: string };

/** A mail's text cut into plain text and http(s) links, so the page can make the links clickable (never raw HTML). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    // A sentence's closing punctuation is not part of the link.
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ url });
    last = match.index + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
