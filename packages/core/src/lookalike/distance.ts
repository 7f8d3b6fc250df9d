/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where each substring is edited at most once):
 * insertions, deletions, substitutions and transpositions of two adjacent characters each cost 1.
 * Returns `limit + 1` as soon as the distance is known to exceed `limit`, so a bounded check costs
 * O(length × (2·limit + 1)).
 */
export function osaDistanceWithin(a: string, b: string, limit: number): number {
  const overLimit = limit + 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > limit) return overLimit;
  if (lengthA === 0 || lengthB === 0)
    return Math.max(lengthA, lengthB) <= limit ? Math.max(lengthA, lengthB) : overLimit;

  const width = lengthB + 1;
  // Three rolling rows: two back (for transpositions), previous and current.
  let twoBack = new Array<number>(width).fill(overLimit);
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let column = 0; column < width; column++) previous[column] = column;

  for (let row = 1; row <= lengthA; row++) {
    const from = Math.max(1, row - limit);
    const to = Math.min(lengthB, row + limit);
    current.fill(overLimit);
    current[0] = row;
    let rowMinimum = row <= limit ? row : overLimit;
    const charA = a.charCodeAt(row - 1);
    for (let column = from; column <= to; column++) {
      const charB = b.charCodeAt(column - 1);
      const cost = charA === charB ? 0 : 1;
      let value = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + cost,
      );
      if (row > 1 && column > 1 && charA === b.charCodeAt(column - 2) && a.charCodeAt(row - 2) === charB) {
        value = Math.min(value, (twoBack[column - 2] as number) + 1);
      }
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return overLimit;
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[lengthB] as number;
  return distance <= limit ? distance : overLimit;
}
