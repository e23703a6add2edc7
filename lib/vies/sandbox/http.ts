/** VIES's own answer shapes, for the simulator. */

/** CommonResponse: `{"actionSucceed": false, "errorWrappers": [{"error": "MS_UNAVAILABLE", "message": …}]}`. */
export function viesFailure(status: number, error: string, message?: string): Response {
  return Response.json({ actionSucceed: false, errorWrappers: [{ error, ...(message ? { message } : {}) }] }, { status });
}

/** The EC web server's answer to a path it does not serve: an HTML page, not JSON. */
export function notFoundPage(): Response {
  return new Response("<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Page not found</h1></body></html>", {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

/** The unmatched-details part of CheckVatResponse that VIES fills when no trader details were asked. */
export const NO_APPROXIMATE_MATCH = {
  traderName: "",
  traderStreet: "",
  traderPostalCode: "",
  traderCity: "",
  traderCompanyType: "",
  traderNameMatch: "NOT_PROCESSED",
  traderStreetMatch: "NOT_PROCESSED",
  traderPostalCodeMatch: "NOT_PROCESSED",
  traderCityMatch: "NOT_PROCESSED",
  traderCompanyTypeMatch: "NOT_PROCESSED",
} as const;
