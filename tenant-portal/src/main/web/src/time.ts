// The calendar shows wall-clock times of the salon's own zone, whatever the browser's zone is: instants are turned
// into "floating" local times of that zone for the calendar, and dropped times back into instants.

function parts(instant: Date, zone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23',
  });
  const found: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') {
      found[part.type] = Number(part.value);
    }
  }
  return found;
}

/** The wall-clock time in {@code zone} at {@code instant}, as a Date whose local fields show it. */
export function toWallClock(instant: string | Date, zone: string): Date {
  const p = parts(new Date(instant), zone);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The instant at which {@code zone}'s clocks show the local fields of {@code wall}. */
export function fromWallClock(wall: Date, zone: string): Date {
  const wanted = Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(),
    wall.getSeconds());
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = parts(new Date(guess), zone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** {@code wall}'s date as yyyy-mm-dd. */
export function isoDate(wall: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
}
