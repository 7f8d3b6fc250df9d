import type { Indicator } from '@khien/contracts';

/** How many entries the merge form's search shows; a longer list means the search should be narrower. */
export const mergeSearchLimit = 10;

/**
 * The entries the merge form offers to keep: the search's results without the entry being merged (nor
 * any alias, which cannot be merged into), and the one already chosen first while the search no longer
 * finds it, so a new search does not silently drop the choice.
 */
export function mergeCandidates(
  results: readonly Indicator[],
  selfId: string,
  chosen: Indicator | null,
): Indicator[] {
  const others = results.filter((indicator) => indicator.id !== selfId && indicator.mergedIntoId === null);
  if (chosen && !others.some((indicator) => indicator.id === chosen.id)) return [chosen, ...others];
  return others;
}
