import { toSimplified } from './toSimplified.js';
import type { Article } from '../types.js';

const HAN = /\p{Script=Han}/gu;
const IS_HAN = /^\p{Script=Han}$/u;
const LATIN = /\p{Script=Latin}/gu;
/** Letters that only Vietnamese writes among the Latin-script languages a news corpus holds. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function detectLanguage(text: string): Article['language'] {
  const han = count(text, HAN);
  const latin = count(text, LATIN);
  if (han >= latin * 0.5 && han > 0) return 'zh';
  if (latin > 0 && count(text, VIETNAMESE) >= Math.max(3, latin * 0.03)) return 'vi';
  return 'other';
}

/**
 * Traditional when a noticeable share of its ideographs change under OpenCC's t→s conversion;
 * a simplified text changes almost none. Compared per character, since conversion keeps length.
 */
export function detectScript(text: string): Article['script'] {
  const han = count(text, HAN);
  const latin = count(text, LATIN);
  if (han === 0) return latin > 0 ? 'latin' : 'mixed';
  const sample = [...text].filter((c) => IS_HAN.test(c)).slice(0, 4000).join('');
  const simplified = [...toSimplified(sample)];
  const original = [...sample];
  let changed = 0;
  for (let i = 0; i < original.length; i++) if (original[i] !== simplified[i]) changed++;
  const share = changed / Math.max(1, original.length);
  if (share >= 0.05) return 'traditional';
  return 'simplified';
}
