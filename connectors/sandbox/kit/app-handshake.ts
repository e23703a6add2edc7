import { escapeHtml } from "./html";

/**
 * The App Store's install handshake as the shop simulators make it: POST the credentials to the
 * app's handshake address, signed as each shop signs it. Undefined when the app answered 200;
 * otherwise the body of the page the merchant sees (the caller answers it with 502).
 */
export async function postHandshake(url: string, headers: Record<string, string>, body: string): Promise<string | undefined> {
  let answer: { status: number; text: string };
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(15_000) });
    answer = { status: res.status, text: await res.text() };
  } catch (err) {
    return `<h1>Installation failed</h1><p>The app's handshake address could not be reached: ${escapeHtml((err as Error).message)}</p>`;
  }
  if (answer.status !== 200) {
    return `<h1>Installation failed</h1><p>The app answered the handshake with HTTP ${answer.status}.</p><pre>${escapeHtml(answer.text.slice(0, 2000))}</pre>`;
  }
  return undefined;
}
