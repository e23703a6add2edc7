/** The error code an undone document carries until the merchant books it again (Process). */
export const BOOKING_UNDONE = "booking_undone";
