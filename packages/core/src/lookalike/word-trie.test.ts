import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordTrie } from './word-trie.js';

describe('WordTrie', () => {
  it('finds exactly the words of its lists that start at a position, with their role', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abnrv01đ'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.constantFrom(0, 2, 3)), { maxLength: 20 }),
        fc.array(word, { maxLength: 20 }),
        fc.string({ unit: fc.constantFrom(...'abnrv01đx-'), maxLength: 14 }),
        (vocabularyList, syllableList, text) => {
          const vocabulary = new Map(vocabularyList);
          const syllables = new Set(syllableList);
          const trie = new WordTrie(vocabulary, syllables);
          const letters = trie.lettersOf(text);
          for (let start = 0; start <= text.length; start++) {
            // What walking the trie from `start` finds…
            const found: string[] = [];
            for (let end = start, node = 0; end < text.length;) {
              node = trie.child(node, letters[end++]!);
              if (node < 0) break;
              const role = trie.role[node]!;
              if (role >= 0 || trie.syllable[node] === 1)
                found.push(`${text.slice(start, end)}:${role}:${trie.syllable[node]}`);
            }
            // … is what looking up every substring from `start` finds.
            const expected: string[] = [];
            for (let end = start + 1; end <= text.length; end++) {
              const part = text.slice(start, end);
              const role = vocabulary.get(part) ?? -1;
              const syllable = syllables.has(part) ? 1 : 0;
              if (role >= 0 || syllable === 1) expected.push(`${part}:${role}:${syllable}`);
            }
            expect(found).toEqual(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
