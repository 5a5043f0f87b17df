// Wall-clock time ranges as people type them: "09:00-13:00, 14:00-18:00" (an empty text is none).

const RANGE = /^\s*(([01]\d|2[0-3]):[0-5]\d|24:00)\s*[-–]\s*(([01]\d|2[0-3]):[0-5]\d|24:00)\s*$/;

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

export interface Range {
  start: string;
  end: string;
}

/** The ranges {@code text} names, or the part of it that is not a range. */
export function parseRanges(text: string): Range[] | string {
  const ranges: Range[] = [];
  for (const part of text.split(',').filter((piece) => piece.trim() !== '')) {
    const found = RANGE.exec(part);
    if (!found) {
      return part.trim();
    }
    ranges.push({ start: found[1], end: found[3] });
  }
  return ranges;
}

/** "09:00-13:00, 14:00-18:00". */
export function formatRanges(ranges: Range[]): string {
  return ranges.map((range) => range.start + '-' + range.end).join(', ');
}
