import type { ArticleSignatures } from './fingerprintCorpus.js';
import { grownArray } from './grownArray.js';

/**
 * The most a growable SharedArrayBuffer may reserve on Node 20 (4 GiB): past it, the paragraphs'
 * keys move to a larger buffer that does not grow (a copy, at about 1.7 million articles).
 */
const MAX_GROWABLE_BYTES = 2 ** 32;

/**
 * Every article's band keys, gathered as they are made into the flat arrays the fingerprint stage
 * searches: the articles' keys by article, the paragraphs' keys on shared memory (the LSH thread
 * reads them there) with each paragraph's article and position. Ingest adds what its workers
 * signed as each article is taken; signCorpus adds the rest (signed on the main thread, or read
 * from the workspace). Held per article until the end of ingest and then copied into these arrays,
 * a million articles' keys were in memory twice (4.6 GB) while the copy ran.
 *
 * Paragraphs are kept in the order they were added, not article order: the stage's results are
 * sorted by id, whatever order the units were searched in.
 */
export class SignatureLog {
  private articleKeys = new Uint32Array(0);
  private articleFilled = new Uint8Array(0);
  private paragraphBuffer: SharedArrayBuffer;
  private owner = new Int32Array(0);
  private position = new Int32Array(0);
  /** Per article added: its first paragraph unit and how many it has. */
  private firstUnit = new Int32Array(0);
  private unitCount = new Int32Array(0);
  private units = 0;
  private released = false;
  private freedBytes = 0;

  constructor(
    readonly bands: number,
    private readonly maxGrowableBytes = MAX_GROWABLE_BYTES,
  ) {
    this.paragraphBuffer = new SharedArrayBuffer(0, { maxByteLength: this.maxGrowableBytes });
  }

  /**
   * Lets every key go, once LSH has searched them: at a million articles the paragraphs' keys are
   * 2.2 GB, and verification, which follows the search, does not read them. Nothing can be added
   * or read after.
   */
  release(): void {
    if (!this.released) this.freedBytes = this.paragraphBuffer.byteLength + this.articleKeys.byteLength + 8 * this.owner.length;
    this.released = true;
    this.articleKeys = new Uint32Array(0);
    this.articleFilled = new Uint8Array(0);
    this.paragraphBuffer = new SharedArrayBuffer(0);
    this.owner = new Int32Array(0);
    this.position = new Int32Array(0);
    this.firstUnit = new Int32Array(0);
    this.unitCount = new Int32Array(0);
    this.units = 0;
  }

  /** The bytes release() let go (0 before it): runPipeline collects them at once when they are many. */
  get releasedBytes(): number {
    return this.freedBytes;
  }

  has(article: number): boolean {
    return article < this.articleFilled.length && this.articleFilled[article] === 1;
  }

  /** Adds the signatures of the article at index `article` (among the corpus's articles, in order). */
  add(article: number, { positions, values }: { positions: ArrayLike<number>; values: Uint32Array }): void {
    const { bands } = this;
    if (values.length !== bands * (1 + positions.length)) {
      throw new Error(`SignatureLog: article ${article} has ${values.length} band keys for ${positions.length} paragraphs at ${bands} bands`);
    }
    if (this.released) throw new Error(`SignatureLog: article ${article} was added after the log was released`);
    if (this.has(article)) throw new Error(`SignatureLog: article ${article} was added before`);
    this.reserveArticles(article + 1);
    this.articleKeys.set(values.subarray(0, bands), article * bands);
    this.articleFilled[article] = 1;
    this.reserveUnits(this.units + positions.length);
    new Uint32Array(this.paragraphBuffer, this.units * bands * 4, positions.length * bands).set(values.subarray(bands));
    this.owner.fill(article, this.units, this.units + positions.length);
    this.position.set(positions, this.units);
    this.firstUnit[article] = this.units;
    this.unitCount[article] = positions.length;
    this.units += positions.length;
  }

  /** The signatures of an article added (a copy: what the workspace keeps). */
  signaturesOf(article: number): ArticleSignatures {
    if (this.released) throw new Error(`SignatureLog: the signatures of article ${article} were read after the log was released`);
    if (!this.has(article)) throw new Error(`SignatureLog: article ${article} has not been added`);
    const { bands } = this;
    const first = this.firstUnit[article]!;
    const count = this.unitCount[article]!;
    const values = new Uint32Array(bands * (1 + count));
    values.set(this.articleKeys.subarray(article * bands, (article + 1) * bands));
    values.set(new Uint32Array(this.paragraphBuffer, first * bands * 4, count * bands), bands);
    return { positions: Array.from(this.position.subarray(first, first + count)), values };
  }

  /** The arrays for `articles` articles, every one of them added. */
  arrays(articles: number): { articleKeys: Uint32Array; paragraphKeys: Uint32Array; paragraphOwner: Int32Array; paragraphPosition: Int32Array } {
    if (this.released) throw new Error('SignatureLog: the keys were read after the log was released');
    for (let i = 0; i < articles; i++) if (!this.has(i)) throw new Error(`SignatureLog: article ${i} of ${articles} has not been added`);
    return {
      articleKeys: this.articleKeys.subarray(0, articles * this.bands),
      paragraphKeys: new Uint32Array(this.paragraphBuffer, 0, this.units * this.bands),
      paragraphOwner: this.owner.subarray(0, this.units),
      paragraphPosition: this.position.subarray(0, this.units),
    };
  }

  private reserveArticles(count: number): void {
    if (count <= this.articleFilled.length) return;
    const room = Math.max(count, 2 * this.articleFilled.length, 1024);
    this.articleKeys = grownArray(this.articleKeys, room * this.bands);
    this.articleFilled = grownArray(this.articleFilled, room);
    this.firstUnit = grownArray(this.firstUnit, room);
    this.unitCount = grownArray(this.unitCount, room);
  }

  private reserveUnits(count: number): void {
    const bytes = count * this.bands * 4;
    if (bytes > this.paragraphBuffer.byteLength) {
      const buffer = this.paragraphBuffer;
      // A buffer that grows keeps its place; untouched pages of either kind take no memory.
      if (buffer.growable && bytes <= buffer.maxByteLength) buffer.grow(Math.min(buffer.maxByteLength, Math.max(bytes, 2 * buffer.byteLength)));
      else {
        const larger = new SharedArrayBuffer(Math.max(bytes, 2 * buffer.byteLength));
        new Uint8Array(larger).set(new Uint8Array(buffer, 0, this.units * this.bands * 4));
        this.paragraphBuffer = larger;
      }
    }
    if (count > this.owner.length) {
      const room = Math.max(count, 2 * this.owner.length, 4096);
      this.owner = grownArray(this.owner, room);
      this.position = grownArray(this.position, room);
    }
  }
}
