import { ConnectorError } from "./types";

/** For tests: the ConnectorError a promise rejects with (fails the test when it resolves or throws anything else). */
export async function caught(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ConnectorError) return e;
    throw e;
  }
  throw new Error("expected a ConnectorError");
}
