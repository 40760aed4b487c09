// Local wall-clock times as Contract 3 spells them ("2026-11-21T23:52").

const pad = (n) => String(n).padStart(2, '0');

/** The local time (this device's time zone) of an instant, to the minute. */
export function localTimeString(ms = Date.now()) {
  const d = new Date(ms);
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** True for "YYYY-MM-DDTHH:MM" (seconds, if present, are dropped by `normaliseLocalTime`). */
export const isLocalTime = (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s ?? '');
export const normaliseLocalTime = (s) => (isLocalTime(s) ? s.slice(0, 16) : null);

const display = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const displayDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Sat 21 Nov, 23:52" for a Contract 3 local time. */
export function showLocalTime(local) {
  const [d, t] = local.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  return display.format(new Date(y, mo - 1, da, hh, mm));
}

/** "12 Mar 2019, 23:14" for an instant. */
export const showDate = (ms) => displayDate.format(new Date(ms));
