/**
 * The comparison used by the evidence check: an excerpt matches a document when
 * it occurs in it after both are normalised for whitespace and quote characters
 * (curly and straight quotes are the same; runs of spaces and line breaks are one
 * space); and a document's text addressed by position, in Unicode code points.
 */

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`]/g;
const WHITESPACE = /\s+/g;

export function normaliseForEvidence(text: string): string {
  return text.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'").replace(WHITESPACE, " ").trim();
}

export interface TextPosition {
  readonly start: number;
  readonly end: number;
}

/** A document's text with a map from code-point offsets to UTF-16 indexes, for slicing by position. */
export class DocumentText {
  /** utf16[i]: the UTF-16 index of code point i; one more entry for the end. */
  private readonly utf16: Uint32Array;

  constructor(readonly text: string) {
    const indexes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      indexes.push(i);
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    }
    indexes.push(text.length);
    this.utf16 = Uint32Array.from(indexes);
  }

  /** Code points in the text. */
  get length(): number {
    return this.utf16.length - 1;
  }

  /** The text at a position, or null when the position lies outside it. */
  slice({ start, end }: TextPosition): string | null {
    if (start < 0 || end > this.length || end <= start) return null;
    return this.text.slice(this.utf16[start], this.utf16[end]);
  }

  private codePointAt(utf16Index: number): number {
    let low = 0;
    let high = this.utf16.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.utf16[mid]! < utf16Index) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Where an excerpt first occurs, compared as the evidence check compares
   * (quotes and whitespace normalised); null when it does not occur.
   */
  locate(excerpt: string): TextPosition | null {
    const pattern = Array.from(normaliseForEvidence(excerpt))
      .map((char) => {
        if (char === " ") return "\\s+";
        if (char === '"') return "[\"\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]";
        if (char === "'") return "['\u2018\u2019\u201A\u201B\u2032\u02BC`]";
        return char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    const match = new RegExp(pattern, "u").exec(this.text);
    if (!match) return null;
    return { start: this.codePointAt(match.index), end: this.codePointAt(match.index + match[0].length) };
  }

  /** Whether the excerpt is what the text holds at the position (as the evidence check compares). */
  holdsAt(excerpt: string, position: TextPosition): boolean {
    const slice = this.slice(position);
    return slice !== null && normaliseForEvidence(slice) === normaliseForEvidence(excerpt);
  }
}
