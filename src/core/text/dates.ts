// Dates as messages show them: an ISO instant without milliseconds, and the distance to now.
import { msg, type Message } from './message';

/** An ISO date without milliseconds, for messages ("2026-11-25T19:02:11Z"). */
export function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "in 2 h 59 min" / "3 h 1 min ago" between now and a date. */
export function relative(d: Date, now: Date): Message {
  const ms = d.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text = days > 0 ? `${days} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
  return ms >= 0 ? msg('in {t}', { t: text }) : msg('{t} ago', { t: text });
}
