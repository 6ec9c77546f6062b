import type { ResolvedConfig } from '../config/resolveConfig.js';
import { html, type Html } from './escapeHtml.js';

/** A side's label from the config, or its id when the config gives none. */
export function sideLabel(side: string, config: ResolvedConfig): string {
  return config.sides[side]?.label ?? side;
}

/** A side's label as a badge; the label is text, so the colour is never the only carrier of the side. */
export function sideBadge(side: string | null, config: ResolvedConfig): Html {
  const label = side ? sideLabel(side, config) : '未知';
  return html`<span class="side side-${/^[a-z][a-z0-9_-]*$/u.test(side ?? '') ? side : 'unknown'}">${label}</span>`;
}
