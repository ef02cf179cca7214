/**
 * Lets waiting requests' database work go first. On PGlite every query runs on the one
 * connection, in turn: a page that makes several queries one after another would wait behind a
 * long run of a background task's queries (an analysis, an import), one turn each. A short timer
 * (not `setImmediate`) gives the page's next query, issued as its last one returns, its turn first.
 */
export function giveWay(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2));
}
