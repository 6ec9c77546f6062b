import { countFoldable } from './foldScript.js';
import type { Article } from '../types.js';

/** Ideographs of the CJK blocks: counted by code unit, without building an array of matches. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

/** Basic and accented Latin letters, Vietnamese's included. */
export function countLatin(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) n++;
  }
  return n;
}
/** Letters that only Vietnamese writes among the Latin-script languages a news corpus holds. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

function count(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

export function detectLanguage(text: string): Article['language'] {
  const han = countHan(text);
  const latin = countLatin(text);
  if (han >= latin * 0.5 && han > 0) return 'zh';
  if (latin > 0 && count(text, VIETNAMESE) >= Math.max(3, latin * 0.03)) return 'vi';
  return 'other';
}

/**
 * Traditional when a noticeable share of its ideographs change under the traditional → simplified
 * fold; a simplified text has almost none that do.
 */
export function detectScript(text: string): Article['script'] {
  const han = countHan(text);
  const latin = countLatin(text);
  if (han === 0) return latin > 0 ? 'latin' : 'mixed';
  const share = countFoldable(text) / han;
  if (share >= 0.05) return 'traditional';
  return 'simplified';
}
