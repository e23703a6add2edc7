// A merchant's signed-in session over real HTTP (next-auth credentials login), for reading
// dashboard pages the way the browser does.
export async function logIn(appUrl: string, email: string, password: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${appUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const login = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(login);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Login as ${email} failed: ${login.status}`);
  return {
    /** GET a page or route with this session; the body as text. */
    async get(path: string): Promise<{ status: number; text: string }> {
      const res = await fetch(`${appUrl}${path}`, { headers: { cookie: cookieHeader() }, redirect: "manual" });
      return { status: res.status, text: await res.text() };
    },
  };
}
