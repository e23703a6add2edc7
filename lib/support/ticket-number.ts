/**
 * The short reference a merchant and an operator quote ("#K3F9Q2XA"): the tail of the ticket's id,
 * which is random. The full id stays in every link, so the reference is only for reading.
 */
export const ticketNumber = (ticketId: string) => `#${ticketId.slice(-8).toUpperCase()}`;
