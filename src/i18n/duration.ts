/**
 * Lengths of time in words, as each language writes them: `Intl`'s unit names follow the
 * language's plural rules ("1 second", "2 seconds"; in Arabic the forms for 1, 2, 3 to 10 and
 * 11 up). Pure, no DOM. Looked up only when a message is worded, never on a first render.
 */

/**
 * Seconds in words, in the numbers a countdown shows: seconds under two minutes ("90 seconds"
 * while it shows 1:30, "0.3 seconds"), whole minutes from there, rounded up ("15 minutes" for
 * 15:00).
 */
export const duration =
  (lang: string) =>
  (seconds: number): string => {
    const minutes = seconds >= 120;
    return new Intl.NumberFormat(lang, {
      style: 'unit',
      unit: minutes ? 'minute' : 'second',
      unitDisplay: 'long',
    }).format(minutes ? Math.ceil(seconds / 60) : seconds);
  };
