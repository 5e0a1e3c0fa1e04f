/** Whether this runtime's ICU data knows `name` as a time zone (an IANA name such as America/Mexico_City). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
