/**
 * Times on the episode clock: parsing what people write (share links, episode
 * files) and formatting for display and for URLs. Pure functions; none throws.
 *
 * All values are seconds (floating point, >= 0).
 */

/** Plain seconds: `3748`, `3748s`, `3748.5`, `162.35s` (at most 3 decimals). */
const PLAIN_SECONDS = /^(\d+(?:\.\d{1,3})?)s?$/
/** Unit form: `1h2m28s`, `62m28s`, `2m`, `1h`, `45s` (each unit at most once, in this order). */
const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/
/** Clock form: `1:02:28`, `62:28`, `0:05`. Fields after the first are exactly two digits. */
const CLOCK = /^(\d+):(\d{2})(?::(\d{2}))?$/
/** ISO 8601 duration: `PT01H05M09S`, `PT1H2M`, `PT45.5S`, `P1DT2H`. */
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/

/** A finite number >= 0, with -0 normalised to 0; else undefined. */
function validSeconds(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined
  return n === 0 ? 0 : n
}

/**
 * Seconds from a written time, or undefined meaning "no time". Never throws.
 *
 * - Numbers: accepted when finite and >= 0, returned as they are.
 * - Strings (trimmed, case-insensitive):
 *   - plain seconds `3748`, `3748s`, `3748.5`, `162.35s`: at most 3 decimals;
 *   - units `1h2m28s`, `62m28s`, `2m`, `1h`, `45s`: whole numbers, each unit at
 *     most once and in the order h, m, s;
 *   - clock `1:02:28`, `62:28`, `0:05`: the first field has one or more digits
 *     (it may exceed 59: `62:28` is 62 minutes); the fields after it have
 *     exactly two digits.
 *   In the unit and clock forms, every field after the first one written must
 *   be < 60 (`1:60` and `1h75m` are rejected; `75m` is fine).
 * - Anything else (empty, negative, `abc`, `1:2:3:4`, `1h2h`, `NaN`,
 *   `Infinity`, `1e400`, values that overflow to Infinity, non-strings) gives
 *   undefined.
 */
export function parseTime(input: unknown): number | undefined {
  if (typeof input === 'number') return validSeconds(input)
  if (typeof input !== 'string') return undefined
  const s = input.trim().toLowerCase()
  if (s === '') return undefined

  const plain = PLAIN_SECONDS.exec(s)
  if (plain) return validSeconds(Number(plain[1]))

  const units = UNITS.exec(s)
  if (units) return fromFields([units[1], units[2], units[3]], [3600, 60, 1])

  const clock = CLOCK.exec(s)
  if (clock) {
    // `m:ss` or `h:mm:ss`: align the written fields to their units.
    return clock[3] === undefined
      ? fromFields([clock[1], clock[2]], [60, 1])
      : fromFields([clock[1], clock[2], clock[3]], [3600, 60, 1])
  }
  return undefined
}

/**
 * Sum of `field × unit` over the written fields (undefined entries are absent).
 * Undefined when no field is written, or a field after the first written one
 * is >= 60, or the total is not finite.
 */
function fromFields(fields: (string | undefined)[], units: number[]): number | undefined {
  let total = 0
  let seenFirst = false
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]
    if (field === undefined) continue
    const value = Number(field)
    if (seenFirst && value >= 60) return undefined
    seenFirst = true
    total += value * (units[i] ?? 1)
  }
  return seenFirst ? validSeconds(total) : undefined
}

/**
 * Display form: `1:02:28` from one hour on, else `2:31` / `0:05` (minutes not
 * padded, seconds two digits). Fractions are floored (`5.99` → `0:05`).
 * Negative, NaN and non-finite values give `0:00`.
 */
export function formatTime(sec: number): string {
  const whole = Number.isFinite(sec) && sec > 0 ? Math.floor(sec) : 0
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = whole % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/**
 * How a start is shown everywhere (transcript, chapters, search results): the
 * written display time when the start is the written one (`1:02:28`), else
 * {@link formatTime}; an estimated start gets a `~` (`~2:51`).
 */
export function timeLabel(start: number, estimated: boolean, written?: string): string {
  if (!estimated && written) return written
  return `${estimated ? '~' : ''}${formatTime(start)}`
}

/**
 * Compact form for share URLs (`?t=`): the value rounded to 3 decimals, with
 * no trailing zeros and no decimal point when whole: `3748`, `162.35`, `0.001`.
 * Negative, NaN and non-finite values give `0`.
 *
 * Round trip: `parseTime(formatTimeParam(x)) === Math.round(x * 1000) / 1000`
 * for every finite x >= 0 with `x * 1000` a safe integer; larger values are
 * rounded to whole seconds (written out in full, never in exponent notation).
 */
export function formatTimeParam(sec: number): string {
  if (!Number.isFinite(sec) || sec <= 0) return '0'
  const millis = Math.round(sec * 1000)
  if (!Number.isSafeInteger(millis)) {
    // Too large for millisecond precision; BigInt writes every digit.
    return BigInt(Math.round(sec)).toString()
  }
  // Build the decimal from the integer count of milliseconds, so the text is
  // exactly k/1000 and parses back to the same double as `millis / 1000`.
  const whole = Math.floor(millis / 1000)
  const frac = String(millis % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '')
  return frac === '' ? String(whole) : `${whole}.${frac}`
}

/**
 * Seconds from an ISO 8601 duration as written in episode files:
 * `PT01H05M09S`, `PT1H2M`, `PT45S`, `PT58M3S`, `PT1H`, `PT45.5S` (fractional
 * seconds with `.` or `,`), and optionally days `P1DT2H` / `P1D`. Trimmed,
 * case-insensitive. Fields are not limited to < 60 (`PT90M` is 5400).
 * Undefined for anything else, including `P`, `PT`, `P1DT`, years, months,
 * weeks, negative durations and non-strings. Never throws.
 */
export function parseIsoDuration(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined
  const text = s.trim().toUpperCase()
  const m = ISO_DURATION.exec(text)
  if (!m) return undefined
  const [, days, hours, minutes, seconds] = m
  if (days === undefined && hours === undefined && minutes === undefined && seconds === undefined) {
    return undefined
  }
  if (text.endsWith('T')) return undefined // `P1DT`: a time designator with no time.
  const total =
    Number(days ?? 0) * 86400 +
    Number(hours ?? 0) * 3600 +
    Number(minutes ?? 0) * 60 +
    Number((seconds ?? '0').replace(',', '.'))
  return validSeconds(total)
}

/**
 * Human form for cards: `1 h 5 min`, `2 h` (no `0 min`), `58 min`, `45 s`.
 * Floors to whole seconds, then shows hours and minutes from one hour on,
 * minutes alone from one minute on (seconds dropped), else seconds.
 * Negative, NaN and non-finite values give `0 s`.
 */
export function formatDuration(sec: number): string {
  const whole = Number.isFinite(sec) && sec > 0 ? Math.floor(sec) : 0
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  if (m > 0) return `${m} min`
  return `${whole} s`
}
