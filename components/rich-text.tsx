import { Fragment, type ReactNode } from "react";

/**
 * A translated sentence with elements in it: `{activate}` in the text becomes `parts.activate`
 * (e.g. a <strong> or a link), so each language can put them where its word order wants them.
 */
export function RichText({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  return text.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={i}>{name && name in parts ? parts[name] : piece}</Fragment>;
  });
}
