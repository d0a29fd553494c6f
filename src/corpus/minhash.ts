/**
 * Near-duplicate detection for whole articles. MinHash after Broder, "On the resemblance and
 * containment of documents" (1997): under a random permutation of the shingle universe, two sets
 * share their minimum with probability equal to their Jaccard similarity, so the share of equal
 * minima over many permutations estimates it. LSH banding after Leskovec, Rajaraman & Ullman,
 * "Mining of Massive Datasets", ch. 3.4: documents that agree on every row of at least one band
 * become candidate pairs, so only those are compared.
 */

/** FNV-1a 32-bit offset basis and prime (Fowler, Noll & Vo). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The Mersenne prime 2^31 − 1: the modulus of the universal hash family (a·x + b) mod p. */
const PRIME = 2147483647;

/** The signature value of a set with no shingles; larger than any hash value, which is below {@link PRIME}. */
const EMPTY = 0xffffffff;

/** FNV-1a over the UTF-16 code units of a string, as an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * The set of hashed shingles (runs of `size` consecutive words) of a word sequence. A text
 * shorter than one shingle yields a single shingle of all its words, so it is still comparable.
 */
export function shingleSet(words: readonly string[], size = 5): Set<number> {
  const shingles = new Set<number>();
  if (words.length === 0) return shingles;
  for (let index = 0; index <= Math.max(0, words.length - size); index++) {
    shingles.add(fnv1a32(words.slice(index, index + size).join(' ')));
  }
  return shingles;
}

/** Multipliers stay below 2^21 so that a·x + b (x < 2^31) stays below 2^53, exact in a double: one multiply, no splitting. */
const MAX_MULTIPLIER = 2 ** 21;

/**
 * Deterministic coefficients of the hash functions, a ∈ [1, 2^21), b ∈ [0, p), from fixed seeds.
 * As p is prime and a ≠ 0 mod p, x ↦ (a·x + b) mod p is a bijection of [0, p): each function is
 * a true permutation of the hash values, which is what MinHash needs, whatever range a is from.
 */
function coefficients(count: number): { readonly a: Float64Array; readonly b: Float64Array } {
  const a = new Float64Array(count);
  const b = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    a[index] = (fnv1a32(`parallax-minhash-a-${index}`) % (MAX_MULTIPLIER - 1)) + 1;
    b[index] = fnv1a32(`parallax-minhash-b-${index}`) % PRIME;
  }
  return { a, b };
}

/**
 * The MinHash signature of a shingle set: for each of `permutations` hash functions
 * (a·x + b) mod p, the minimum over the set. An empty set gets a signature that matches nothing.
 */
export function minhashSignature(shingles: Iterable<number>, permutations = 128): Uint32Array {
  const { a, b } = coefficients(permutations);
  const signature = new Uint32Array(permutations).fill(EMPTY);
  for (const shingle of shingles) {
    const x = shingle % PRIME;
    for (let index = 0; index < permutations; index++) {
      const value = (a[index]! * x + b[index]!) % PRIME;
      if (value < signature[index]!) signature[index] = value;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two sets: the share of positions where their signatures agree. */
export function estimateJaccard(first: Uint32Array, second: Uint32Array): number {
  if (first.length !== second.length) throw new RangeError('signatures differ in length');
  if (first.length === 0 || first[0] === EMPTY || second[0] === EMPTY) return 0;
  let equal = 0;
  for (let index = 0; index < first.length; index++) if (first[index] === second[index]) equal++;
  return equal / first.length;
}

/**
 * Candidate pairs `[i, j]` (i < j, sorted) of documents whose signatures agree on all `rows` rows
 * of at least one of `bands` bands. A pair with Jaccard s becomes a candidate with probability
 * 1 − (1 − s^rows)^bands; with the defaults 32 × 4 the threshold (1/b)^(1/r) is about 0.42, so
 * pairs at the 0.5 copy threshold are found with probability ≈ 0.87 and at 0.6 ≈ 0.99.
 */
export function lshCandidatePairs(signatures: readonly Uint32Array[], bands = 32, rows = 4): Array<[number, number]> {
  const buckets = new Map<string, number[]>();
  signatures.forEach((signature, document) => {
    if (bands * rows > signature.length) throw new RangeError('bands × rows exceeds the signature length');
    if (signature[0] === EMPTY) return;
    for (let band = 0; band < bands; band++) {
      const key = `${band}:${signature.subarray(band * rows, (band + 1) * rows).join(',')}`;
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [document]);
      else bucket.push(document);
    }
  });
  const count = signatures.length;
  const codes = new Set<number>();
  for (const bucket of buckets.values()) {
    // Documents enter a bucket in input order, so bucket[i] < bucket[j] for i < j.
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) codes.add(bucket[i]! * count + bucket[j]!);
    }
  }
  return [...codes].sort((x, y) => x - y).map((code) => [Math.floor(code / count), code % count]);
}
