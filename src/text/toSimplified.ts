import * as OpenCC from 'opencc-js';

/**
 * Traditional → simplified with OpenCC's dictionaries (phrase-aware, so 乾隆 stays 乾隆 while
 * 乾燥 becomes 干燥). Taiwan and Hong Kong variants both fold into mainland forms.
 * Built lazily: loading the dictionaries costs tens of milliseconds.
 */
let convert: ((text: string) => string) | null = null;

export function toSimplified(text: string): string {
  const converter = (convert ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  return converter(text);
}
