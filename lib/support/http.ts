import { NextResponse } from "next/server";
import { env } from "../config/env";

/** After a plain form post: back to a page of this site (303, so the browser GETs it). */
export const seeOther = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 303);

/** A path with one query parameter added (notice=…, error=…). */
export const withParam = (path: string, key: string, value: string) => `${path}${path.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;
