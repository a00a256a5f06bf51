// Small formatting helpers shared by the screens.
export function ago(iso) {
  if (!iso) return '';
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.round(s / 60) + ' min ago';
  if (s < 86400) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** The time now in a time zone, e.g. "14:05 (America/Chicago)". */
export function localTime(zone) {
  if (!zone) return 'unknown';
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date()) + ' (' + zone + ')';
  } catch (e) {
    return zone;
  }
}

export function contactName(c) {
  if (!c) return '';
  if (c.kind === 'HOUSEHOLD' && c.householdName) return c.householdName;
  const n = ((c.firstName || '') + ' ' + (c.lastName || '')).trim();
  return n || '(no name)';
}

/** A datetime-local input's value as an ISO instant, or null. */
export function localInputToIso(value) {
  if (!value) return null;
  const d = new Date(value);
  return isNaN(d.getTime()) ? null : d.toISOString();
}

export function label(code) {
  return (code || '').toLowerCase().replace(/_/g, ' ');
}
