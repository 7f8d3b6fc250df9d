/**
 * The words a part of a host label may be split into (brand names, scam and filler words, Vietnamese
 * syllables) as a trie over their characters. Splitting a part walks the trie once from each position
 * and stops at the first character no word continues with, instead of cutting out and looking up a
 * substring for every word length at every position: that was most of the lookalike check's time.
 */
export class WordTrie {
  /** `children[node * width + letter]`: the child node, or 0 for none (the root, node 0, is no child). */
  private readonly children: Int32Array;
  private readonly width: number;
  /** Alphabet index of each ASCII character code, -1 when no word has it. */
  private readonly asciiLetters: Int16Array;
  private readonly otherLetters: ReadonlyMap<number, number>;
  /** Per node: the role of the vocabulary word ending there, or -1 when none ends there. */
  readonly role: Int8Array;
  /** Per node: 1 when a syllable ends there. */
  readonly syllable: Uint8Array;

  /** Vocabulary words with their role (0 or more), and syllables; a word may be both. */
  constructor(vocabulary: ReadonlyMap<string, number>, syllables: Iterable<string>) {
    const words = new Map<string, { role: number; syllable: boolean }>();
    for (const [word, role] of vocabulary) words.set(word, { role, syllable: false });
    for (const word of syllables) {
      const known = words.get(word);
      if (known) known.syllable = true;
      else words.set(word, { role: -1, syllable: true });
    }

    const asciiLetters = new Int16Array(128).fill(-1);
    const otherLetters = new Map<number, number>();
    let width = 0;
    for (const word of words.keys()) {
      for (let at = 0; at < word.length; at++) {
        const code = word.charCodeAt(at);
        if (code < 128 ? asciiLetters[code] === -1 : !otherLetters.has(code)) {
          if (code < 128) asciiLetters[code] = width;
          else otherLetters.set(code, width);
          width++;
        }
      }
    }

    // Grown by doubling: a node is `width` slots, and there are tens of thousands of them.
    let children = new Int32Array(1024 * width);
    const role: number[] = [-1];
    const syllable: number[] = [0];
    for (const [word, data] of words) {
      let node = 0;
      for (let at = 0; at < word.length; at++) {
        const code = word.charCodeAt(at);
        const slot = node * width + (code < 128 ? asciiLetters[code]! : otherLetters.get(code)!);
        if (children[slot] === 0) {
          if ((role.length + 1) * width > children.length) {
            const grown = new Int32Array(children.length * 2);
            grown.set(children);
            children = grown;
          }
          children[slot] = role.length;
          role.push(-1);
          syllable.push(0);
        }
        node = children[slot]!;
      }
      if (data.role >= 0) role[node] = data.role;
      if (data.syllable) syllable[node] = 1;
    }
    this.children = children.slice(0, role.length * width);
    this.width = width;
    this.asciiLetters = asciiLetters;
    this.otherLetters = otherLetters;
    this.role = Int8Array.from(role);
    this.syllable = Uint8Array.from(syllable);
  }

  /** The alphabet index of each character of the text (-1 for one no word has), for `child`. */
  lettersOf(text: string): number[] {
    const letters = new Array<number>(text.length);
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      letters[at] = code < 128 ? this.asciiLetters[code]! : (this.otherLetters.get(code) ?? -1);
    }
    return letters;
  }

  /** The node reached from `node` by the letter, or -1 when no word continues so. The root is 0. */
  child(node: number, letter: number): number {
    if (letter < 0) return -1;
    const next = this.children[node * this.width + letter]!;
    return next === 0 ? -1 : next;
  }
}
