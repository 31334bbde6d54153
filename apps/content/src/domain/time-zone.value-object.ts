/** Whether the runtime's IANA database knows the zone ('Europe/Rome' yes, 'Mars/Olympus' no). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
