/** A visible ring when a link, button or field is reached with the keyboard (a mouse click shows none). */
export const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

/**
 * A table's frame: at phone width the table scrolls sideways inside it instead of widening the page
 * (relative, so the screen-reader-only texts in its cells are clipped with it too).
 */
export const tableScroll = "relative w-full overflow-x-auto";

/** The same ring drawn inside the element, for links in a scrolling row that would clip it. */
export const focusRingInset = "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600";
