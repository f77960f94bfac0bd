/**
 * Text widths for chart layout, from DejaVu Sans (the charts' font): advance widths of ASCII and a
 * few symbols in thousandths of an em, read from DejaVuSans.ttf and DejaVuSans-Bold.ttf (hmtx).
 * Vega without a canvas estimates every character at 0.8 em, which widens legends, truncates axis
 * labels early and leaves a caption far narrower than the plot; these widths fix that, the same
 * on every machine (no font needed at build time). Other characters count 0.6 em (1 em for CJK).
 */
const REGULAR = [318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838];
const BOLD = [348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838];
const SYMBOLS: Readonly<Record<string, readonly [number, number]>> = { '–': [500, 500], '—': [1000, 1000], '·': [318, 380], '≥': [838, 838], '✓': [838, 838], '✗': [838, 838], '…': [1000, 1000], '’': [318, 380], 'é': [615, 678], '×': [838, 838], '±': [838, 838], '→': [838, 838] };

/** Width in pixels of `text` at `fontSize` px, bold or not. */
export function textWidth(text: string, fontSize = 11, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const ascii = c >= 32 && c < 127 ? (bold ? BOLD : REGULAR)[c - 32] : undefined;
    const symbol = SYMBOLS[ch];
    em += ascii ?? (symbol !== undefined ? symbol[bold ? 1 : 0] : c >= 0x2e80 ? 1000 : bold ? 680 : 600);
  }
  return (em * fontSize) / 1000;
}

/** Greedy word wrap of `text` into lines no wider than `px` pixels (a longer word keeps its own line). */
export function wrapPx(text: string, px: number, fontSize = 11, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  // Spaces only: a no-break space (\u00a0) keeps "✓ every" on one line.
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, fontSize, bold) > px) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}
