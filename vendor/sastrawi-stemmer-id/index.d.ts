declare const stemmer: {
  /** The root word of one lower- or upper-case Indonesian word, or the word itself when no root is found. */
  stem(word: string): string;
};
export = stemmer;
